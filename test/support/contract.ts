import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';

type Schema = { $ref?: string; type?: string; example?: unknown; enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema };
type Operation = { parameters?: Array<{ in: string; name: string }>; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

export interface ContractOperation {
  path: string;
  method: string;
  /** Names of its query parameters. */
  query: string[];
  /** Its JSON request body's schema, if it takes one. */
  body?: Schema;
}

/** A field's value chosen by the test, or undefined to build it from the schema. */
export type FieldChoice = (field: string) => unknown;

/** The committed openapi.yaml, as the contract tests walk it. */
export class Contract {
  readonly #document = load(readFileSync('openapi.yaml', 'utf8')) as Document;

  operations(): ContractOperation[] {
    return Object.entries(this.#document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        query: (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map(({ name }) => name),
        body: operation.requestBody?.content?.['application/json']?.schema,
      })),
    );
  }

  /**
   * A body built from the schema's examples, valid enough to reach each
   * field's own validation. `choose` may set any field; the items of an array
   * field are asked for by its singular id name (`membershipIds` → `membershipId`).
   */
  sample(schema: Schema | undefined, choose: FieldChoice = () => undefined, field = '', depth = 0): unknown {
    const resolved = this.#resolve(schema);
    if (!resolved || depth > 4) return 'x';
    const chosen = field ? choose(field) : undefined;
    if (chosen !== undefined) return chosen;
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.enum) return resolved.enum[0];
    if (resolved.properties) {
      return Object.fromEntries(Object.entries(resolved.properties).map(([name, property]) => [name, this.sample(property, choose, name, depth + 1)]));
    }
    if (resolved.type === 'array') return [this.sample(resolved.items, choose, field.replace(/s$/, 'Id'), depth + 1)];
    if (resolved.type === 'integer' || resolved.type === 'number') return 1;
    if (resolved.type === 'boolean') return true;
    return 'x';
  }

  #resolve(schema: Schema | undefined): Schema | undefined {
    return schema?.$ref ? this.#resolve(this.#document.components.schemas[schema.$ref.split('/').pop()!]) : schema;
  }
}

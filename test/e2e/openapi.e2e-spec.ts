import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { renderOpenApi } from '../../apps/api/src/openapi/render-openapi.js';

type Operation = { requestBody?: { content: Record<string, { schema?: unknown }> }; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('openapi.yaml (the committed contract)', () => {
  let rendered: string;

  beforeAll(async () => {
    rendered = await renderOpenApi();
  });

  it('is what the code generates (run `npm run openapi` when this fails)', () => {
    expect(readFileSync('openapi.yaml', 'utf8')).toBe(rendered);
  });

  it('lints clean with @redocly/cli', () => {
    expect(() => execFileSync('node_modules/.bin/redocly', ['lint', 'openapi.yaml', '--format=stylish'], { stdio: 'pipe' })).not.toThrow();
  });

  it('gives every operation a response schema, and every body-taking operation a request schema', () => {
    const document = load(rendered) as { paths: Record<string, Record<string, Operation>> };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
        expect([`${method} ${path}`, success]).toEqual([`${method} ${path}`, expect.anything()]);
        if (success![0] !== '204') expect([`${method} ${path}`, success![1].content]).toEqual([`${method} ${path}`, expect.anything()]);
        if (['post', 'put', 'patch'].includes(method) && operation.requestBody) {
          expect(Object.values(operation.requestBody.content)[0].schema).toBeDefined();
        }
      }
    }
  });
});

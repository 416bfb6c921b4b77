import jsonc from 'jsonc-parser';

export interface SourceLocation {
  line: number;
  column: number;
}

function locationOf(text: string, offset: number): SourceLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Maps JSON path segments to a 1-based line and column in the source: the
 * property's key when it exists, else the nearest enclosing value that does
 * (a missing required field points at the object that lacks it).
 */
export function sourceLocator(text: string): (segments: ReadonlyArray<string | number>) => SourceLocation | undefined {
  const root = jsonc.parseTree(text);
  return (segments) => {
    if (!root) return undefined;
    for (let length = segments.length; length >= 0; length -= 1) {
      const node = jsonc.findNodeAtLocation(root, segments.slice(0, length) as Array<string | number>);
      if (!node) continue;
      const anchor = length === segments.length && node.parent?.type === 'property' ? node.parent : node;
      return locationOf(text, anchor.offset);
    }
    return undefined;
  };
}

/** Where strict JSON parsing of `text` fails, or undefined when it parses. */
export function syntaxErrorOf(text: string): { message: string; location: SourceLocation } | undefined {
  const errors: jsonc.ParseError[] = [];
  jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return undefined;
  return { message: jsonc.printParseErrorCode(errors[0].error), location: locationOf(text, errors[0].offset) };
}

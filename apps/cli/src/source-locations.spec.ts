import { segmentsOf } from './manifest-file.js';
import { sourceLocator, syntaxErrorOf } from './source-locations.js';

const TEXT = '{\n  "features": [\n    {\n      "key": "a",\n      "actions": [ { "key": "v" } ]\n    }\n  ],\n  "odd key": 1\n}';

describe('source locations', () => {
  const locate = sourceLocator(TEXT);

  it('points at the key of an existing property', () => {
    expect(locate(['features', 0, 'key'])).toEqual({ line: 4, column: 7 });
    expect(locate(['features', 0, 'actions', 0, 'key'])).toEqual({ line: 5, column: 22 });
    expect(locate(['odd key'])).toEqual({ line: 8, column: 3 });
  });

  it('points a missing field at the object lacking it', () => {
    expect(locate(['features', 0, 'name'])).toEqual({ line: 3, column: 5 });
    expect(locate([])).toEqual({ line: 1, column: 1 });
  });

  it('locates strict JSON syntax errors, including comments and trailing commas', () => {
    expect(syntaxErrorOf('{"a": 1}')).toBeUndefined();
    expect(syntaxErrorOf('{\n  "a": 1,\n}')?.location.line).toBe(3);
    expect(syntaxErrorOf('{\n // no\n "a": 1}')?.location.line).toBe(2);
  });

  it('reads JSON paths back into segments', () => {
    expect(segmentsOf('$.features[12].actions[0].key')).toEqual(['features', 12, 'actions', 0, 'key']);
    expect(segmentsOf('$["odd key"]')).toEqual(['odd key']);
    expect(segmentsOf('$')).toEqual([]);
  });
});

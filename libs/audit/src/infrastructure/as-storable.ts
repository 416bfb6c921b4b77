import { storableText } from '#platform';

const NUL = '\u0000';
const REPLACEMENT = '\uFFFD';

/**
 * `value` as PostgreSQL text and jsonb can keep it: every U+0000 and unpaired
 * surrogate in a string or key becomes U+FFFD. Audit rows record what requests carried, and the
 * evidence of a request with a NUL in it must not be lost (nor take the
 * batch it was queued in with it). Untouched values are returned as they are.
 */
export function asStorable<T>(value: T): T {
  if (typeof value === 'string') return (storableText(value) ? value : value.replaceAll(NUL, REPLACEMENT).toWellFormed()) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  // Every audit row passes here: a copy is made only of what changes.
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, at) => {
      const kept = asStorable(item);
      if (kept !== item) (copy ??= [...value])[at] = kept;
    });
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const keptKey = asStorable(key);
    const kept = asStorable(record[key]);
    if (keptKey === key && kept === record[key]) continue;
    copy ??= { ...record };
    delete copy[key];
    copy[keptKey] = kept;
  }
  return (copy ?? value) as T;
}

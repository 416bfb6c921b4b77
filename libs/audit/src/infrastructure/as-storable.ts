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
  if (Array.isArray(value)) {
    const items = value.map(asStorable);
    return (items.some((item, at) => item !== value[at]) ? items : value) as T;
  }
  const entries = Object.entries(value);
  const kept = entries.map(([key, item]) => [asStorable(key), asStorable(item)] as const);
  return (kept.some(([key, item], at) => key !== entries[at]![0] || item !== entries[at]![1]) ? Object.fromEntries(kept) : value) as T;
}

import { DomainError } from '#kernel';
import { isUniqueViolation, rowsOf } from '#platform';
import type { Page, PageRequest } from '../../domain/keys.js';

/** Runs an insert, turning a unique violation into the domain error `conflict` builds. */
export async function insertOrConflict<T>(work: () => Promise<T>, conflict: () => DomainError): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** Rows fetched with `LIMIT limit + 1` ordered by `cursorOf`: the page and the cursor of the next one. */
export function pageFromRows<R, T>(rows: R[], page: PageRequest, map: (row: R) => T, cursorOf: (row: R) => string): Page<T> {
  const more = rows.length > page.limit;
  const kept = more ? rows.slice(0, page.limit) : rows;
  return { items: kept.map(map), nextCursor: more ? cursorOf(kept[kept.length - 1]) : null };
}

/** Whether a DELETE or UPDATE touched any row. */
export function deleted(result: unknown): boolean {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] > 0 : rowsOf(result).length > 0;
}

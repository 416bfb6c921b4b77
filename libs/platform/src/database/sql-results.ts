import type { Page, PageQuery } from '#kernel';

/** The PostgreSQL unique_violation (23505), raised through pg or PGlite, with the violated index when known. */
export function uniqueViolation(error: unknown): { constraint?: string } | null {
  const candidate = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  const code = candidate?.code ?? candidate?.driverError?.code;
  if (code !== '23505') return null;
  return { constraint: candidate?.constraint ?? candidate?.driverError?.constraint };
}

export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolation(error) !== null;
}

/**
 * An error PostgreSQL answered for a statement (pg's or PGlite's
 * DatabaseError: a severity and a SQLSTATE), so the statement changed
 * nothing. A connection lost mid-statement gives no such answer, and the
 * statement may or may not have committed.
 */
export function refusedByServer(error: unknown): boolean {
  const candidate = error as { severity?: unknown; code?: unknown } | null;
  return typeof candidate?.severity === 'string' && typeof candidate.code === 'string';
}

/** TypeORM answers UPDATE and DELETE (… RETURNING) with `[rows, affected]` and everything else with the rows; this gives the rows either way. */
export function rowsOf<R>(result: unknown): R[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as R[]) : (result as R[]);
}

/** Rows fetched with `LIMIT limit + 1` in cursor order: the page, and the cursor of the next one when there is more. */
export function pageFromRows<R, T>(rows: R[], page: PageQuery, map: (row: R) => T, cursorOf: (row: R) => string): Page<T> {
  const more = rows.length > page.limit;
  const kept = more ? rows.slice(0, page.limit) : rows;
  return { items: kept.map(map), nextCursor: more ? cursorOf(kept[kept.length - 1]) : null };
}

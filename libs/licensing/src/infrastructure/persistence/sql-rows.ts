/** TypeORM answers INSERT/UPDATE/DELETE … RETURNING as [rows, count] and SELECT as rows; this gives the rows either way. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The PostgreSQL unique_violation (23505) through pg or PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } } | null;
  return (candidate?.code ?? candidate?.driverError?.code) === '23505';
}

/** The PostgreSQL unique_violation (23505) raised through pg or PGlite, with the violated index when known. */
export function uniqueViolation(error: unknown): { constraint?: string } | null {
  const candidate = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  const code = candidate?.code ?? candidate?.driverError?.code;
  if (code !== '23505') return null;
  return { constraint: candidate?.constraint ?? candidate?.driverError?.constraint };
}

import { DomainError } from '#kernel';
import { isUniqueViolation, rowsOf } from '#platform';

/** Runs an insert, turning a unique violation into the domain error `conflict` builds. */
export async function insertOrConflict<T>(work: () => Promise<T>, conflict: () => DomainError): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** Whether a DELETE or UPDATE touched any row. */
export function deleted(result: unknown): boolean {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] > 0 : rowsOf(result).length > 0;
}

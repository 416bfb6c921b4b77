const SECRET_KEY = /secret|password|token|private.?key|key.?material|jwk|credential|passphrase/i;
export const MASK = '***';

/** A copy of `value` where every field whose name suggests a secret is replaced, at any depth. */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET_KEY.test(key) && inner != null ? MASK : maskSecrets(inner)]),
  ) as T;
}

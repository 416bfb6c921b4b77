/**
 * A resource id pattern of a policy: the id itself, or a glob where `*`
 * stands for any run of characters (`*`, `eu-*`, `reports:*:eu`).
 * Everything else matches literally.
 */
export const MAX_RESOURCE_PATTERN_LENGTH = 200;

export function resourcePatternProblems(pattern: string): string[] {
  if (pattern.length === 0 || pattern.length > MAX_RESOURCE_PATTERN_LENGTH) return [`resourcePattern must be 1-${MAX_RESOURCE_PATTERN_LENGTH} characters`];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pattern)) return ['resourcePattern must not contain control characters'];
  return [];
}

export type ResourceMatcher = (resourceId: string) => boolean;

export function compileResourcePattern(pattern: string): ResourceMatcher {
  if (pattern === '*') return () => true;
  if (!pattern.includes('*')) return (id) => id === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 's');
  return (id) => regex.test(id);
}

/**
 * perm_ver identifies the snapshot of an active membership; an inactive one
 * holds nothing whatever its perm_ver, so its status is part of the tag.
 */
export const etagOf = (permVer: number, status: string): string => (status === 'active' ? `"${permVer}"` : `"${permVer}-${status}"`);

/** RFC 9110 weak comparison of If-None-Match against one tag. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

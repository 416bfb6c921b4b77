import { readFileSync } from 'node:fs';
import { ALL_PERMISSIONS, mayChangeMembership, ORGANIZATION_ROLES, ROLE_PERMISSIONS } from './organization-role.js';

/** The permissions the README's table lists for a role. */
function documented(role: string): string[] {
  const row = readFileSync('README.md', 'utf8')
    .split('\n')
    .find((line) => line.startsWith(`| ${role} |`));
  return [...(row ?? '').matchAll(/`([a-z.]+)`/g)].map((match) => match[1]);
}

describe('organization roles', () => {
  it('give owners and admins every permission, members only reading', () => {
    expect([...ROLE_PERMISSIONS.owner].sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect([...ROLE_PERMISSIONS.member].sort()).toEqual(['applications.read', 'members.read', 'organization.read']);
  });

  it('let only owners act on owners', () => {
    expect(mayChangeMembership('owner', 'owner')).toBe(true);
    expect(mayChangeMembership('admin', 'owner')).toBe(false);
    expect(mayChangeMembership('admin', 'member')).toBe(true);
    expect(mayChangeMembership('member', 'member')).toBe(false);
  });

  it('are the ones the README lists', () => {
    expect(documented('owner').sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect(documented('member').sort()).toEqual([...ROLE_PERMISSIONS.member].sort());
    for (const role of ORGANIZATION_ROLES) expect(readFileSync('README.md', 'utf8')).toContain(`| ${role} |`);
  });
});

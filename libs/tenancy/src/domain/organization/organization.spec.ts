import { Organization } from './organization.js';

const now = new Date('2026-12-02T10:00:00Z');

describe('organization', () => {
  it('stores its name trimmed and records its creation', () => {
    const organization = Organization.create('tenant-1', '  Acme Labs \t', now);
    expect(organization.name).toBe('Acme Labs');
    expect(organization.pullEvents()).toEqual([expect.objectContaining({ type: 'organization.created', payload: { organizationId: organization.id, name: 'Acme Labs' } })]);
  });

  it.each(['', '   ', '\t\n', 'x'.repeat(101)])('refuses the name %j', (name) => {
    expect(() => Organization.create('tenant-1', name, now)).toThrow(expect.objectContaining({ code: 'tenancy.invalid_organization_name' }));
  });

  it('renames to a trimmed name, and reports no change for the same one', () => {
    const organization = Organization.create('tenant-1', 'Acme', now);
    organization.pullEvents();
    expect(organization.rename(' Acme ', now)).toBeNull();
    expect(organization.rename('Acme Europe ', now)).toEqual({ before: 'Acme', after: 'Acme Europe' });
    expect(() => organization.rename('  ', now)).toThrow(expect.objectContaining({ code: 'tenancy.invalid_organization_name' }));
    expect(organization.name).toBe('Acme Europe');
  });
});

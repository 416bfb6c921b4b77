import { generateInvitationToken, Invitation, INVITATION_LIFETIME_MS } from './invitation.js';

const issuedAt = new Date('2026-01-05T09:30:00Z');
const issue = () =>
  Invitation.issue(
    {
      tenantId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10',
      organizationId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11',
      membershipId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e13',
      email: 'grace@acme.example',
      tokenHash: 'hmac-sha256$x',
    },
    issuedAt,
  );

describe('invitation', () => {
  it('expires after seven days', () => {
    expect(issue().expiresAt.getTime() - issuedAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    const late = new Date(issuedAt.getTime() + INVITATION_LIFETIME_MS);
    expect(() => issue().accept(late)).toThrow(expect.objectContaining({ code: 'tenancy.invitation_expired' }));
  });

  it('is used once', () => {
    const invitation = issue();
    invitation.accept(issuedAt);
    expect(() => invitation.accept(issuedAt)).toThrow(expect.objectContaining({ code: 'tenancy.invitation_not_found' }));
  });

  it('generates unguessable, distinct tokens', () => {
    const a = generateInvitationToken();
    expect(a).toMatch(/^nxinv_[A-Za-z0-9_-]{43}$/);
    expect(generateInvitationToken()).not.toBe(a);
  });
});

import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, isUuid } from '#kernel';
import type { Principal } from '#platform';
import { FindClientQuery } from '#identity';
import { FeatureLicensing } from '../ports/feature-licensing.js';
import { type MembershipState, MembershipStates } from '../ports/runtime-state.js';

/** Scope that lets a service ask on behalf of a membership of its own tenant. */
export const RUNTIME_AUTHORIZATION_SCOPE = 'nexidentity.runtime_authorization';

/** Whose access is asked about, in which application, and the perm_ver the caller's token carries. */
export interface RuntimeSubject {
  applicationId: string;
  /** The tenant that owns the application (the vendor's, for a consumer member of a marketplace product). */
  applicationTenantId: string;
  membership: MembershipState;
  tokenPermVer: number | null;
}

const membershipNotFound = (membershipId: string) => new DomainError('authorization.membership_not_found', `No membership ${membershipId} in your tenant.`);

/**
 * Resolves the subject of a runtime question. The application is the one that
 * owns the token's client: of the caller's own tenant, or a vendor's
 * application whose marketplace product the caller's organization installed.
 * A user asks about its own membership; a service with the runtime scope may
 * name a membership of its own tenant, and any other tenant's id is simply
 * not found (fail closed).
 */
@Injectable()
export class RuntimeSubjects {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly memberships: MembershipStates,
    private readonly licensing: FeatureLicensing,
  ) {}

  async resolve(principal: Principal, onBehalfOf: string | undefined): Promise<RuntimeSubject> {
    const client = await this.queryBus.execute(new FindClientQuery(principal.clientId));
    if (!client || !principal.tenantId || !(client.tenantId === principal.tenantId || (await this.installed(principal, client.applicationId)))) {
      throw new DomainError(
        'authorization.no_application_context',
        'The runtime check answers for the application that owns the token’s client; this token’s client belongs to no application of its tenant or of a product its organization installed.',
      );
    }
    const self = principal.kind === 'user' ? principal.membershipId : undefined;
    const membershipId = onBehalfOf ?? self;
    if (!membershipId) {
      throw new DomainError('authorization.membership_required', 'A service token must name the membership it asks about (membershipId).');
    }
    if (membershipId !== self && !principal.scopes.has(RUNTIME_AUTHORIZATION_SCOPE)) {
      throw new DomainError('authorization.on_behalf_not_allowed', `Asking on behalf of another membership needs the scope ${RUNTIME_AUTHORIZATION_SCOPE}.`, {
        requiredScope: RUNTIME_AUTHORIZATION_SCOPE,
      });
    }
    const membership = isUuid(membershipId) ? await this.memberships.find(membershipId) : null;
    if (!membership || membership.tenantId !== principal.tenantId) throw membershipNotFound(membershipId);
    return {
      applicationId: client.applicationId,
      applicationTenantId: client.tenantId,
      membership,
      tokenPermVer: membershipId === self ? (principal.permVer ?? null) : null,
    };
  }

  private installed(principal: Principal, applicationId: string): Promise<boolean> {
    return principal.kind === 'user' && principal.organizationId ? this.licensing.hasInstalled(principal.organizationId, applicationId) : Promise.resolve(false);
  }
}

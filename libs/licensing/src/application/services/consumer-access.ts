import { Injectable } from '@nestjs/common';
import type { Principal } from '#platform';
import type { Entitlement } from '../../domain/entitlement/entitlement.js';
import { EntitlementRepository } from '../../domain/entitlement/entitlement.repository.js';
import type { Installation } from '../../domain/installation/installation.js';
import { InstallationRepository } from '../../domain/installation/installation.repository.js';
import type { Subscription } from '../../domain/subscription/subscription.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';
import { LicensingAccess, type LicensingPermission, notFound, tenantFor } from './licensing-access.js';

/** Consumer-side resources (installations, subscriptions, entitlements) of the caller's organization, or "not found". */
@Injectable()
export class ConsumerAccess {
  constructor(
    private readonly access: LicensingAccess,
    private readonly installations: InstallationRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly entitlements: EntitlementRepository,
  ) {}

  async installation(principal: Principal, id: string, permission: LicensingPermission): Promise<Installation> {
    const missing = notFound('licensing.installation_not_found', 'installation', id);
    const tenantId = tenantFor(principal, id);
    const installation = tenantId ? await this.installations.find(tenantId, id) : null;
    if (!installation) throw missing;
    await this.access.resource(principal, installation.organizationId, permission, missing);
    return installation;
  }

  /** With `lock`, the subscription row stays locked until the transaction ends. */
  async subscription(principal: Principal, id: string, permission: LicensingPermission, lock = false): Promise<Subscription> {
    const missing = notFound('licensing.subscription_not_found', 'subscription', id);
    const tenantId = tenantFor(principal, id);
    const subscription = tenantId ? await (lock ? this.subscriptions.lock(tenantId, id) : this.subscriptions.find(tenantId, id)) : null;
    if (!subscription) throw missing;
    await this.access.resource(principal, subscription.organizationId, permission, missing);
    return subscription;
  }

  async entitlement(principal: Principal, id: string, permission: LicensingPermission, lock = false): Promise<Entitlement> {
    const missing = notFound('licensing.entitlement_not_found', 'entitlement', id);
    const tenantId = tenantFor(principal, id);
    const entitlement = tenantId ? await (lock ? this.entitlements.lock(tenantId, id) : this.entitlements.find(tenantId, id)) : null;
    if (!entitlement) throw missing;
    await this.access.resource(principal, entitlement.organizationId, permission, missing);
    return entitlement;
  }
}

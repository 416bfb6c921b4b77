import type { OAuthClient } from './oauth-client.js';

export abstract class OAuthClientRepository {
  /** Within the tenant only: another tenant's client is simply not found. */
  abstract find(tenantId: string, clientId: string): Promise<OAuthClient | null>;
  abstract listByApplication(tenantId: string, applicationId: string): Promise<OAuthClient[]>;
  abstract countByApplication(tenantId: string, applicationId: string): Promise<number>;
  abstract save(client: OAuthClient): Promise<void>;
  abstract delete(tenantId: string, clientId: string): Promise<void>;
}

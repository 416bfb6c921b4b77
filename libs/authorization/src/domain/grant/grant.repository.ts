import type { Page, PageRequest } from '../keys.js';
import type { DirectGrantRecord } from './direct-grant.js';

/** Direct grants; granting a held one again raises `authorization.grant_exists`. */
export abstract class GrantRepository {
  abstract find(tenantId: string, grantId: string): Promise<DirectGrantRecord | null>;
  abstract insert(grant: DirectGrantRecord): Promise<void>;
  abstract delete(grant: DirectGrantRecord): Promise<void>;
  abstract list(tenantId: string, membershipId: string, page: PageRequest): Promise<Page<DirectGrantRecord>>;
}

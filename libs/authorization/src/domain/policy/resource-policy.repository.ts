import type { Page, PageRequest } from '../keys.js';
import type { ResourcePolicyRecord } from './resource-policy.js';

export abstract class ResourcePolicyRepository {
  abstract find(tenantId: string, policyId: string): Promise<ResourcePolicyRecord | null>;
  abstract insert(policy: ResourcePolicyRecord): Promise<void>;
  abstract delete(policy: ResourcePolicyRecord): Promise<void>;
  abstract list(tenantId: string, applicationId: string, page: PageRequest): Promise<Page<ResourcePolicyRecord>>;
}

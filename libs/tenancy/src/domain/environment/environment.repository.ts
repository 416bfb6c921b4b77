import type { Environment } from './environment.js';

export abstract class EnvironmentRepository {
  /** Fails with `tenancy.environment_key_taken` when the key is used in the application. */
  abstract insert(environment: Environment): Promise<void>;
  abstract update(environment: Environment): Promise<void>;
  abstract delete(environment: Environment): Promise<void>;
  /** Null when the environment is not in that tenant's application. */
  abstract find(tenantId: string, applicationId: string, id: string): Promise<Environment | null>;
  abstract countByApplication(tenantId: string, applicationId: string): Promise<number>;
  abstract list(tenantId: string, applicationId: string): Promise<Environment[]>;
}

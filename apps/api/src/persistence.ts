import { auditPersistence } from '#audit';
import { authorizationPersistence } from '#authorization';
import { identityPersistence } from '#identity';
import { licensingPersistence } from '#licensing';
import { type PersistenceParts, platformPersistence } from '#platform';
import { tenancyPersistence } from '#tenancy';

/** Every context's tables and migrations, in the order their schemas depend on each other. */
export const allPersistence: PersistenceParts[] = [platformPersistence, tenancyPersistence, identityPersistence, auditPersistence, authorizationPersistence, licensingPersistence];


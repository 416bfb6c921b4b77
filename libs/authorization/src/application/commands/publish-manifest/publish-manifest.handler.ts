import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Clock, DomainError, newId } from '#kernel';
import { FindApplicationByKeyQuery } from '#tenancy';
import { AuditTrail, ChangeSignals, UnitOfWork } from '#platform';
import type { FeatureManifestDocument } from '../../../domain/manifest/feature-manifest.js';
import { ManifestRepository } from '../../../domain/manifest/manifest.repository.js';
import { planPublication } from '../../../domain/manifest/manifest-publication.js';
import { validateManifest } from '../../../domain/manifest/manifest-validation.js';
import { MANIFEST_CHANGED } from '../../ports/active-manifests.js';
import { PermissionReferences } from '../../ports/permission-references.js';
import { PermVersions } from '../../services/perm-versions.js';
import { PublisherAuthenticator } from '../../services/publisher-authenticator.js';
import type { PublishManifestResult } from '../../views.js';
import { PublishManifestCommand } from './publish-manifest.command.js';

/** At most this many references are listed in a 409; `referenceCount` gives the total. */
const LISTED_REFERENCES = 100;

@CommandHandler(PublishManifestCommand)
export class PublishManifestHandler implements ICommandHandler<PublishManifestCommand> {
  constructor(
    private readonly publishers: PublisherAuthenticator,
    private readonly queryBus: QueryBus,
    private readonly manifests: ManifestRepository,
    private readonly references: PermissionReferences,
    private readonly versions: PermVersions,
    private readonly signals: ChangeSignals,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: PublishManifestCommand): Promise<PublishManifestResult> {
    const { applicationKey, mode } = command;
    const publisher = await this.publishers.authenticate(command.credentials, applicationKey, command.ip);
    const application = await this.queryBus.execute(new FindApplicationByKeyQuery(publisher.tenantId, applicationKey));
    if (!application || application.id !== publisher.applicationId) {
      throw this.publishers.reject(publisher, applicationKey, new DomainError('authorization.publisher_forbidden', `Client ${publisher.clientId} may not publish the manifest of application ${applicationKey}.`));
    }
    if (application.status !== 'active') {
      throw this.publishers.reject(publisher, applicationKey, new DomainError('authorization.application_disabled', `The application ${applicationKey} is disabled; enable it before publishing its manifest.`));
    }
    const validation = validateManifest(command.document);
    if (!validation.valid) {
      const errors = validation.errors.map(({ path, message }) => ({ field: path, message }));
      throw this.publishers.reject(publisher, applicationKey, new DomainError('authorization.invalid_manifest', `The manifest has ${errors.length} error(s); see errors.`, { errors }));
    }
    const { tenantId, id: applicationId } = application;
    const result = (fields: Omit<PublishManifestResult, 'applicationId' | 'applicationKey' | 'dryRun'>): PublishManifestResult => ({
      applicationId,
      applicationKey,
      dryRun: mode === 'dry-run',
      ...fields,
    });

    return this.uow.run(async () => {
      await this.manifests.serialize(tenantId, applicationId);
      const active = await this.manifests.findActive(tenantId, applicationId);
      const plan = planPublication(active, validation.document as FeatureManifestDocument);
      const { version, contentHash, diff } = plan;
      if (!plan.changed) return result({ version, changed: false, contentHash, publishedAt: active!.publishedAt.toISOString(), diff, pruned: [] });

      const references = await this.references.find(tenantId, applicationId, diff.removed.actions);
      if (references.length > 0 && command.references === 'refuse') {
        throw this.publishers.reject(
          publisher,
          applicationKey,
          new DomainError(
            'authorization.manifest_permissions_in_use',
            `${references.length} role permission(s), grant(s) or resource policies still use permissions this manifest removes; remove them or publish with prune=true.`,
            { referenceCount: references.length, references: references.slice(0, LISTED_REFERENCES) },
          ),
        );
      }
      if (mode === 'dry-run') return result({ version, changed: true, contentHash, publishedAt: null, diff, pruned: references });

      // Whoever held a pruned reference (directly, through a group, or by an organization-wide policy) gets a new perm_ver with the publish.
      if (references.length > 0) await this.versions.bump(tenantId, await this.references.prune(tenantId, applicationId, references));
      const publishedAt = this.clock.now();
      await this.manifests.activate({ id: newId(), tenantId, applicationId, version, contentHash, document: plan.document, active: true, publishedBy: publisher.clientId, publishedAt });
      await this.signals.publish(MANIFEST_CHANGED, applicationId);
      await this.audit.record({
        tenantId,
        organizationId: application.organizationId,
        action: 'manifest.published',
        actor: { type: 'client', id: publisher.clientId },
        target: { type: 'application', id: applicationId, display: applicationKey },
        outcome: 'success',
        diff: {
          before: { version: active?.version ?? null, contentHash: active?.contentHash ?? null },
          after: { version, contentHash },
          added: diff.added,
          removed: diff.removed,
          changed: diff.changed.length,
          pruned: references.length,
        },
      });
      return result({ version, changed: true, contentHash, publishedAt: publishedAt.toISOString(), diff, pruned: references });
    });
  }
}

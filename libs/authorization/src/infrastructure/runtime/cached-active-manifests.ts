import { Injectable } from '@nestjs/common';
import { ChangeSignals, SignalledCache, UnitOfWork } from '#platform';
import { ActiveManifests, MANIFEST_CHANGED } from '../../application/ports/active-manifests.js';
import { FeatureManifest, type FeatureManifestDocument } from '../../domain/manifest/feature-manifest.js';

interface Row {
  tenant_id: string;
  version: number;
  content: FeatureManifestDocument | string;
}

/** The active row of authz.manifests per application, dropped when a publish signals MANIFEST_CHANGED. */
@Injectable()
export class CachedActiveManifests extends ActiveManifests {
  readonly #cache: SignalledCache<{ tenantId: string; manifest: FeatureManifest } | null>;

  constructor(
    private readonly uow: UnitOfWork,
    signals: ChangeSignals,
  ) {
    super();
    this.#cache = new SignalledCache(signals);
    signals.subscribe(MANIFEST_CHANGED, (applicationId) => this.#cache.invalidate(applicationId));
  }

  async find(tenantId: string, applicationId: string): Promise<FeatureManifest | null> {
    const found = await this.#cache.get(applicationId, async () => {
      const rows: Row[] = await this.uow.manager.query(
        `SELECT tenant_id, version, content FROM authz.manifests WHERE application_id = $1 AND is_active`,
        [applicationId],
      );
      if (rows.length === 0) return null;
      const content = typeof rows[0].content === 'string' ? (JSON.parse(rows[0].content) as FeatureManifestDocument) : rows[0].content;
      return { tenantId: rows[0].tenant_id, manifest: new FeatureManifest(applicationId, Number(rows[0].version), content) };
    });
    return found && found.tenantId === tenantId ? found.manifest : null;
  }
}

import { Injectable } from '@nestjs/common';
import type { ResourceRef } from '../../domain/access/access-model.js';
import { type BatchDecision, decideAll } from '../../domain/access/decision.js';
import type { EffectiveAccess } from '../../domain/access/effective-access.js';
import type { FeatureManifest, PermissionKey } from '../../domain/manifest/feature-manifest.js';
import { ActiveManifests } from '../ports/active-manifests.js';
import { EffectiveAccessSource } from '../ports/runtime-state.js';
import type { RuntimeSubject } from './runtime-subjects.js';

export interface Evaluated {
  subject: RuntimeSubject;
  manifest: FeatureManifest | null;
  access: EffectiveAccess;
}

export interface RuntimeAnswer extends BatchDecision {
  membershipId: string;
  applicationId: string;
  permVer: number;
  tokenPermVer: number | null;
  manifestVersion: number | null;
}

/** Gathers the live inputs of a decision (manifest and effective access at the live perm_ver) and decides. */
@Injectable()
export class RuntimeEvaluator {
  constructor(
    private readonly manifests: ActiveManifests,
    private readonly effective: EffectiveAccessSource,
  ) {}

  async inputs(subject: RuntimeSubject): Promise<Evaluated> {
    const { membership, applicationId, applicationTenantId } = subject;
    const [manifest, access] = await Promise.all([this.manifests.find(applicationTenantId, applicationId), this.effective.get(membership, applicationId)]);
    return { subject, manifest, access };
  }

  async answer(subject: RuntimeSubject, permissions: readonly PermissionKey[], resource?: ResourceRef): Promise<RuntimeAnswer> {
    const { manifest, access } = await this.inputs(subject);
    const decision = decideAll({ membershipActive: subject.membership.status === 'active', manifest, access }, permissions, resource);
    return {
      ...decision,
      membershipId: subject.membership.membershipId,
      applicationId: subject.applicationId,
      permVer: subject.membership.permVer,
      tokenPermVer: subject.tokenPermVer,
      manifestVersion: manifest?.version ?? null,
    };
  }
}

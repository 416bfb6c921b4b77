import type { FeatureManifestDocument, PermissionKey } from './feature-manifest.js';

/** A display change of a feature (actionKey null) or of an action. */
export interface ManifestChange {
  featureKey: string;
  actionKey: string | null;
  field: 'name' | 'description';
  from: string;
  to: string;
}

export interface ManifestDiffSide {
  /** Feature keys. */
  features: string[];
  /** Every permission (featureKey, actionKey), including those of the features listed. */
  actions: PermissionKey[];
}

export interface ManifestDiff {
  added: ManifestDiffSide;
  removed: ManifestDiffSide;
  changed: ManifestChange[];
}

type Indexed = Map<string, { name: string; description: string; actions: Map<string, string> }>;

function index(document: FeatureManifestDocument | null): Indexed {
  return new Map(
    (document?.features ?? []).map((feature) => [
      feature.key,
      { name: feature.name, description: feature.description ?? '', actions: new Map(feature.actions.map((action) => [action.key, action.description ?? ''])) },
    ]),
  );
}

function onlyIn(left: Indexed, right: Indexed): ManifestDiffSide {
  const side: ManifestDiffSide = { features: [], actions: [] };
  for (const [featureKey, feature] of left) {
    const other = right.get(featureKey);
    if (!other) side.features.push(featureKey);
    for (const actionKey of feature.actions.keys()) if (!other?.actions.has(actionKey)) side.actions.push({ featureKey, actionKey });
  }
  return side;
}

/** What publishing `next` over `active` (null: none yet) adds, removes and renames. Both in canonical form. */
export function diffManifests(active: FeatureManifestDocument | null, next: FeatureManifestDocument): ManifestDiff {
  const before = index(active);
  const after = index(next);
  const changed: ManifestChange[] = [];
  for (const [featureKey, feature] of after) {
    const old = before.get(featureKey);
    if (!old) continue;
    for (const field of ['name', 'description'] as const) {
      if (old[field] !== feature[field]) changed.push({ featureKey, actionKey: null, field, from: old[field], to: feature[field] });
    }
    for (const [actionKey, description] of feature.actions) {
      const previous = old.actions.get(actionKey);
      if (previous !== undefined && previous !== description) changed.push({ featureKey, actionKey, field: 'description', from: previous, to: description });
    }
  }
  return { added: onlyIn(after, before), removed: onlyIn(before, after), changed };
}

export function isEmptyDiff(diff: ManifestDiff): boolean {
  return diff.added.actions.length === 0 && diff.removed.actions.length === 0 && diff.changed.length === 0 && diff.added.features.length === 0 && diff.removed.features.length === 0;
}

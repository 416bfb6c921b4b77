import type { ManifestDiff, PermissionReference } from '../../../libs/authorization/src/domain/manifest/index.js';

/** The publish answer as the CLI reads it (see PublishManifestResponse in openapi.yaml). */
export interface PublishAnswer {
  applicationKey: string;
  version: number;
  changed: boolean;
  dryRun: boolean;
  diff: ManifestDiff;
  pruned: PermissionReference[];
}

/** Human-readable summary: a headline, then `+` added, `-` removed, `~` changed lines. */
export function formatDiff(answer: PublishAnswer): string[] {
  const { applicationKey: app, version, diff } = answer;
  if (!answer.changed) return [`${app}: unchanged, version ${version} stays active.`];
  const headline = answer.dryRun ? `${app}: dry run, publishing would create version ${version}.` : `${app}: published version ${version}.`;
  const lines = [headline];
  const features = (keys: string[], sign: string) => keys.forEach((key) => lines.push(`  ${sign} feature ${key}`));
  features(diff.added.features, '+');
  diff.added.actions.forEach(({ featureKey, actionKey }) => lines.push(`  + ${featureKey}:${actionKey}`));
  features(diff.removed.features, '-');
  diff.removed.actions.forEach(({ featureKey, actionKey }) => lines.push(`  - ${featureKey}:${actionKey}`));
  diff.changed.forEach(({ featureKey, actionKey, field, from, to }) =>
    lines.push(`  ~ ${featureKey}${actionKey ? `:${actionKey}` : ''} ${field}: ${JSON.stringify(from)} -> ${JSON.stringify(to)}`),
  );
  answer.pruned.forEach((reference) =>
    lines.push(`  ${answer.dryRun ? 'would prune' : 'pruned'} ${reference.kind} ${reference.display} (${reference.featureKey}:${reference.actionKey})`),
  );
  return lines;
}

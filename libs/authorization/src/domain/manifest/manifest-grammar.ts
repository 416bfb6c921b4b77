/**
 * The grammar of manifest keys. Feature keys are what roles, grants, policies,
 * licensing editions and integrators' code name, so they are deliberately
 * boring: dot-separated lower-case segments, each starting with a letter
 * (`reports`, `reports.advanced`, `billing.invoices_v2`). Action keys are one
 * such segment (`view`, `export`, `bulk-delete`).
 */
export const FEATURE_KEY_PATTERN = '^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*$';
export const ACTION_KEY_PATTERN = '^[a-z][a-z0-9_-]*$';

export const MANIFEST_LIMITS = {
  featureKeyLength: 100,
  actionKeyLength: 50,
  nameLength: 100,
  descriptionLength: 500,
  features: 1000,
  actionsPerFeature: 50,
} as const;

export const FEATURE_KEY_RULE = `dot-separated lower-case segments, each a letter then letters, digits, "_" or "-", at most ${MANIFEST_LIMITS.featureKeyLength} characters (e.g. reports.advanced)`;
export const ACTION_KEY_RULE = `a letter then lower-case letters, digits, "_" or "-", at most ${MANIFEST_LIMITS.actionKeyLength} characters (e.g. view, bulk-export)`;

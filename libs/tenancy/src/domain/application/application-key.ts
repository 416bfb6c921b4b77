/**
 * Application keys are stable identifiers integrators put in configuration
 * and manifests: 2-64 characters, lower-case letters and digits, in segments
 * joined by single dots or hyphens (`orders`, `orders-api`, `acme.orders.web`),
 * starting with a letter and ending with a letter or digit.
 */
export const APPLICATION_KEY_PATTERN = /^(?=.{2,64}$)[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

/** Environment keys (`development`, `staging`, `prod-eu`): kebab-case, 2-32 characters, starting with a letter. */
export const ENVIRONMENT_KEY_PATTERN = /^(?=.{2,32}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const APPLICATION_STATUSES = ['active', 'disabled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const EXTERNAL_CONSUMPTION_POLICIES = ['none', 'allowlist', 'public'] as const;
export type ExternalConsumptionPolicy = (typeof EXTERNAL_CONSUMPTION_POLICIES)[number];

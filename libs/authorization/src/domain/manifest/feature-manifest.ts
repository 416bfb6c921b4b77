/** One action of a feature (`view`, `export`, ...). */
export interface ManifestAction {
  key: string;
  description?: string;
}

/** One feature of an application (`reports.advanced`) and the actions it offers. */
export interface ManifestFeature {
  key: string;
  name: string;
  description?: string;
  actions: ManifestAction[];
}

/** The document a publisher sends: `{ features: [...] }`. */
export interface FeatureManifestDocument {
  features: ManifestFeature[];
}

/** A permission: an action of a feature. */
export interface PermissionKey {
  featureKey: string;
  actionKey: string;
}

export const permissionId = ({ featureKey, actionKey }: PermissionKey): string => `${featureKey}:${actionKey}`;

/** A published, validated manifest version, with O(1) lookups of its permissions. */
export class FeatureManifest {
  readonly #permissions: ReadonlySet<string>;

  constructor(
    readonly applicationId: string,
    readonly version: number,
    readonly document: FeatureManifestDocument,
  ) {
    this.#permissions = new Set(document.features.flatMap((feature) => feature.actions.map((action) => permissionId({ featureKey: feature.key, actionKey: action.key }))));
  }

  has(permission: PermissionKey): boolean {
    return this.#permissions.has(permissionId(permission));
  }

  /** The permissions of `wanted` that this manifest does not declare. */
  unknown(wanted: readonly PermissionKey[]): PermissionKey[] {
    return wanted.filter((permission) => !this.has(permission));
  }
}

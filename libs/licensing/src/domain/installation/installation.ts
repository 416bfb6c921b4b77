import { AggregateRoot, domainEvent, newId } from '#kernel';

export interface InstallationState {
  id: string;
  /** The consumer's tenant and organization: the installation is theirs. */
  tenantId: string;
  organizationId: string;
  productId: string;
  editionId: string;
  applicationId: string;
  vendorTenantId: string;
  vendorOrganizationId: string;
  installedAt: Date;
}

/** The cross-tenant bridge from a consumer organization to a vendor product and edition. */
export class Installation extends AggregateRoot {
  private constructor(private readonly state: InstallationState) {
    super();
  }

  static create(input: Omit<InstallationState, 'id' | 'installedAt'>, now: Date): Installation {
    const installation = new Installation({ id: newId(now.getTime()), ...input, installedAt: now });
    installation.event('product.installed', now);
    return installation;
  }

  static restore(state: InstallationState): Installation {
    return new Installation({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get tenantId(): string {
    return this.state.tenantId;
  }
  get organizationId(): string {
    return this.state.organizationId;
  }
  get productId(): string {
    return this.state.productId;
  }

  uninstall(now: Date): void {
    this.event('product.uninstalled', now);
  }

  snapshot(): Readonly<InstallationState> {
    return { ...this.state };
  }

  private event(type: string, now: Date): void {
    const { id, organizationId, productId, editionId, applicationId } = this.state;
    this.record(domainEvent(type, this.state.tenantId, id, { installationId: id, organizationId, productId, editionId, applicationId }, now));
  }
}

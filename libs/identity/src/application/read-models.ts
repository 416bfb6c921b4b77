export interface UserView {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
}

/** An active OAuth client as other contexts see it: whose it is and what it may do. */
export interface ClientSummary {
  clientId: string;
  name: string;
  tenantId: string;
  organizationId: string;
  applicationId: string;
  type: 'InteractiveWeb' | 'Automation' | 'ManifestPublisher';
  scopes: string[];
}

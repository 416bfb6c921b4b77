export interface DirectoryUser {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
}

/**
 * User accounts as tenancy needs them. Identity provides the adapter, so the
 * dependency between the two contexts points one way (identity → tenancy).
 * `register` joins the caller's unit of work; it links an existing account
 * when the password proves ownership, and fails with
 * `identity.email_already_registered` (409) otherwise.
 */
export abstract class UserDirectory {
  abstract register(email: string, password: string, name: string): Promise<{ userId: string; created: boolean }>;
  abstract findByEmail(email: string): Promise<DirectoryUser | null>;
  abstract findMany(userIds: string[]): Promise<DirectoryUser[]>;
}

import { newId } from '#kernel';
import type { PermissionKey } from '../manifest/feature-manifest.js';

/** One permission of an application given straight to a membership. */
export interface DirectGrantRecord extends PermissionKey {
  id: string;
  tenantId: string;
  organizationId: string;
  applicationId: string;
  membershipId: string;
  createdAt: Date;
}

export function newDirectGrant(fields: Omit<DirectGrantRecord, 'id' | 'createdAt'>, now: Date): DirectGrantRecord {
  return { id: newId(now.getTime()), ...fields, createdAt: now };
}

import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, isUuid } from '#kernel';
import type { ResourceRef } from '../../domain/access/access-model.js';
import type { PermissionKey } from '../../domain/manifest/feature-manifest.js';
import { RESOURCE_TYPE_PATTERN } from '../resource-policies/resource-policy.request.js';
import { MAX_CHECK_PERMISSIONS } from './runtime-authorization.request.js';

export interface CheckRequest {
  permissions: PermissionKey[];
  resource?: ResourceRef;
  membershipId?: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownFields(value: Record<string, unknown>, allowed: readonly string[], prefix: string, errors: FieldError[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) errors.push({ field: `${prefix}${key}`, message: `unknown field ${key}` });
}

function text(value: unknown, field: string, max: number, errors: FieldError[]): void {
  if (typeof value !== 'string') errors.push({ field, message: `${field} must be a string` });
  else if (value.length < 1 || value.length > max) errors.push({ field, message: `${field} must be 1-${max} characters` });
}

/**
 * The check's body, validated by hand with the rules of CheckAuthorizationRequest
 * (which documents it). The check is the hot path: class-transformer and
 * class-validator cost more than the whole decision, so this route skips them.
 */
@Injectable()
export class CheckRequestPipe implements PipeTransform<unknown, CheckRequest> {
  transform(body: unknown): CheckRequest {
    return this.validate(body, [], []);
  }

  /** Validates the check's fields; `extraFields` are allowed and left to the caller, which adds its `errors`. */
  protected validate(body: unknown, extraFields: readonly string[], extraErrors: FieldError[]): CheckRequest {
    const errors: FieldError[] = [...extraErrors];
    if (!isObject(body)) throw invalid([{ field: 'body', message: 'the body must be a JSON object' }]);
    unknownFields(body, ['permissions', 'resource', 'membershipId', ...extraFields], '', errors);
    const { permissions, resource, membershipId } = body;
    if (!Array.isArray(permissions)) errors.push({ field: 'permissions', message: 'permissions must be an array' });
    else if (permissions.length < 1 || permissions.length > MAX_CHECK_PERMISSIONS) {
      errors.push({ field: 'permissions', message: `permissions must contain 1 to ${MAX_CHECK_PERMISSIONS} elements` });
    } else {
      permissions.forEach((permission: unknown, index) => {
        const prefix = `permissions.${index}.`;
        if (!isObject(permission)) return errors.push({ field: `permissions.${index}`, message: 'each permission must be an object' });
        unknownFields(permission, ['featureKey', 'actionKey'], prefix, errors);
        text(permission.featureKey, `${prefix}featureKey`, 128, errors);
        text(permission.actionKey, `${prefix}actionKey`, 128, errors);
      });
    }
    if (resource !== undefined) {
      if (!isObject(resource)) errors.push({ field: 'resource', message: 'resource must be an object' });
      else {
        unknownFields(resource, ['type', 'id'], 'resource.', errors);
        if (typeof resource.type !== 'string' || !RESOURCE_TYPE_PATTERN.test(resource.type)) {
          errors.push({ field: 'resource.type', message: 'resource.type must be 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter' });
        }
        text(resource.id, 'resource.id', 200, errors);
      }
    }
    if (membershipId !== undefined && !isUuid(membershipId)) errors.push({ field: 'membershipId', message: 'membershipId must be a UUID' });
    if (errors.length > 0) throw invalid(errors);
    const request = body as unknown as CheckRequest;
    return {
      permissions: request.permissions.map(({ featureKey, actionKey }) => ({ featureKey, actionKey })),
      resource: request.resource && { type: request.resource.type, id: request.resource.id },
      membershipId: request.membershipId,
    };
  }
}

function invalid(errors: FieldError[]): DomainError {
  return new DomainError('platform.validation_failed', errors.length === 1 ? `${errors[0].field}: ${errors[0].message}` : `${errors.length} fields are invalid.`, { errors });
}

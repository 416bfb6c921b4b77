import { Injectable } from '@nestjs/common';
import { isUuid } from '#kernel';
import type { LicenseTarget } from '../../application/queries/check-scoped/check-scoped.query.js';
import { FEATURE_KEY_PATTERN, MANIFEST_LIMITS } from '../../domain/manifest/manifest-grammar.js';
import { type CheckRequest, CheckRequestPipe, type FieldError, isObject } from './check-request.pipe.js';

export interface CheckScopedRequestBody extends CheckRequest {
  target: LicenseTarget;
}

const FEATURE_KEY = new RegExp(FEATURE_KEY_PATTERN);

/** The scoped check's body: the check's fields plus `licensedFeatureKey`, or the legacy `entitlementId` (exactly one). */
@Injectable()
export class CheckScopedRequestPipe extends CheckRequestPipe {
  override transform(body: unknown): CheckScopedRequestBody {
    const errors: FieldError[] = [];
    const { licensedFeatureKey, entitlementId } = isObject(body) ? body : {};
    if ((licensedFeatureKey === undefined) === (entitlementId === undefined)) {
      errors.push({ field: 'licensedFeatureKey', message: 'name either licensedFeatureKey or (legacy) entitlementId, not both' });
    } else if (licensedFeatureKey !== undefined && (typeof licensedFeatureKey !== 'string' || licensedFeatureKey.length > MANIFEST_LIMITS.featureKeyLength || !FEATURE_KEY.test(licensedFeatureKey))) {
      errors.push({ field: 'licensedFeatureKey', message: 'licensedFeatureKey must be a feature key such as reports.advanced' });
    } else if (entitlementId !== undefined && !isUuid(entitlementId)) {
      errors.push({ field: 'entitlementId', message: 'entitlementId must be a UUID' });
    }
    const request = this.validate(body, ['licensedFeatureKey', 'entitlementId'], errors);
    return { ...request, target: typeof entitlementId === 'string' ? { entitlementId } : { licensedFeatureKey: licensedFeatureKey as string } };
  }
}

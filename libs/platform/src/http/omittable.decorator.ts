import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out; when present, null included, it is validated.
 * Use it instead of `IsOptional()`, which also skips `null` and so lets it reach
 * code that only expects `undefined` for "absent". Document the field with
 * `ApiPropertyOptional` as before.
 */
export function Omittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

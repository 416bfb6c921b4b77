import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '#kernel';
import type { FieldError } from '../errors/problem.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'unknown field $1'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, forbid unknown fields, transform to DTO classes; failures become one problem listing every field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new DomainError(
        'platform.validation_failed',
        fieldErrors.length === 1 ? `${fieldErrors[0].field}: ${fieldErrors[0].message}` : `${fieldErrors.length} fields are invalid.`,
        { errors: fieldErrors },
      );
    },
  });
}

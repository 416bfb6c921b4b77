import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '#kernel';
import type { FieldError } from '../errors/problem.js';
import { NOT_AN_OBJECT } from './json-body.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // Two constraints can word their failure alike (a missing string fails both IsString and a pattern).
    const messages = new Set(Object.values(error.constraints ?? {}).map((message) => message.replace(/^property (\S+) should not exist$/, 'unknown field $1')));
    return [...[...messages].map((message) => ({ field, message })), ...flatten(error.children ?? [], field)];
  });
}

class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A DTO body is an object: an array would otherwise be reported field by field ("unknown field 0").
    if (metadata.type === 'body' && Array.isArray(value) && this.toValidate(metadata)) throw new DomainError('platform.validation_failed', NOT_AN_OBJECT);
    return super.transform(value, metadata);
  }
}

/** Whitelist, forbid unknown fields, transform to DTO classes; failures become one problem listing every field. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
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

import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { passwordProblems } from '../domain/tenant/password-policy.js';
import { slugProblems } from '../domain/tenant/tenant-slug.js';

/** For `@Matches`: blank names are refused at the edge (the domain trims and checks again). */
export const NOT_BLANK = /\S/;

/** The domain's slug grammar, reported as a field error at the edge (the domain checks it again). */
export function IsTenantSlug(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isTenantSlug',
      target: target.constructor,
      propertyName: property,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && slugProblems(value).length === 0,
        defaultMessage: (args?: ValidationArguments) => slugProblems(args?.value as string).join('; ') || 'slug is not valid',
      },
    });
}

/** The domain's password policy; `emailProperty` names the sibling field the password must differ from. */
export function MeetsPasswordPolicy(emailProperty?: string, options?: ValidationOptions) {
  const email = (args?: ValidationArguments) =>
    emailProperty ? ((args?.object as Record<string, unknown>)[emailProperty] as string | undefined) : undefined;
  return (target: object, property: string) =>
    registerDecorator({
      name: 'meetsPasswordPolicy',
      target: target.constructor,
      propertyName: property,
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          typeof value === 'string' && passwordProblems(value, typeof email(args) === 'string' ? email(args) : undefined).length === 0,
        defaultMessage: (args?: ValidationArguments) => {
          const candidate = email(args);
          return passwordProblems(args?.value as string, typeof candidate === 'string' ? candidate : undefined).join('; ') || 'password is not valid';
        },
      },
    });
}

import { DomainError } from '#kernel';
import { CheckRequestPipe } from './check-request.pipe.js';

const pipe = new CheckRequestPipe();
const view = { featureKey: 'reports', actionKey: 'view' };
const fields = (body: unknown) => {
  try {
    pipe.transform(body);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('platform.validation_failed');
    return ((error as DomainError).details.errors as Array<{ field: string }>).map((e) => e.field);
  }
};

describe('CheckRequestPipe', () => {
  it('accepts a valid body and copies only the known fields', () => {
    expect(pipe.transform({ permissions: [view], resource: { type: 'report', id: 'eu-1' }, membershipId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12' })).toEqual({
      permissions: [view],
      resource: { type: 'report', id: 'eu-1' },
      membershipId: '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12',
    });
  });

  it.each([
    ['not an object', [view], ['body']],
    ['no permissions', {}, ['permissions']],
    ['an empty batch', { permissions: [] }, ['permissions']],
    ['101 permissions', { permissions: Array.from({ length: 101 }, () => view) }, ['permissions']],
    ['a permission without action', { permissions: [{ featureKey: 'x' }] }, ['permissions.0.actionKey']],
    ['an empty feature key', { permissions: [{ featureKey: '', actionKey: 'x' }] }, ['permissions.0.featureKey']],
    ['a number as key', { permissions: [{ featureKey: 1, actionKey: 'x' }] }, ['permissions.0.featureKey']],
    ['an unknown field', { permissions: [view], admin: true }, ['admin']],
    ['an unknown permission field', { permissions: [{ ...view, extra: 1 }] }, ['permissions.0.extra']],
    ['a resource without id', { permissions: [view], resource: { type: 'report' } }, ['resource.id']],
    ['a bad resource type', { permissions: [view], resource: { type: '9 lives', id: 'x' } }, ['resource.type']],
    ['a bad membership id', { permissions: [view], membershipId: 'me' }, ['membershipId']],
    ['a null resource', { permissions: [view], resource: null }, ['resource']],
    ['a null membership id', { permissions: [view], membershipId: null }, ['membershipId']],
  ])('refuses %s', (_case, body, expected) => {
    expect(fields(body)).toEqual(expected);
  });
});

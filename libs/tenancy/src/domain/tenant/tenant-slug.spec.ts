import { slugProblems } from './tenant-slug.js';

describe('tenant slug (identity-domain label)', () => {
  it.each(['acme', 'acme-corp', 'a1b', 'x'.repeat(63), '123', 'ab-cd-ef'])('accepts %s', (slug) => {
    expect(slugProblems(slug)).toEqual([]);
  });

  it.each([
    ['ab', 'at least'],
    ['x'.repeat(64), '3 to 63'],
    ['Acme', 'lower case'],
    ['acme_corp', 'only a-z'],
    ['acme.corp', 'only a-z'],
    ['-acme', 'hyphen'],
    ['acme-', 'hyphen'],
    ['xn--acme', 'IDN'],
    ['admin', 'reserved'],
    ['www', 'reserved'],
    ['nexinid', 'reserved'],
    ['acmé', 'only a-z'],
  ])('refuses %s', (slug, reason) => {
    const problems = slugProblems(slug);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(reason === 'at least' ? '3 to 63' : reason));
  });
});

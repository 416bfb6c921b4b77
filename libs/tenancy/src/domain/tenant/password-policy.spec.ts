import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('correct horse battery staple', 'ada@acme.example')).toEqual([]);
  });

  it('accepts exactly 12 and exactly 128 characters', () => {
    expect(passwordProblems('abcdefghijkl')).toEqual([]);
    expect(passwordProblems('ab'.repeat(64))).toEqual([]);
  });

  it('refuses fewer than 12 characters (counting code points)', () => {
    expect(passwordProblems('short pass1')).toEqual(['password must be at least 12 characters long']);
    expect(passwordProblems('😀'.repeat(11))).toContain('password must be at least 12 characters long');
  });

  it('refuses more than 128 characters', () => {
    expect(passwordProblems('ab'.repeat(64) + 'c')).toEqual(['password must be at most 128 characters long']);
  });

  it('refuses one repeated character', () => {
    expect(passwordProblems('aaaaaaaaaaaaaaaa')).toEqual(['password must not repeat a single character']);
  });

  it('refuses the email address, whatever its case', () => {
    expect(passwordProblems('Ada.Lovelace@Acme.example', 'ada.lovelace@acme.example')).toEqual(['password must not be the email address']);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('aaaa', undefined)).toHaveLength(2);
  });
});

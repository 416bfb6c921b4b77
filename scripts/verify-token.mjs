#!/usr/bin/env node
// Validates a NexinID access token the way a tenant backend does (spec 001):
// discovery, then the JWKS it names, then issuer, audience, signature (ES256),
// type, expiry and not-before, and the required scopes. Prints the claims; exits 1 on any failure.
//   node scripts/verify-token.mjs --token JWT [--issuer http://localhost:3000] [--scope nexidentity.api]...
import { parseArgs } from 'node:util';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const { values } = parseArgs({
  options: {
    issuer: { type: 'string', default: process.env.NEXINID_ISSUER ?? 'http://localhost:3000' },
    token: { type: 'string' },
    audience: { type: 'string', default: 'nexidentity.api' },
    scope: { type: 'string', multiple: true, default: ['nexidentity.api'] },
  },
});
if (!values.token) {
  process.stderr.write('usage: node scripts/verify-token.mjs --token JWT [--issuer URL] [--audience AUD] [--scope SCOPE]...\n');
  process.exit(2);
}

try {
  const issuer = values.issuer.replace(/\/+$/, '');
  const discovery = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!discovery.ok) throw new Error(`discovery answered HTTP ${discovery.status}`);
  const metadata = await discovery.json();
  if (metadata.issuer !== issuer) throw new Error(`discovery names the issuer ${metadata.issuer}, not ${issuer}`);
  const { payload, protectedHeader } = await jwtVerify(values.token, createRemoteJWKSet(new URL(metadata.jwks_uri)), {
    issuer: metadata.issuer,
    audience: values.audience,
    algorithms: ['ES256'],
    typ: 'at+jwt',
    requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
  });
  const granted = new Set(String(payload.scope ?? '').split(' '));
  const missing = values.scope.filter((scope) => !granted.has(scope));
  if (missing.length > 0) throw new Error(`the token lacks the scope ${missing.join(' ')}`);
  process.stdout.write(`${JSON.stringify({ valid: true, kid: protectedHeader.kid, claims: payload }, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`invalid: ${error.code ? `${error.code}: ` : ''}${error.message}\n`);
  process.exit(1);
}

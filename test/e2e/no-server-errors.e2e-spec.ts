import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { registerTenant, signInAdmin } from '../support/tenants.js';

type Document = { paths: Record<string, Record<string, unknown>> };

const IDS = ['not-a-uuid', '01a20000-0000-7000-8000-000000000000', '%00', "1' OR '1'='1"];
const BODIES = ['{}', '[]', 'null', '"text"', '{"name": {"$gt": ""}, "type": 42, "key": [], "email": true}', '{'];

/** Every operation of the contract, fed ids and bodies it cannot accept, answers 4xx: never a 5xx. */
describe('bad input never causes a server error (e2e)', () => {
  let nexinid: TestNexinId;
  let token: string;
  const document = load(readFileSync('openapi.yaml', 'utf8')) as Document;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })));

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '100000' } });
    token = (await signInAdmin(nexinid, await registerTenant(nexinid))).accessToken;
  });
  afterAll(() => nexinid?.close());

  it.each(operations)('$method $path', async ({ path, method }) => {
    const failures: string[] = [];
    for (const id of IDS) {
      const url = `${nexinid.baseUrl}${path.replace(/\{[^}]+\}/g, encodeURIComponent(id))}`;
      for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : BODIES) {
        for (const auth of [true, false]) {
          const response = await fetch(url, {
            method,
            headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
            body,
          });
          if (response.status >= 500) failures.push(`${method} ${url} ${body ?? ''} -> ${response.status} ${await response.text()}`);
          else await response.arrayBuffer();
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

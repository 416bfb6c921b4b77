import { Contract } from '../support/contract.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { createApplication, registerTenant, signInAdmin } from '../support/tenants.js';

const IDS = ['not-a-uuid', '01a20000-0000-7000-8000-000000000000', '\u0000', '%00', "1' OR '1'='1"];
const BODIES = ['{}', '[]', 'null', '"text"', '{"name": {"$gt": ""}, "type": 42, "key": [], "email": true}', '{', '{"name": "a\\u0000b"}', '{"name": "a\\ud800b"}'];
const QUERY_VALUES = ['%00', 'x', '-1', '99999999999999999999', ''];
/** What each field of a valid body is replaced by, one field at a time. */
const FIELD_VALUES: unknown[] = [null, 'a\u0000b', 'a\uD800b', 12, [], {}, 'x'.repeat(5_000)];
/** A syntactically valid id for path parameters this test has no real value for. */
const SOME_ID = '01a20000-0000-7000-8000-000000000000';

/**
 * Every operation of the contract, fed ids, queries, bodies and single fields
 * it cannot accept, answers 4xx: never a 5xx. Ids are varied one at a time,
 * the others being real, so a bad id is also seen past the ones before it.
 */
describe('bad input never causes a server error (e2e)', () => {
  let nexinid: TestNexinId;
  let token: string;
  let realIds: Record<string, string>;
  const contract = new Contract();

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '100000' } });
    const tenant = await registerTenant(nexinid);
    token = (await signInAdmin(nexinid, tenant)).accessToken;
    const application = await createApplication(nexinid, token, tenant.organizationId);
    realIds = { orgId: tenant.organizationId, membershipId: tenant.membershipId, applicationId: application.id, applicationKey: application.key };
  });
  afterAll(() => nexinid?.close());

  it.each(contract.operations())('$method $path', async ({ path, method, query, body: schema }) => {
    const failures: string[] = [];
    const send = async (url: string, body?: string, auth = true) => {
      const response = await fetch(`${nexinid.baseUrl}${url}`, {
        method,
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      if (response.status >= 500) failures.push(`${method} ${url} ${body?.slice(0, 200) ?? ''} -> ${response.status} ${await response.text()}`);
      else await response.arrayBuffer();
    };
    const withBody = method !== 'GET' && method !== 'DELETE';
    const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
    const fill = (name?: string, id?: string) => path.replace(/\{(\w+)\}/g, (_, param: string) => (param === name ? encodeURIComponent(id!) : encodeURIComponent(realIds[param] ?? SOME_ID)));

    for (const name of params.length ? params : [undefined]) {
      for (const id of name ? IDS : ['']) {
        for (const body of withBody ? BODIES : [undefined]) for (const auth of [true, false]) await send(fill(name, id), body, auth);
      }
    }
    for (const name of query) {
      for (const value of QUERY_VALUES) await send(`${fill()}?${name}=${value}`, withBody ? '{}' : undefined);
    }
    const base = withBody ? contract.sample(schema) : undefined;
    if (base && typeof base === 'object' && !Array.isArray(base)) {
      for (const field of Object.keys(base)) for (const value of FIELD_VALUES) await send(fill(), JSON.stringify({ ...base, [field]: value }));
    }
    expect(failures).toEqual([]);
  });
});

import { startNexinId, type TestNexinId } from '../support/nexinid.js';

describe('platform (e2e)', () => {
  let nexinid: TestNexinId;

  beforeAll(async () => {
    nexinid = await startNexinId();
  });
  afterAll(() => nexinid?.close());

  it('answers liveness and readiness with the database checked', async () => {
    expect((await fetch(`${nexinid.baseUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${nexinid.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('exposes Prometheus metrics', async () => {
    const response = await fetch(`${nexinid.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('http_request_duration_seconds');
  });

  it('answers an unknown route with problem+json and echoes a request id', async () => {
    const response = await fetch(`${nexinid.baseUrl}/api/nope`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    expect(await response.json()).toMatchObject({ status: 404, code: 'platform.not_found', requestId: 'abc-123' });
  });

  it('keeps REST answers out of caches and sniffing, unless a route allows caching', async () => {
    for (const response of [await fetch(`${nexinid.baseUrl}/api/plans`), await fetch(`${nexinid.baseUrl}/api/nope`), await fetch(`${nexinid.baseUrl}/api/runtime/authorization/check`, { method: 'POST' })]) {
      expect([response.headers.get('cache-control'), response.headers.get('x-content-type-options')]).toEqual(['no-store', 'nosniff']);
    }
    expect((await fetch(`${nexinid.baseUrl}/api/schemas/feature-manifest`)).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers a malformed JSON body with platform.malformed_json', async () => {
    const response = await fetch(`${nexinid.baseUrl}/api/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"slug": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'platform.malformed_json', detail: 'The request body is not valid JSON.' });
  });

  it('reads JSON bodies by the documented rules: UTF-8, no content encoding, an object or array, a size limit', async () => {
    const post = (body: string | Buffer, headers: Record<string, string>) =>
      fetch(`${nexinid.baseUrl}/api/tenants`, { method: 'POST', headers, body }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));
    const json = { 'content-type': 'application/json' };
    expect(await post('nope', json)).toMatchObject({ status: 400, body: { code: 'platform.malformed_json', detail: 'The request body is not valid JSON.' } });
    for (const notAnObject of ['"a string"', 'null', '42', '[]', '[{"slug":"acme"}]']) {
      expect(await post(notAnObject, json)).toMatchObject({ status: 400, body: { code: 'platform.validation_failed', detail: 'The request body must be a JSON object.' } });
    }
    expect(await post('{}', { 'content-type': 'application/json; charset=latin1' })).toMatchObject({ status: 415, body: { code: 'platform.unsupported_media_type' } });
    expect(await post('{}', { ...json, 'content-encoding': 'gzip' })).toMatchObject({ status: 415, body: { code: 'platform.unsupported_media_type' } });
    expect(await post(`{"slug":"${'a'.repeat(70_000)}"}`, json)).toMatchObject({ status: 413, body: { code: 'platform.payload_too_large' } });
    // An empty body is an empty object, which then fails validation field by field, each failure listed once.
    const empty = await post('', json);
    expect(empty).toMatchObject({ status: 400, body: { code: 'platform.validation_failed' } });
    const failures = (empty.body.errors as { field: string; message: string }[]).map(({ field, message }) => `${field}: ${message}`);
    expect(failures).toContain('slug: slug must be a string');
    expect(new Set(failures).size).toBe(failures.length);
    expect(await post('{"slug": "x"}', { 'content-type': 'application/merge-patch+json; charset=utf-8' })).toMatchObject({ status: 400, body: { code: 'platform.validation_failed' } });
  });

  it('refuses bodies nested past 32 levels, which recursive validation could not take, and keeps serving', async () => {
    const nested = (depth: number, inner = '1') => `{"slug":"\\u0041","x":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}`;
    const post = (body: string) => fetch(`${nexinid.baseUrl}/api/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const depth of [33, 20_000]) {
      const response = await post(nested(depth));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'platform.validation_failed', detail: expect.stringContaining('32 levels') });
    }
    // Brackets inside strings are text, not nesting.
    expect(((await (await post(nested(30, `"${'['.repeat(100)}"`))).json()) as { detail: string }).detail).not.toContain('levels');
    expect((await fetch(`${nexinid.baseUrl}/health/live`)).status).toBe(200);
  });
});

describe('platform with NEXINID_METRICS_TOKEN (e2e)', () => {
  let nexinid: TestNexinId;
  const token = 'prometheus-scrape-7f3a9c';

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_METRICS_TOKEN: token } });
  });
  afterAll(() => nexinid?.close());

  it('serves metrics only to the bearer of the token, and health as before', async () => {
    const metrics = (authorization?: string) => fetch(`${nexinid.baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
    for (const refused of [undefined, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${Buffer.from(`x:${token}`).toString('base64')}`]) {
      const response = await metrics(refused);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await response.json()).toMatchObject({ code: 'platform.unauthorized' });
    }
    const allowed = await metrics(`Bearer ${token}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('http_request_duration_seconds');
    expect((await fetch(`${nexinid.baseUrl}/health/ready`)).status).toBe(200);
  });
});

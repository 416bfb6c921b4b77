import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { provisionClient, type ProvisionedClient } from '../support/publishers.js';
import { createApplication, registerTenant, signInAdmin } from '../support/tenants.js';

const LAUNCHER = join(process.cwd(), 'apps/cli/bin/nexinid.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a pipeline would: a subprocess of the launcher, asynchronously so this process's server keeps answering. */
function nexinid(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [LAUNCHER, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

describe('nexinid CLI (e2e, subprocess against a live server)', () => {
  let server: TestNexinId;
  let applicationKey: string;
  let publisher: ProvisionedClient;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'nexinid-cli-'));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const v1 = () => file('v1.json', JSON.stringify({ features: [{ key: 'reports', name: 'Reports', actions: [{ key: 'view' }, { key: 'export' }] }] }, null, 2));
  const v2 = () => file('v2.json', JSON.stringify({ features: [{ key: 'reports', name: 'Reporting', actions: [{ key: 'view' }] }, { key: 'audit', name: 'Audit', actions: [{ key: 'read' }] }] }, null, 2));

  beforeAll(async () => {
    // The launcher compiles dist/ when sources are newer than the last build.
    const help = await nexinid(['--help']);
    expect(help.code).toBe(0);
    server = await startNexinId();
    const tenant = await registerTenant(server);
    const adminToken = (await signInAdmin(server, tenant)).accessToken;
    const application = await createApplication(server, adminToken, tenant.organizationId);
    applicationKey = application.key;
    publisher = await provisionClient(server, adminToken, application.id);
    env = { NEXINID_ISSUER: server.baseUrl, NEXINID_CLIENT_ID: publisher.clientId, NEXINID_CLIENT_SECRET: publisher.clientSecret };
  }, 300_000);
  afterAll(() => server?.close());

  it.each([[['--help']], [['manifest', '--help']], [['manifest', 'validate', '--help']], [['manifest', 'publish', '--help']], [['manifest', 'schema', '--help']]])(
    '%j prints usage and exits 0',
    async (args) => {
      const run = await nexinid(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: nexinid');
    },
  );

  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['a missing FILE', ['manifest', 'validate']],
    ['an unknown option', ['manifest', 'validate', 'x.json', '--colour']],
    ['an unreadable file', ['manifest', 'validate', '/nonexistent/manifest.json']],
    ['publish without --application', ['manifest', 'publish', 'x.json']],
  ])('exits 2 on %s', async (_case, args) => {
    const run = await nexinid(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nexinid: /);
  });

  it('validates a good manifest offline with exit 0', async () => {
    const run = await nexinid(['manifest', 'validate', v1()]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('valid (1 features, 2 permissions)') });
  });

  it('reports each error with its line, column and JSON path, exit 1', async () => {
    const bad = file('bad.json', '{\n  "features": [\n    {\n      "key": "Reports",\n      "name": "Reports",\n      "actions": [ { "key": "view", "colour": "red" } ]\n    }\n  ]\n}\n');
    const run = await nexinid(['manifest', 'validate', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}:4:7: $.features[0].key must be dot-separated lower-case segments`);
    expect(run.stderr).toContain(`${bad}:6:37: $.features[0].actions[0].colour is not a known field`);
    const duplicate = file('dup.json', '{"features": [\n {"key": "a", "name": "A", "actions": [{"key": "v"}]},\n {"key": "a", "name": "A", "actions": [{"key": "v"}]}\n]}');
    expect((await nexinid(['manifest', 'validate', duplicate])).stderr).toContain(`${duplicate}:3:3: $.features[1].key duplicate feature key "a"`);
    const syntax = file('syntax.json', '{\n  "features": [\n    {,}\n  ]\n}');
    const broken = await nexinid(['manifest', 'validate', syntax]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${syntax}:3:`);
  });

  it('prints the schema the server serves', async () => {
    const run = await nexinid(['manifest', 'schema']);
    expect(run.code).toBe(0);
    const served = await (await fetch(`${server.baseUrl}/api/schemas/feature-manifest`)).json();
    expect(JSON.parse(run.stdout)).toEqual(served);
  });

  it('publishes with client credentials and prints the diff, exit 0', async () => {
    const run = await nexinid(['manifest', 'publish', v1(), '--application', applicationKey], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${applicationKey}: published version 1.`);
    expect(run.stdout).toContain('+ reports:export');
  });

  it('exits 0 on an unchanged re-publish, on either path', async () => {
    for (const extra of [[], ['--basic']]) {
      const run = await nexinid(['manifest', 'publish', v1(), '--application', applicationKey, ...extra], env);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('unchanged, version 1 stays active');
    }
  });

  it('dry-runs, then publishes on the Basic path with flags instead of variables', async () => {
    const flags = ['--issuer', server.baseUrl, '--client-id', publisher.clientId, '--client-secret', publisher.clientSecret];
    const dry = await nexinid(['manifest', 'publish', v2(), '--application', applicationKey, '--dry-run', ...flags]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run, publishing would create version 2');
    const run = await nexinid(['manifest', 'publish', v2(), '--application', applicationKey, '--basic', '--json', ...flags]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: 2, changed: true, diff: { removed: { actions: [{ featureKey: 'reports', actionKey: 'export' }] } } });
  });

  it('exits 1 when the server refuses, without printing the secret', async () => {
    const wrong = { ...env, NEXINID_CLIENT_SECRET: 'nxs_not-the-secret' };
    const token = await nexinid(['manifest', 'publish', v1(), '--application', applicationKey], wrong);
    expect(token.code).toBe(1);
    expect(token.stderr).toContain('Token request refused (401');
    const basic = await nexinid(['manifest', 'publish', v1(), '--application', applicationKey, '--basic'], wrong);
    expect(basic.code).toBe(1);
    expect(basic.stderr).toContain('authorization.publisher_unauthenticated');
    const otherApp = await nexinid(['manifest', 'publish', v1(), '--application', 'someone-else'], env);
    expect(otherApp.code).toBe(1);
    expect(otherApp.stderr).toContain('authorization.publisher_forbidden');
    expect(`${token.stderr}${basic.stderr}${otherApp.stderr}`).not.toContain(publisher.clientSecret);
  });

  it('exits 2 when the server cannot be reached or credentials are missing', async () => {
    const closed = await nexinid(['manifest', 'publish', v1(), '--application', applicationKey], { ...env, NEXINID_ISSUER: `http://127.0.0.1:${await freePort()}` });
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain('cannot reach');
    const missing = await nexinid(['manifest', 'publish', v1(), '--application', applicationKey], { NEXINID_ISSUER: server.baseUrl });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('NEXINID_CLIENT_ID');
  });
});

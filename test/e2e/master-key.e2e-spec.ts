import { MasterKeyMismatch } from '#platform';
import { startNexinId } from '../support/nexinid.js';
import { restartableDatabase } from '../support/test-database.js';

/** The master key seals the signing keys: a restart under another one must say so, not fail deep in a cipher. */
describe('a restart under another master key (e2e)', () => {
  let store: Awaited<ReturnType<typeof restartableDatabase>>;

  beforeAll(async () => {
    store = await restartableDatabase('nexinid-master-key');
  });
  afterAll(() => store.remove());

  const start = (masterKey: Buffer) => startNexinId({ env: { NEXINID_MASTER_KEY: masterKey.toString('base64') }, database: store.database });

  it('refuses to start, naming NEXINID_MASTER_KEY, and starts again with the right key', async () => {
    const first = await start(Buffer.alloc(32, 1));
    await first.close();

    const refused = start(Buffer.alloc(32, 2));
    await expect(refused).rejects.toBeInstanceOf(MasterKeyMismatch);
    await expect(refused).rejects.toThrow(/does not open with this NEXINID_MASTER_KEY/);

    const again = await start(Buffer.alloc(32, 1));
    expect((await fetch(`${again.baseUrl}/.well-known/jwks.json`)).status).toBe(200);
    await again.close();
  });
});

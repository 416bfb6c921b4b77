import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { SigningThread } from './signing-thread.js';

const first = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const second = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function verifies(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
}

/** The running thread, reached past `private` to stop it as a crash would. */
function runningWorker(thread: SigningThread): Worker {
  return (thread as unknown as { running(): { worker: Worker } }).running().worker;
}

describe('SigningThread', () => {
  let thread: SigningThread;

  beforeEach(() => {
    thread = new SigningThread();
    thread.useKeys(new Map([['k1', first.privateKey]]));
  });

  afterEach(() => thread.close());

  it('signs with the key named, an ES256 signature in JOSE form (r || s, 64 bytes)', async () => {
    const data = Buffer.from('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0');
    const signature = await thread.sign('k1', data);
    expect(signature).toHaveLength(64);
    expect(verifies(first.publicKey, data, signature)).toBe(true);
    expect(verifies(second.publicKey, data, signature)).toBe(false);
  });

  it('answers each of many signatures requested at once with the signature of its own data', async () => {
    const inputs = Array.from({ length: 60 }, (_, index) => Buffer.from(`header.payload-${index}`));
    const signatures = await Promise.all(inputs.map((data) => thread.sign('k1', data)));
    signatures.forEach((signature, index) => expect(verifies(first.publicKey, inputs[index]!, signature)).toBe(true));
    expect(verifies(first.publicKey, inputs[1]!, signatures[0]!)).toBe(false);
  });

  it('signs only the bytes of a view, not the rest of the buffer under it', async () => {
    const slab = Buffer.from('xxxxheader.payloadyyyy');
    const view = slab.subarray(4, 18);
    const signature = await thread.sign('k1', view);
    expect(verifies(first.publicKey, Buffer.from('header.payload'), signature)).toBe(true);
  });

  it('signs more than the shared memory holds at once, and an input too large for it on the calling thread', async () => {
    const inputs = Array.from({ length: 1_500 }, (_, index) => Buffer.alloc(2_000, `payload-${index}.`));
    const huge = Buffer.alloc(200_000, 'huge.');
    const [big, ...signatures] = await Promise.all([thread.sign('k1', huge), ...inputs.map((data) => thread.sign('k1', data))]);
    expect(verifies(first.publicKey, huge, big!)).toBe(true);
    signatures.forEach((signature, index) => expect(verifies(first.publicKey, inputs[index]!, signature)).toBe(true));
  });

  it('keeps the process alive while a signature is in the thread, and lets it exit once none is', () => {
    const script = `
      const { generateKeyPairSync } = await import('node:crypto');
      const { SigningThread } = await import(${JSON.stringify(new URL('./signing-thread.ts', import.meta.url).href)});
      const thread = new SigningThread();
      thread.useKeys(new Map([['k1', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey]]));
      const signature = await thread.sign('k1', Buffer.from('a'));
      console.log('signed', signature.length);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.stdout.trim()).toBe('signed 64');
    expect(child.status).toBe(0);
  });

  it('refuses a key it does not hold, and the others in the same batch still sign', async () => {
    const [unknown, known] = await Promise.allSettled([thread.sign('nope', Buffer.from('a')), thread.sign('k1', Buffer.from('b'))]);
    expect(unknown).toMatchObject({ status: 'rejected', reason: { message: 'no signing key nope in the signing thread' } });
    expect(known.status).toBe('fulfilled');
  });

  it('refuses to sign with a key whose signatures are not ES256 (P-384), and the others in the batch still sign', async () => {
    thread.useKeys(new Map([['k1', first.privateKey], ['p384', generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey]]));
    const [wrong, right] = await Promise.allSettled([thread.sign('p384', Buffer.from('a')), thread.sign('k1', Buffer.from('b'))]);
    expect(wrong).toMatchObject({ status: 'rejected', reason: { message: 'the signing thread could not sign with the key p384' } });
    expect(right.status === 'fulfilled' && verifies(first.publicKey, Buffer.from('b'), right.value)).toBe(true);
  });

  it('signs with the keys of the last useKeys only, in a running thread too', async () => {
    await thread.sign('k1', Buffer.from('start the thread'));
    thread.useKeys(new Map([['k2', second.privateKey]]));
    const data = Buffer.from('after rotation');
    expect(verifies(second.publicKey, data, await thread.sign('k2', data))).toBe(true);
    await expect(thread.sign('k1', data)).rejects.toThrow('no signing key k1');
  });

  it('fails the signatures a dead thread held, and starts a new thread for the next one', async () => {
    await thread.sign('k1', Buffer.from('start the thread'));
    const worker = runningWorker(thread);
    // Enough work in flight (tens of milliseconds) that the thread dies before answering all of it.
    const held = Promise.allSettled(Array.from({ length: 2_000 }, (_, index) => thread.sign('k1', Buffer.from(`in flight ${index}`))));
    await Promise.resolve(); // the batch leaves at the end of this turn
    await worker.terminate();
    const outcomes = await held;
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) expect(String(outcome.reason)).toContain('the signing thread stopped');
    const data = Buffer.from('after the crash');
    expect(verifies(first.publicKey, data, await thread.sign('k1', data))).toBe(true);
    expect(runningWorker(thread)).not.toBe(worker);
  });

  it('once closed, fails what it still held and refuses new signatures', async () => {
    await thread.sign('k1', Buffer.from('start the thread'));
    const held = expect(thread.sign('k1', Buffer.from('held'))).rejects.toThrow('the signing thread is closed');
    await thread.close();
    await held;
    await expect(thread.sign('k1', Buffer.from('late'))).rejects.toThrow('the signing thread is closed');
  });
});

import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * The thread's code. A string rather than a module file so the same code runs
 * from `dist/` and from the TypeScript sources under jest. Keys arrive as
 * KeyObjects (cloned across threads, never as text); data to sign arrives in
 * batches and the signatures go back in one message per batch.
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
let keys = new Map();
parentPort.on('message', (message) => {
  if (message.keys) { keys = new Map(message.keys); return; }
  parentPort.postMessage(message.batch.map(([id, kid, data]) => {
    const key = keys.get(kid);
    if (!key) return [id, null, 'no signing key ' + kid + ' in the signing thread'];
    try { return [id, sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })]; }
    catch (error) { return [id, null, String(error && error.message || error)]; }
  }));
});
`;

/** The thread holds nothing but its keys and the batch in flight, so its heap is capped well below V8's defaults. */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };

type Pending = { resolve: (signature: Buffer) => void; reject: (error: Error) => void };
type Queued = { id: number; kid: string; data: Uint8Array; pending: Pending };
type Result = [id: number, signature: Uint8Array | null, error?: string];

/**
 * ES256 signatures on a thread of our own. Node's asynchronous signing (what
 * jose and WebCrypto use) queues every signature to libuv's pool with a
 * WebCrypto promise; under token load that hand-off was the largest single
 * cost on the main thread, where a message to this thread costs it much less.
 * The signatures requested in one turn of the event loop (a token response's
 * ID token and access token) go as one message and come back as one
 * (docs/performance.md, "The signing thread").
 *
 * The thread starts with the first signature. If it dies, the signatures in
 * it fail (the token request answers server_error) and the next one starts a
 * new thread.
 */
export class SigningThread {
  #worker: Worker | undefined;
  #keys: [string, KeyObject][] = [];
  #queued: Queued[] | undefined;
  readonly #inFlight = new Map<number, Pending>();
  #nextId = 0;
  #closed = false;

  /** The private keys the thread may sign with, by kid (replaces the previous set). */
  useKeys(keys: ReadonlyMap<string, KeyObject>): void {
    this.#keys = [...keys];
    this.#worker?.postMessage({ keys: this.#keys });
  }

  sign(kid: string, data: Uint8Array): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new Error('the signing thread is closed'));
    if (!this.#queued) {
      this.#queued = [];
      queueMicrotask(() => this.send());
    }
    const queued = this.#queued;
    // A copy of exactly these bytes: a pooled Buffer's whole slab would be cloned with it.
    const copy = new Uint8Array(data);
    return new Promise((resolve, reject) => queued.push({ id: this.#nextId++, kid, data: copy, pending: { resolve, reject } }));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    this.fail([...(this.#queued ?? []).map(({ pending }) => pending), ...this.#inFlight.values()], new Error('the signing thread is closed'));
    this.#queued = undefined;
    this.#inFlight.clear();
    await worker?.terminate();
  }

  private send(): void {
    const queued = this.#queued ?? [];
    this.#queued = undefined;
    if (this.#closed || queued.length === 0) return;
    for (const { id, pending } of queued) this.#inFlight.set(id, pending);
    this.worker().postMessage({ batch: queued.map(({ id, kid, data }) => [id, kid, data]) });
  }

  private worker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(THREAD_SOURCE, { eval: true, name: 'nexinid-signing', resourceLimits: THREAD_LIMITS });
    worker.unref();
    worker.on('message', (results: Result[]) => this.settle(results));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the signing thread stopped (exit code ${code})`)));
    worker.postMessage({ keys: this.#keys });
    this.#worker = worker;
    return worker;
  }

  private settle(results: Result[]): void {
    for (const [id, signature, error] of results) {
      const pending = this.#inFlight.get(id);
      if (!pending) continue;
      this.#inFlight.delete(id);
      if (signature) pending.resolve(Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
      else pending.reject(new Error(error));
    }
  }

  /** Everything sent to a thread that died fails; the next signature starts another. */
  private lost(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    this.fail([...this.#inFlight.values()], error);
    this.#inFlight.clear();
  }

  private fail(pending: Pending[], error: Error): void {
    for (const { reject } of pending) reject(error);
  }
}

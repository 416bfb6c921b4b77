import { type KeyObject, sign as signHere } from 'node:crypto';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

/** A slot's state, one Int32 per slot in shared memory. */
const FREE = 0;
const SENT = 1;
const DONE = 2;
const STOP = 3;

/** Batches in shared memory at once: the thread signs one while the next is written. */
const SLOTS = 8;
const SLOT_BYTES = 64 * 1024;
const MAX_ITEMS = 256;
/** Per signature in a slot's answer: a status byte, then the 64-byte signature. */
const ANSWER_BYTES = 65;
const SIGNED = 0;
const NO_KEY = 1;
const FAILED = 2;

/**
 * The thread's code. A string rather than a module file so the same code runs
 * from `dist/` and from the TypeScript sources under jest; `getBuiltinModule`
 * because it runs as a module or a script depending on the process's flags
 * (`--input-type`). The thread sleeps in `Atomics.wait` on the next slot;
 * keys arrive as KeyObjects on their own port, read before each batch. A
 * signature of any other length than ES256's 64 bytes is refused rather than
 * written over the next answer.
 */
const THREAD_SOURCE = `
const { workerData, receiveMessageOnPort } = process.getBuiltinModule('node:worker_threads');
const { sign } = process.getBuiltinModule('node:crypto');
const { stateBuffer, slotBuffers, answerBuffers, keyPort } = workerData;
const state = new Int32Array(stateBuffer);
const decoder = new TextDecoder();
let keys = new Map();
function run() {
  for (let slot = 0; ; slot = (slot + 1) % ${SLOTS}) {
    let now;
    while ((now = Atomics.load(state, slot)) !== ${SENT}) {
      if (now === ${STOP}) return;
      Atomics.wait(state, slot, now);
    }
    for (let message; (message = receiveMessageOnPort(keyPort)); ) keys = new Map(message.message);
    const bytes = new Uint8Array(slotBuffers[slot]);
    const view = new DataView(slotBuffers[slot]);
    const answers = new Uint8Array(answerBuffers[slot]);
    const count = view.getUint32(0);
    for (let item = 0, at = 4; item < count; item++) {
      const kidLength = bytes[at];
      const key = keys.get(decoder.decode(bytes.subarray(at + 1, at + 1 + kidLength)));
      at += 1 + kidLength;
      const length = view.getUint32(at);
      at += 4;
      answers[item * ${ANSWER_BYTES}] = key ? ${SIGNED} : ${NO_KEY};
      if (key) {
        try {
          const signature = sign('sha256', bytes.subarray(at, at + length), { key, dsaEncoding: 'ieee-p1363' });
          if (signature.length !== ${ANSWER_BYTES - 1}) throw new Error('not an ES256 key');
          answers.set(signature, item * ${ANSWER_BYTES} + 1);
        } catch { answers[item * ${ANSWER_BYTES}] = ${FAILED}; }
      }
      at += length;
    }
    Atomics.store(state, slot, ${DONE});
    Atomics.notify(state, slot);
  }
}
run();
`;

/** The thread holds nothing but its keys, so its heap is capped well below V8's defaults. */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };

type Pending = { kid: string; data: Uint8Array; resolve: (signature: Buffer) => void; reject: (error: Error) => void };

/** One thread and the shared memory it signs from. */
interface Running {
  worker: Worker;
  keyPort: MessagePort;
  state: Int32Array;
  slots: { bytes: Uint8Array; view: DataView; answers: Uint8Array }[];
  /** What each slot holds while it is SENT; the worker is referenced while any slot holds something. */
  inSlot: (Pending[] | undefined)[];
  nextSlot: number;
}

const encoder = new TextEncoder();

/**
 * ES256 signatures on a thread of our own. Node's asynchronous signing (what
 * jose and WebCrypto use) queues every signature to libuv's pool with a
 * WebCrypto promise; under token load that hand-off was the largest single
 * cost on the main thread. Here the signatures requested in one turn of the
 * event loop are written to shared memory as one batch and the thread is woken
 * with `Atomics.notify`; the main thread learns of the answers through
 * `Atomics.waitAsync`. No message is cloned either way, which costs both
 * threads less than a message each way did (docs/performance.md, "The
 * signing thread in shared memory").
 *
 * The thread starts with the first signature. If it dies, the signatures in
 * it fail (the token request answers server_error) and the next one starts a
 * new thread. A signing input too large for shared memory is signed here.
 */
export class SigningThread {
  #running: Running | undefined;
  #keys = new Map<string, KeyObject>();
  #waiting: Pending[] = [];
  #scheduled = false;
  #closed = false;

  /** The private keys the thread may sign with, by kid (replaces the previous set). */
  useKeys(keys: ReadonlyMap<string, KeyObject>): void {
    this.#keys = new Map(keys);
    this.#running?.keyPort.postMessage([...this.#keys]);
  }

  sign(kid: string, data: Uint8Array): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new Error('the signing thread is closed'));
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        this.send();
      });
    }
    return new Promise((resolve, reject) => this.#waiting.push({ kid, data, resolve, reject }));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const running = this.#running;
    this.#running = undefined;
    const closed = new Error('the signing thread is closed');
    this.fail(this.#waiting, closed);
    this.#waiting = [];
    if (!running) return;
    for (const batch of running.inSlot) if (batch) this.fail(batch, closed);
    for (let slot = 0; slot < SLOTS; slot++) {
      Atomics.store(running.state, slot, STOP);
      Atomics.notify(running.state, slot);
    }
    running.keyPort.close();
    await running.worker.terminate();
  }

  /** Writes what is waiting into the free slots, in the order the thread reads them. */
  private send(): void {
    if (this.#closed) return;
    while (this.#waiting.length) {
      const running = this.running();
      const slot = running.nextSlot;
      if (Atomics.load(running.state, slot) !== FREE) return;
      const batch = this.fill(running.slots[slot]!);
      if (!batch.length) continue;
      if (!running.inSlot.some(Boolean)) running.worker.ref();
      running.inSlot[slot] = batch;
      running.nextSlot = (slot + 1) % SLOTS;
      Atomics.store(running.state, slot, SENT);
      Atomics.notify(running.state, slot);
      const answered = Atomics.waitAsync(running.state, slot, SENT);
      if (answered.async) void answered.value.then(() => this.settle(running, slot));
      else this.settle(running, slot);
    }
  }

  /** Moves waiting signatures into a slot while they fit; one that could never fit is signed here instead. */
  private fill({ bytes, view }: Running['slots'][number]): Pending[] {
    const batch: Pending[] = [];
    let at = 4;
    while (this.#waiting.length && batch.length < MAX_ITEMS) {
      const next = this.#waiting[0]!;
      const kid = encoder.encode(next.kid);
      const size = 1 + kid.length + 4 + next.data.length;
      if (kid.length > 255 || 4 + size > SLOT_BYTES) {
        this.#waiting.shift();
        this.signHere(next);
        continue;
      }
      if (at + size > SLOT_BYTES) break;
      this.#waiting.shift();
      bytes[at] = kid.length;
      bytes.set(kid, at + 1);
      view.setUint32(at + 1 + kid.length, next.data.length);
      bytes.set(next.data, at + 5 + kid.length);
      at += size;
      batch.push(next);
    }
    view.setUint32(0, batch.length);
    return batch;
  }

  private settle(running: Running, slot: number): void {
    if (this.#running !== running || Atomics.load(running.state, slot) !== DONE) return;
    const batch = running.inSlot[slot] ?? [];
    running.inSlot[slot] = undefined;
    const { answers } = running.slots[slot]!;
    batch.forEach(({ kid, resolve, reject }, item) => {
      const at = item * ANSWER_BYTES;
      if (answers[at] === SIGNED) resolve(Buffer.from(answers.subarray(at + 1, at + ANSWER_BYTES)));
      else if (answers[at] === NO_KEY) reject(new Error(`no signing key ${kid} in the signing thread`));
      else reject(new Error(`the signing thread could not sign with the key ${kid}`));
    });
    Atomics.store(running.state, slot, FREE);
    if (!running.inSlot.some(Boolean)) running.worker.unref();
    this.send();
  }

  private signHere({ kid, data, resolve, reject }: Pending): void {
    const key = this.#keys.get(kid);
    if (!key) return reject(new Error(`no signing key ${kid} in the signing thread`));
    try {
      resolve(signHere('sha256', data, { key, dsaEncoding: 'ieee-p1363' }));
    } catch (error) {
      reject(error as Error);
    }
  }

  private running(): Running {
    if (this.#running) return this.#running;
    const stateBuffer = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
    const slotBuffers = Array.from({ length: SLOTS }, () => new SharedArrayBuffer(SLOT_BYTES));
    const answerBuffers = Array.from({ length: SLOTS }, () => new SharedArrayBuffer(MAX_ITEMS * ANSWER_BYTES));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      name: 'nexinid-signing',
      resourceLimits: THREAD_LIMITS,
      workerData: { stateBuffer, slotBuffers, answerBuffers, keyPort: port2 },
      transferList: [port2],
    });
    worker.unref();
    port1.postMessage([...this.#keys]);
    const running: Running = {
      worker,
      keyPort: port1,
      state: new Int32Array(stateBuffer),
      slots: slotBuffers.map((buffer, slot) => ({ bytes: new Uint8Array(buffer), view: new DataView(buffer), answers: new Uint8Array(answerBuffers[slot]!) })),
      inSlot: Array.from({ length: SLOTS }, () => undefined),
      nextSlot: 0,
    };
    worker.on('error', (error) => this.lost(running, error));
    worker.on('exit', (code) => this.lost(running, new Error(`the signing thread stopped (exit code ${code})`)));
    this.#running = running;
    return running;
  }

  /** Everything written for a thread that died fails; the next signature starts another. */
  private lost(running: Running, error: Error): void {
    if (this.#running !== running) return;
    this.#running = undefined;
    running.keyPort.close();
    for (const batch of running.inSlot) if (batch) this.fail(batch, error);
    if (this.#waiting.length) this.send();
  }

  private fail(pending: Pending[], error: Error): void {
    for (const { reject } of pending) reject(error);
  }
}

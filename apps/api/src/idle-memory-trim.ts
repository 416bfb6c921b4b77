import v8 from 'node:v8';
import vm from 'node:vm';

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

const TICK_MS = 1_000;
/** Seconds without load before trimming. */
const IDLE_SECONDS = 10;
/** A second with at most this many requests (health checks, a stray call) still counts as idle. */
const QUIET_REQUESTS_PER_SECOND = 2;
/** Load worth trimming after: below this V8's pool of freed pages stays small. */
const BUSY_REQUESTS = 1_000;

/**
 * After load, V8 keeps the pages it freed as a pool (hundreds of MB after a
 * busy minute) and its own memory reducer does not hand them back while the
 * process is idle (docs/performance.md, "Memory"). Once per idle period after
 * real load, and once after start-up, this runs one memory-reducing GC, which
 * does: a pause of ~100-200 ms that lands on an idle server.
 */
export class IdleMemoryTrim {
  #requestsThisTick = 0;
  /** Start-up counts as load: loading modules, migrations and wiring leave about 60 MB of freed pages behind. */
  #requestsSinceTrim = BUSY_REQUESTS;
  #quietTicks = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly trim: () => void = lastResortGc) {}

  /** Called once per request: a counter, nothing else on the request path. */
  noteRequest(): void {
    this.#requestsThisTick++;
  }

  start(): void {
    this.#timer ??= setInterval(() => this.tick(), TICK_MS).unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  private tick(): void {
    const requests = this.#requestsThisTick;
    this.#requestsThisTick = 0;
    this.#requestsSinceTrim += requests;
    this.#quietTicks = requests <= QUIET_REQUESTS_PER_SECOND ? this.#quietTicks + 1 : 0;
    if (this.#quietTicks < IDLE_SECONDS || this.#requestsSinceTrim < BUSY_REQUESTS) return;
    this.#requestsSinceTrim = 0;
    this.trim();
  }
}

let gc: Gc | undefined;

/** A memory-reducing full GC, through V8's gc function obtained without starting Node with --expose-gc. */
function lastResortGc(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as Gc;
    v8.setFlagsFromString('--no-expose-gc');
  }
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** A FIFO mutex with a wait limit, so a deadlock shows up as an error instead of a hang. */
export class SerialLock {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly waitLimitMs: number) {}

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => mine);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`embedded database busy for more than ${this.waitLimitMs} ms (nested connection?)`)),
        this.waitLimitMs,
      );
    });
    try {
      await Promise.race([previous, timedOut]);
    } catch (error) {
      // Give our place in the queue back once our turn would have come.
      void previous.then(() => release());
      throw error;
    } finally {
      clearTimeout(timer);
    }
    let released = false;
    return () => {
      if (!released) {
        released = true;
        release();
      }
    };
  }
}

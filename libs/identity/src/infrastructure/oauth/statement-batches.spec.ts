import { StatementBatches, StatementLane } from './statement-batches.js';

/** What PostgreSQL answers for a statement it refuses (pg's and PGlite's DatabaseError carry both). */
const refused = Object.assign(new Error('ON CONFLICT DO UPDATE command cannot affect row a second time'), { severity: 'ERROR', code: '21000' });

/** The grouping policy alone; the statements themselves are tested on the real database (upsert-batches, payload-reads). */
describe('StatementBatches', () => {
  const gate = () => {
    let open!: () => void;
    return { opened: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
  };

  it('runs an item alone while no statement is in flight, then the waiting ones together by key', async () => {
    const statements: string[][] = [];
    const first = gate();
    const batches = new StatementBatches<string, string>(
      async (items) => {
        statements.push(items);
        await first.opened;
        return items.map((item) => item.toUpperCase());
      },
      (item) => (item.startsWith('x') ? undefined : item[0]),
    );
    const results = Promise.all(['a1', 'a2', 'a3', 'b1', 'x1', 'a4'].map((item) => batches.submit(item)));
    first.open();
    expect(await results).toEqual(['A1', 'A2', 'A3', 'B1', 'X1', 'A4']);
    // a1 alone; of the waiting ones, the a's and the keyless x1 together, b1 after.
    expect(statements).toEqual([['a1'], ['a2', 'a3', 'x1', 'a4'], ['b1']]);
  });

  it('runs one statement at a time for the groups sharing a lane, and hands the lane to the other groups in turn', async () => {
    const lane = new StatementLane();
    const statements: string[] = [];
    let inFlight = 0;
    let most = 0;
    const group = (name: string) =>
      new StatementBatches<string, string>(
        async (items) => {
          statements.push(`${name}:${items.join(',')}`);
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
          return items;
        },
        () => undefined,
        lane,
      );
    const [reads, saves, consumes] = [group('reads'), group('saves'), group('consumes')];
    const results = await Promise.all([reads.submit('r1'), saves.submit('s1'), reads.submit('r2'), consumes.submit('c1'), saves.submit('s2'), reads.submit('r3')]);

    expect(results).toEqual(['r1', 's1', 'r2', 'c1', 's2', 'r3']);
    expect(most).toBe(1);
    // r1 alone; then the lane goes round: the saves, the consumes, then the reads that waited.
    expect(statements).toEqual(['reads:r1', 'saves:s1,s2', 'consumes:c1', 'reads:r2,r3']);
  });

  it('tries each item of a refused batch alone, so only the bad one fails', async () => {
    const statements: string[][] = [];
    const batches = new StatementBatches<string, string>(async (items) => {
      statements.push(items);
      await Promise.resolve();
      if (items.includes('bad')) throw refused;
      return items;
    }, () => 'k');
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'bad', 'd'].map((item) => batches.submit(item)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(statements).toEqual([['a'], ['b', 'c', 'bad', 'd'], ['b'], ['c'], ['bad'], ['d']]);
  });

  it('fails a batch whose connection failed as a whole: it may have committed, so nothing is run twice', async () => {
    const statements: string[][] = [];
    const lost = new Error('Connection terminated unexpectedly');
    const batches = new StatementBatches<string, string>(async (items) => {
      statements.push(items);
      await Promise.resolve();
      if (items.length > 1) throw lost;
      return items;
    }, () => 'k');
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd'].map((item) => batches.submit(item)));
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : outcome.value))).toEqual(['a', lost, lost, lost]);
    expect(statements).toEqual([['a'], ['b', 'c', 'd']]);
  });
});

import { DataSource } from 'typeorm';
import { preparedStatements, type RunStatement } from '#platform';
import type { TestNexinId } from './nexinid.js';

export interface CountedStatements {
  /** NexinID's real statement runner, counting the statements it runs. */
  run: RunStatement;
  readonly count: number;
  reset(): void;
}

/** The prepared-statement runner of a test NexinID's database, with a count of what went to the server. */
export function countedStatements(nexinid: TestNexinId): CountedStatements {
  const real = preparedStatements(nexinid.app.get(DataSource));
  let count = 0;
  return {
    run: (sql, values, options) => {
      count++;
      return real(sql, values, options);
    },
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
  };
}

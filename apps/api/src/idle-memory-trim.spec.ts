import { jest } from '@jest/globals';
import { IdleMemoryTrim } from './idle-memory-trim.js';

describe('IdleMemoryTrim', () => {
  let trims: number;
  let trimmer: IdleMemoryTrim;
  const requests = (count: number) => {
    for (let i = 0; i < count; i++) trimmer.noteRequest();
  };
  const seconds = (count: number) => jest.advanceTimersByTime(count * 1_000);
  /** Past the trim after start-up, with no trims counted. */
  const pastStartUp = () => {
    seconds(10);
    trims = 0;
  };

  beforeEach(() => {
    jest.useFakeTimers();
    trims = 0;
    trimmer = new IdleMemoryTrim(() => trims++);
    trimmer.start();
  });
  afterEach(() => {
    trimmer.stop();
    jest.useRealTimers();
  });

  it('trims once after start-up, in the first 10 idle seconds', () => {
    seconds(9);
    expect(trims).toBe(0);
    seconds(1);
    expect(trims).toBe(1);
    seconds(600);
    expect(trims).toBe(1);
  });

  it('trims once after 10 idle seconds that follow real load', () => {
    pastStartUp();
    requests(5_000);
    seconds(1);
    seconds(9);
    expect(trims).toBe(0);
    seconds(1);
    expect(trims).toBe(1);
    seconds(60);
    expect(trims).toBe(1);
  });

  it('counts a trickle of health checks as idle, and does not trim after a trickle alone', () => {
    pastStartUp();
    requests(2_000);
    for (let second = 0; second < 11; second++) {
      requests(2);
      seconds(1);
    }
    expect(trims).toBe(1);
    for (let second = 0; second < 600; second++) {
      requests(1);
      seconds(1);
    }
    expect(trims).toBe(1);
  });

  it('waits while load continues, from start-up on', () => {
    for (let second = 0; second < 30; second++) {
      requests(100);
      seconds(1);
    }
    expect(trims).toBe(0);
    seconds(10);
    expect(trims).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { ok } from '../result';
import { fuzz } from './fuzz-inputs';

/** A clock the importer moves forward: each call "takes" the milliseconds `cost` gives for it. */
function timed(cost: (call: number) => number) {
  let clock = 0;
  let calls = 0;
  return {
    now: () => clock,
    importer: () => {
      clock += cost(calls++);
      return ok(null);
    },
  };
}

const base = { firstSeed: 1, count: 3, samples: [new Uint8Array([65, 66, 67])], codes: [], limitMs: 100 };

describe('timing the inputs of a fuzz run', () => {
  it('does not blame an input for one stall of a busy machine', async () => {
    // The second call stalls once; timed again, the input is quick.
    const report = await fuzz({ ...base, ...timed((call) => (call === 1 ? 900 : 2)) });
    expect(report.failures).toEqual([]);
  });

  it('reports an input that is slow every time it is fed', async () => {
    const report = await fuzz({ ...base, count: 1, ...timed(() => 500) });
    expect(report.failures.map((f) => f.problem)).toEqual(['took 500 ms, over the 100 ms limit, three times']);
  });
});

import { describe, expect, it } from 'vitest';
import { myersDiff, type EditRun } from './myers';

/** Length of the longest common subsequence, by the textbook table. */
function lcs(a: Int32Array, b: Int32Array): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/** Applies runs to `a`, taking inserted tokens from `b`; also checks that kept tokens really are equal. */
function apply(runs: readonly EditRun[], a: Int32Array, b: Int32Array): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  for (const run of runs) {
    if (run.kind === 'same') {
      for (let k = 0; k < run.count; k++) {
        expect(a[i]).toBe(b[j]);
        out.push(a[i++]!);
        j++;
      }
    } else if (run.kind === 'delete') i += run.count;
    else for (let k = 0; k < run.count; k++) out.push(b[j++]!);
  }
  expect([i, j]).toEqual([a.length, b.length]);
  return out;
}

describe('Myers diff', () => {
  it('finds a shortest edit script on many random pairs', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let round = 0; round < 300; round++) {
      const alphabet = 2 + random(6);
      const a = Int32Array.from({ length: random(40) }, () => random(alphabet));
      const b = Int32Array.from({ length: random(40) }, () => random(alphabet));
      const runs = myersDiff(a, b, 1000)!;
      expect(apply(runs, a, b)).toEqual(Array.from(b));
      const edits = runs.filter((r) => r.kind !== 'same').reduce((sum, r) => sum + r.count, 0);
      expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
    }
  });

  it('gives up past the edit limit', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    const b = Int32Array.from({ length: 50 }, (_, i) => i + 100);
    expect(myersDiff(a, b, 99)).toBeUndefined();
    expect(myersDiff(a, b, 100)).toEqual([
      { kind: 'delete', count: 50 },
      { kind: 'insert', count: 50 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { BeamEditDistance, INF } from './beam-edit-distance';

/** A hypothesis with a block moved, as a TER shift makes, and where the two first differ and agree again. */
function moveBlock(words: Int32Array, start: number, length: number, to: number): { moved: Int32Array; from: number; same: number } {
  const list = Array.from(words);
  const block = list.splice(start, length);
  list.splice(to, 0, ...block);
  const moved = Int32Array.from(list);
  let from = 0;
  while (from < moved.length && moved[from] === words[from]) from++;
  let same = moved.length;
  while (same > from && moved[same - 1] === words[same - 1]) same--;
  return { moved, from, same };
}

describe('edit distance of a shifted hypothesis', () => {
  it('is the same whether or not the rows after the shifted stretch are computed', () => {
    const rand = seededRandom(2024);
    for (let trial = 0; trial < 3000; trial++) {
      const vocabulary = 2 + Math.floor(rand() * 10);
      const word = () => Math.floor(rand() * vocabulary);
      const ref = Int32Array.from({ length: 1 + Math.floor(rand() * 80) }, word);
      const hyp = Int32Array.from({ length: 2 + Math.floor(rand() * 80) }, word);
      const start = Math.floor(rand() * hyp.length);
      const length = 1 + Math.floor(rand() * Math.min(10, hyp.length - start));
      const to = Math.floor(rand() * (hyp.length - length + 1));
      const { moved, from, same } = moveBlock(hyp, start, length, to);

      const ed = new BeamEditDistance(ref, hyp.length);
      ed.full(hyp);
      const everyRow = ed.distanceFrom(moved, from, INF);
      expect(ed.distanceFrom(moved, from, INF, same), `trial ${trial}`).toBe(everyRow);
      expect(everyRow).toBe(new BeamEditDistance(ref, moved.length).full(moved).distance);
    }
  });

  it('gives every shifted hypothesis of a round its exact distance, before and after the costs to the end are built', () => {
    const rand = seededRandom(77);
    for (let trial = 0; trial < 300; trial++) {
      const vocabulary = 2 + Math.floor(rand() * 8);
      const word = () => Math.floor(rand() * vocabulary);
      const ref = Int32Array.from({ length: 1 + Math.floor(rand() * 120) }, word);
      const hyp = Int32Array.from({ length: 2 + Math.floor(rand() * 120) }, word);
      const ed = new BeamEditDistance(ref, hyp.length);
      const stored = ed.full(hyp).distance;
      // Enough candidates that the later ones are finished from the costs to the end, as in a long round.
      for (let candidate = 0; candidate < 40; candidate++) {
        const start = Math.floor(rand() * hyp.length);
        const length = 1 + Math.floor(rand() * Math.min(10, hyp.length - start));
        const to = Math.floor(rand() * (hyp.length - length + 1));
        const { moved, from, same } = moveBlock(hyp, start, length, to);
        const exact = new BeamEditDistance(ref, moved.length).full(moved).distance;
        const limit = rand() < 0.5 ? INF : stored - 1 - Math.floor(rand() * 3);
        const found = ed.distanceFrom(moved, from, limit, same);
        if (exact <= limit) expect(found, `trial ${trial}, candidate ${candidate}`).toBe(exact);
        else expect(found, `trial ${trial}, candidate ${candidate}`).toBeGreaterThan(limit);
      }
      ed.release();
    }
  });

  it('aligns a hypothesis that shares its start with the last one as a fresh instance does, keeping those rows, whatever guess it is given', () => {
    const rand = seededRandom(515);
    for (let trial = 0; trial < 300; trial++) {
      const vocabulary = 2 + Math.floor(rand() * 8);
      const word = () => Math.floor(rand() * vocabulary);
      const ref = Int32Array.from({ length: 1 + Math.floor(rand() * 100) }, word);
      let hyp: Int32Array = Int32Array.from({ length: 2 + Math.floor(rand() * 100) }, word);
      const ed = new BeamEditDistance(ref, hyp.length);
      // Rounds as TER plays them: each hypothesis is the last one with a block moved.
      for (let round = 0; round < 5; round++) {
        const start = Math.floor(rand() * hyp.length);
        const length = 1 + Math.floor(rand() * Math.min(10, hyp.length - start));
        const to = Math.floor(rand() * (hyp.length - length + 1));
        if (round > 0) hyp = moveBlock(hyp, start, length, to).moved;
        // A guess of the distance only saves time: one too small or too large, or none, gives the same answer.
        const guess = rand() < 0.3 ? undefined : Math.floor(rand() * 40);
        const kept = ed.full(hyp, guess);
        const fresh = new BeamEditDistance(ref, hyp.length);
        const whole = fresh.full(hyp);
        const label = `trial ${trial}, round ${round}`;
        expect(kept.distance, label).toBe(whole.distance);
        expect(Array.from(kept.align), label).toEqual(Array.from(whole.align));
        expect(Array.from(kept.hypErr), label).toEqual(Array.from(whole.hypErr));
        expect(Array.from(kept.refErr), label).toEqual(Array.from(whole.refErr));
        fresh.release();
      }
      ed.release();
    }
  });

  it('lends its memory to the next instance without changing what either computes', () => {
    // Short enough that the beam holds every cell: plain Levenshtein distances.
    const ref = Int32Array.from([1, 2, 3, 4, 5, 6]);
    const first = new BeamEditDistance(ref, 6);
    expect(first.full(Int32Array.from([1, 2, 3, 4, 5, 6])).distance).toBe(0);
    first.release();
    const second = new BeamEditDistance(ref, 4);
    const kept = new BeamEditDistance(ref, 6);
    expect(second.full(Int32Array.from([6, 5, 2, 3])).distance).toBe(5);
    expect(kept.full(Int32Array.from([1, 2, 9, 4, 5, 6])).distance).toBe(1);
    expect(second.distanceFrom(Int32Array.from([2, 3, 6, 5]), 0, INF)).toBe(3);
    second.release();
    kept.release();
  });
});

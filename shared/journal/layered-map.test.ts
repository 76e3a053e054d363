import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { LayeredMapDraft } from './layered-map';

/** Where two lists of entries first differ, or undefined when they hold the same entries in the same order. */
function firstDifference(actual: readonly [string, number][], expected: readonly [string, number][]): string | undefined {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = actual[i];
    const e = expected[i];
    if (a?.[0] !== e?.[0] || a?.[1] !== e?.[1]) return `entry ${i}: ${JSON.stringify(a)}, expected ${JSON.stringify(e)}`;
  }
  return undefined;
}

describe('a layered map', () => {
  it('answers, after any mix of sets and deletes, what a Map would, in the same order', () => {
    const random = seededRandom(7);
    for (const start of [0, 10, 3000]) {
      const model = new Map<string, number>();
      for (let i = 0; i < start; i++) model.set(`k${i}`, i);
      let draft = new LayeredMapDraft<string, number>(new Map(model));
      const handedOut: [ReadonlyMap<string, number>, [string, number][]][] = [];
      for (let step = 0; step < 4000; step++) {
        const key = `k${Math.floor(random() * (start + 200))}`;
        if (random() < 0.3) {
          model.delete(key);
          draft.delete(key);
        } else {
          model.set(key, step);
          draft.set(key, step);
        }
        if (random() < 0.05) {
          const built = draft.build();
          handedOut.push([built, [...model]]);
          // A new draft from a built map, as the next live event makes one.
          if (random() < 0.5) draft = new LayeredMapDraft(built);
        }
      }
      expect([...draft]).toEqual([...model]);
      expect(draft.size).toBe(model.size);
      const built = draft.build();
      expect([...built.keys()]).toEqual([...model.keys()]);
      expect([...built.values()]).toEqual([...model.values()]);
      for (const key of ['k0', 'k5', `k${start + 199}`, 'missing']) {
        expect(built.get(key)).toBe(model.get(key));
        expect(built.has(key)).toBe(model.has(key));
      }
      // Maps handed out earlier never saw the later changes. Compared entry by entry: a deep equality of some two
      // hundred lists of thousands of pairs took seconds and would say no more.
      for (const [n, [map, entries]] of handedOut.entries()) expect(firstDifference([...map], entries), `map ${n}`).toBeUndefined();
    }
  });

  it('puts a key taken out and set again at the end, as a Map does', () => {
    const draft = new LayeredMapDraft(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
    draft.delete('a');
    draft.set('b', 20);
    draft.set('a', 10);
    expect([...draft.build()]).toEqual([
      ['b', 20],
      ['c', 3],
      ['a', 10],
    ]);
  });

  it('hands out the same map while nothing changes, so a state that did not change keeps its map', () => {
    const base = new Map([['a', 1]]);
    const draft = new LayeredMapDraft(base);
    expect(draft.build()).toBe(base);
    draft.delete('missing');
    expect(draft.build()).toBe(base);
    draft.set('b', 2);
    const built = draft.build();
    expect(built).not.toBe(base);
    expect(draft.build()).toBe(built);
    expect(draft.unchanged).toBe(built);
  });
});

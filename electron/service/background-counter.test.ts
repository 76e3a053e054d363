import { describe, expect, it } from 'vitest';
import { countTerChars, countTerWords } from '../../shared/diff/ter';
import { countWords } from '../../shared/scoring/word-count';
import { BackgroundCounter, countInSlices } from './background-counter';

const texts = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) =>
    i % 7 === 0 ? `临江老港大桥 ${i + offset}` : `The “old” bridge’s paragraph ${i + offset} reopens — soon.`,
  );

/** Every count of `counts` against a recount of `all`, paragraph by paragraph. */
function expectRecount(counts: Awaited<ReturnType<BackgroundCounter['finish']>>, all: readonly string[]): void {
  expect(counts.words.length).toBe(all.length);
  for (let i = 0; i < all.length; i++) {
    if (
      counts.words[i] !== countWords(all[i]!) ||
      counts.terWords[i] !== countTerWords(all[i]!) ||
      counts.terChars[i] !== countTerChars(all[i]!)
    ) {
      expect({ i, words: counts.words[i], terWords: counts.terWords[i], terChars: counts.terChars[i] }).toEqual({
        i,
        words: countWords(all[i]!),
        terWords: countTerWords(all[i]!),
        terChars: countTerChars(all[i]!),
      });
    }
  }
}

describe('counting an article while it loads', () => {
  it('counts every paragraph queued, in order, as a count after loading would', async () => {
    const counter = new BackgroundCounter({ thread: false });
    const all = [...texts(5000), ...texts(3, 5000), ...texts(20_000, 5003)];
    counter.enqueue(all.slice(0, 5000));
    counter.enqueue(all.slice(5000, 5003));
    await new Promise((done) => setTimeout(done, 5));
    counter.enqueue(all.slice(5003));
    expectRecount(await counter.finish(), all);
  });

  it('a long article counted partly in a second thread gets the counts of a recount, in order', async () => {
    const counter = new BackgroundCounter();
    // Well past what is counted here before the thread starts, in runs of uneven length as a loader hands them.
    const all = texts(120_000);
    counter.enqueue(all.slice(0, 20_000));
    expect(await counter.threadReady()).toBe(true);
    for (let from = 20_000; from < all.length;) {
      const to = Math.min(all.length, from + 1 + ((from * 7919) % 1500));
      counter.enqueue(all.slice(from, to));
      from = to;
      if (from % 5 === 0) await new Promise((done) => setImmediate(done));
    }
    expectRecount(await counter.finish(), all);
    expect(counter.byThread).toBeGreaterThan(0);
  }, 30_000);

  it('a small batch finishes at once, and a large one leaves the event loop free in between', async () => {
    expect((await countInSlices(['a b c'])).words[0]).toBe(3);
    // A callback that puts itself back on the event loop's check queue runs once a turn: it counts the turns
    // between slices however quick each slice is.
    let ticks = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      ticks++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const all = texts(200_000);
    const counts = await countInSlices(all, { thread: false });
    counting = false;
    expectRecount(counts, all);
    expect(ticks).toBeGreaterThan(2);
  });

  it('an article closed while it loads stops counting and answers at once', async () => {
    const counter = new BackgroundCounter();
    counter.enqueue(texts(200_000));
    counter.cancel();
    const counts = await counter.finish();
    expect(counts.words.length).toBeLessThanOrEqual(200_000);
  });
});

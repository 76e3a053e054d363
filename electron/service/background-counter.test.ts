import { describe, expect, it } from 'vitest';
import { countTerChars, countTerWords } from '../../shared/diff/ter';
import { countWords } from '../../shared/scoring/word-count';
import { BackgroundCounter, countInSlices } from './background-counter';

const texts = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `临江老港大桥 ${i + offset}` : `The “old” bridge’s paragraph ${i + offset} reopens — soon.`));

describe('counting an article while it loads', () => {
  it('counts every paragraph queued, in order, as a count after loading would', async () => {
    const counter = new BackgroundCounter();
    const all = [...texts(5000), ...texts(3, 5000), ...texts(20_000, 5003)];
    counter.enqueue(all.slice(0, 5000));
    counter.enqueue(all.slice(5000, 5003));
    await new Promise((done) => setTimeout(done, 5));
    counter.enqueue(all.slice(5003));
    const counts = await counter.finish();
    expect(counts.words.length).toBe(all.length);
    for (const i of [0, 1, 7, 4999, 5000, 5002, 5003, all.length - 1]) {
      expect(counts.words[i]).toBe(countWords(all[i]!));
      expect(counts.terWords[i]).toBe(countTerWords(all[i]!));
      expect(counts.terChars[i]).toBe(countTerChars(all[i]!));
    }
  });

  it('a small batch finishes at once, and a large one leaves the event loop free in between', async () => {
    expect((await countInSlices(['a b c'])).words[0]).toBe(3);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const counts = await countInSlices(texts(200_000));
    clearInterval(timer);
    expect(counts.words.length).toBe(200_000);
    expect(ticks).toBeGreaterThan(2);
  });
});

import { describe, expect, it } from 'vitest';
import { createSplitter, LineBuffer } from './block-splitter';

/** Milliseconds of processor time this process has used: unlike the clock, it does not run on while another process has the core. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Feeds one line of `size` characters in 64 KiB chunks, as the loader does, and returns the best of three times, in
 * processor time, so that a machine busy with other work does not make one size look slower than the other.
 */
function splitOneLongLine(format: 'txt' | 'md', size: number): number {
  const chunk = 'word '.repeat((64 * 1024) / 5);
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const splitter = createSplitter(format);
    const t0 = cpuMs();
    let blocks = 0;
    for (let fed = 0; fed < size; fed += chunk.length) blocks += splitter.push(chunk).length;
    blocks += splitter.end().length;
    times.push(cpuMs() - t0);
    expect(blocks).toBe(1);
  }
  return Math.min(...times);
}

describe('reading text that arrives in chunks', () => {
  it.each(['txt', 'md'] as const)('reads an article that is one very long line in time proportional to its size (%s)', (format) => {
    // Four times the text may take about four times as long, with room for a busy machine; time growing with
    // the square of the size would take sixteen times as long.
    splitOneLongLine(format, 1_000_000);
    const small = splitOneLongLine(format, 6_000_000);
    const large = splitOneLongLine(format, 24_000_000);
    expect(large / small).toBeLessThan(9);
  });

  it('keeps a CR that ends one chunk from ending a second line when the LF comes after an empty chunk', () => {
    const lines = new LineBuffer();
    expect(lines.lines('one\r')).toEqual(['one']);
    expect(lines.lines('')).toEqual([]);
    expect(lines.lines('\ntwo\n')).toEqual(['two']);
    expect(lines.rest()).toEqual([]);
  });

  it('hands out half a million empty lines from one chunk', () => {
    const splitter = createSplitter('txt');
    const blocks = [...splitter.push(`Top.\n${'\n'.repeat(500_000)}Bottom.\n`), ...splitter.end()];
    expect(blocks.map((b) => b.text)).toEqual(['Top.', 'Bottom.']);
  });
});

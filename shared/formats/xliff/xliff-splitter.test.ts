import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../model';
import { createXliffSplitter } from './xliff-splitter';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapUsed = () => {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

/**
 * A unit whose short target (one piece of text, as most are) sits beside four kilobytes of earlier translations,
 * which no paragraph keeps.
 */
function unit(i: number): string {
  const earlier = `<alt-trans><target>${'An earlier translation of the ferry timetable, kept by the last tool. '.repeat(60)}</target></alt-trans>\n`;
  return `<trans-unit id="u${i}">\n<source>Die Fähre ${i} fährt um <g id="1">neun</g> Uhr.</source>\n<target state="translated">The ferry ${i} leaves at nine.</target>\n${earlier}</trans-unit>\n`;
}

describe('the XLIFF splitter', () => {
  it('gives paragraphs that keep only their own text, not the pieces of the file they were read from', () => {
    const units = 4_000;
    const before = heapUsed();
    const splitter = createXliffSplitter('harbour.xlf');
    const blocks: Block[] = [];
    let fileChars = 0;
    const feed = (text: string) => {
      fileChars += text.length;
      blocks.push(...splitter.push(text));
    };
    feed('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="de" target-language="en"><body>\n');
    // Fed as the loader feeds it: in pieces of some hundred kilobytes, never the whole file at once.
    for (let from = 0; from < units; from += 200) feed(Array.from({ length: 200 }, (_, k) => unit(from + k + 1)).join(''));
    feed('</body></file></xliff>\n');
    blocks.push(...splitter.end());
    expect(splitter.failure).toBeUndefined();
    expect(blocks).toHaveLength(units);
    const kept = heapUsed() - before;
    // The paragraphs' own text and codes are under a kilobyte each, against the file's 4.5 kB a unit; the pieces
    // of the file held would be all of it.
    expect(fileChars).toBeGreaterThan(16_000_000);
    expect(kept).toBeLessThan(fileChars / 3);
    expect(blocks[3_999]).toMatchObject({ ref: 'u4000', text: expect.stringContaining('The ferry 4000 leaves at') });
  });
});

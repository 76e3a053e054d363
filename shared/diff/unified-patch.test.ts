import { applyPatch, createPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { unifiedPatchPieces, type PatchChunk } from './unified-patch';

const HEADER = { fileName: 'article.txt', oldLabel: 'machine translation', newLabel: 'current text' };

/** Paragraph texts, as plain text writes them: apart by a blank line, ending with a line break. */
function plain(texts: readonly (string | undefined)[]): string {
  const written = texts.filter((t): t is string => t !== undefined);
  return written.length === 0 ? '' : `${written.join('\n\n')}\n`;
}

/** The chunks of two lists of paragraph texts (undefined: the side does not write that paragraph). */
function chunksOf(before: readonly (string | undefined)[], after: readonly (string | undefined)[]): PatchChunk[] {
  let begunBefore = false;
  let begunAfter = false;
  return before.map((b, i) => {
    const a = after[i];
    const lines = (text: string | undefined, begun: boolean) => (text === undefined ? [] : [...(begun ? [''] : []), ...text.split('\n')]);
    const chunk = { before: lines(b, begunBefore), after: lines(a, begunAfter) };
    begunBefore ||= b !== undefined;
    begunAfter ||= a !== undefined;
    return chunk;
  });
}

function patchOf(before: readonly (string | undefined)[], after: readonly (string | undefined)[], perPiece = 7): string {
  return [...unifiedPatchPieces(HEADER, chunksOf(before, after), perPiece)].join('');
}

const WORDS = ['harbour', 'ferry', 'council', 'said', 'the', 'bridge', '“new”', 'it’s', '港口', '渡轮', 'open', 'closed', 'delay'];

function sentence(random: () => number, tag: string): string {
  const n = 3 + Math.floor(random() * 8);
  const words: string[] = [];
  for (let k = 0; k < n; k++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(' ')} ${tag}.`;
}

describe('a patch made paragraph by paragraph', () => {
  it('is the patch jsdiff writes for the same two texts when every changed paragraph reads differently', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const count = 1 + Math.floor(random() * 60);
      const before: string[] = [];
      for (let i = 0; i < count; i++) {
        // Some paragraphs run over several lines (a poem, an address), as a code block or a quote would.
        before.push(random() < 0.15 ? `${sentence(random, `a${i}`)}\n${sentence(random, `b${i}`)}` : sentence(random, `p${i}`));
      }
      const rate = [0.02, 0.1, 0.5, 1][seed % 4]!;
      const after = before.map((t, i) => (random() < rate ? `${sentence(random, `edited${i}`)}` : t));
      const expected = createPatch(HEADER.fileName, plain(before), plain(after), HEADER.oldLabel, HEADER.newLabel);
      expect(patchOf(before, after, 1 + (seed % 9)), `seed ${seed}`).toBe(expected);
    }
  });

  it('turns the old text into the new one when paragraphs are emptied, split into lines, added or left out', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(100 + seed);
      const count = 1 + Math.floor(random() * 40);
      const before: (string | undefined)[] = [];
      const after: (string | undefined)[] = [];
      for (let i = 0; i < count; i++) {
        const text = random() < 0.1 ? undefined : sentence(random, `p${i}`);
        before.push(text);
        const r = random();
        if (r < 0.1) after.push('');
        else if (r < 0.2) after.push(`${text ?? ''}\n${sentence(random, `more${i}`)}`);
        else if (r < 0.3) after.push(text === undefined ? sentence(random, `new${i}`) : undefined);
        else if (r < 0.4) after.push(sentence(random, `p${i}`));
        else after.push(text);
      }
      const patch = patchOf(before, after, 1 + (seed % 5));
      expect(applyPatch(plain(before), patch), `seed ${seed}`).toBe(plain(after));
    }
  });

  it('has no hunks when nothing changed, and only its header', () => {
    const texts = ['One.', 'Two.', 'Three.'];
    expect(patchOf(texts, texts)).toBe(createPatch(HEADER.fileName, plain(texts), plain(texts), HEADER.oldLabel, HEADER.newLabel));
    expect(patchOf(texts, texts)).not.toContain('@@');
  });

  it('writes a range with no lines as diff -u does, from the line before it', () => {
    // Every paragraph was left untranslated by the machine and translated by the reviewer.
    const before = [undefined, undefined];
    const after = ['Erste Zeile.', 'Zweite Zeile.'];
    const patch = patchOf(before, after);
    expect(patch).toContain('@@ -0,0 +1,3 @@');
    expect(patch).toBe(createPatch(HEADER.fileName, '', plain(after), HEADER.oldLabel, HEADER.newLabel));
    expect(patchOf(after, before)).toContain('@@ -1,3 +0,0 @@');
  });

  it('writes a long hunk in pieces of the size asked, so no step writes the whole of it', () => {
    const before = Array.from({ length: 500 }, (_, i) => `Paragraph ${i}.`);
    const after = before.map((t) => `${t} Corrected.`);
    const pieces = [...unifiedPatchPieces(HEADER, chunksOf(before, after), 50)];
    expect(pieces.join('')).toBe(createPatch(HEADER.fileName, plain(before), plain(after), HEADER.oldLabel, HEADER.newLabel));
    // The hunk's 1,499 lines (500 removed, 500 added, 499 blank) in pieces of at most 50 lines.
    const lineCounts = pieces.slice(1).map((p) => p.split('\n').length - 1);
    expect(Math.max(...lineCounts)).toBeLessThanOrEqual(50);
    expect(pieces.length).toBeGreaterThan(30);
  });
});

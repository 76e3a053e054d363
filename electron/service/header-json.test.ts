import { describe, expect, it } from 'vitest';
import { paragraphFromBlocks, type Block } from '../../shared/model';
import { seededRandom } from '../../shared/seeded-random';
import { countParagraphs } from '../../shared/scoring/paragraph-counts';
import { makeRun, runBlock } from './header-json';

/** Pieces of text a paragraph is made of: plain prose, and every kind of character JSON escapes or passes through. */
const PIECES = [
  'The harbour bridge reopened ',
  '“quoted” and ‘curly’ ',
  '"straight quotes" ',
  'a back\\slash ',
  'tab\there, line\nbreak, bell\u0007 ',
  '港口管理局说，大桥将于周一重新开放。',
  'สะพานเปิดอีกครั้ง ',
  'emoji \u{1f600} and \u{20000} ',
  'lone \ud800 high ',
  'lone \udc00 low ',
  '\u2028\u2029 separators ',
  'ünïcödé ',
  '',
];

function randomText(random: () => number): string {
  let text = '';
  const pieces = Math.floor(random() * 6);
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

function randomBlock(random: () => number): Block {
  if (random() < 0.3) return { kind: 'text', text: randomText(random) };
  const shaped = random() < 0.3;
  const structured = random() < 0.2;
  return {
    kind: shaped ? 'heading' : 'text',
    text: randomText(random),
    ...(shaped ? { level: 1 + Math.floor(random() * 3), prefix: '## "x" ', suffix: random() < 0.5 ? '\n```' : undefined } : {}),
    ...(structured
      ? {
          ref: `unit-${Math.floor(random() * 100)}`,
          source: randomText(random),
          codes: [{ kind: 'open', id: '1', label: '<b>', data: '<bpt id="1">&lt;b class="x"&gt;</bpt>' }],
          notes: [randomText(random)],
          state: 'translated',
        }
      : {}),
  };
}

describe('a run of a new review’s header paragraphs', () => {
  it('is written byte for byte as JSON.stringify writes each paragraph, whatever characters its texts hold', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const from = round === 0 ? 0 : Math.floor(random() * 1000);
      const length = 1 + Math.floor(random() * 12);
      const withSource = random() < 0.5;
      const targets = Array.from({ length }, () => (random() < 0.1 ? undefined : randomBlock(random)));
      const sources = Array.from({ length }, (_, k) => (withSource && (random() < 0.8 || !targets[k]) ? randomBlock(random) : undefined));
      for (let k = 0; k < length; k++) if (!targets[k] && !sources[k]) targets[k] = randomBlock(random);
      // As the loading sends them: a plain paragraph as its text alone.
      const sent = round % 2 === 0;
      const run = {
        fd: -1,
        from,
        withSource,
        targets: sent ? targets.map(runBlock) : targets,
        sources: sent ? sources.map(runBlock) : sources,
      };
      const expected = targets.map((t, k) => JSON.stringify(paragraphFromBlocks(from + k, t, sources[k], withSource))).join(',');
      const made = makeRun(run);
      const bytes = Buffer.from(made.bytes);
      expect(made.counts).toEqual(countParagraphs(targets.map((t) => t?.text ?? '')));
      expect(bytes.toString('utf8'), `round ${round}`).toBe(from > 0 ? `,${expected}` : expected);
      expect(bytes.equals(Buffer.from(from > 0 ? `,${expected}` : expected, 'utf8'))).toBe(true);
    }
  });

  it('grows its buffer for a paragraph longer than any before, and keeps what it had written', () => {
    const long = 'A very long paragraph “with quotes”. '.repeat(200_000);
    const targets: Block[] = [
      { kind: 'text', text: 'short' },
      { kind: 'text', text: long },
    ];
    const run = { fd: -1, from: 0, withSource: false, targets, sources: [] };
    const expected = targets.map((t, k) => JSON.stringify(paragraphFromBlocks(k, t, undefined, false))).join(',');
    expect(Buffer.from(makeRun(run).bytes).equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });
});

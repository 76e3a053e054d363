import { describe, expect, it } from 'vitest';
import { checkConsistency, ConsistencyIndex, phrasesOf } from './consistency-check';
import type { Finding } from './finding';

const paras = (...texts: string[]) => texts.map((text, i) => ({ id: `p${i + 1}`, text }));

describe('consistency check', () => {
  it('reports every writing of a name once, with the paragraphs of each', () => {
    const found = checkConsistency(paras('Lin Yawen spoke first.', 'Then Lin Ya-wen answered.', 'Lin Yawen left.'));
    expect(found.map((f) => [f.paragraphId, f.text])).toEqual([
      ['p1', 'Lin Yawen'],
      ['p2', 'Lin Ya-wen'],
    ]);
    expect(found[0]!.message).toBe('“Lin Yawen” (¶1, ¶3) is also written “Lin Ya-wen” (¶2).');
  });
  it('groups renderings of one programme', () => {
    const found = checkConsistency(
      paras('The Belt and Road Initiative grew.', 'Under One Belt, One Road, ports were built.', 'The Belt and Road program ended.'),
    );
    expect(found.map((f) => f.text)).toEqual(['Belt and Road Initiative', 'One Belt, One Road', 'Belt and Road program']);
  });
  it('says nothing when a name is always written the same way', () => {
    expect(checkConsistency(paras('Zhou Mingyuan spoke.', 'Zhou Mingyuan left.', 'Deputy Mayor Zhou Mingyuan agreed.'))).toEqual([]);
  });
  it('forgets a variant once its paragraph is edited', () => {
    const index = new ConsistencyIndex();
    const ps = paras('Lin Yawen spoke first.', 'Then Lin Ya-wen answered.');
    ps.forEach((p, i) => index.set(p, i));
    const touched = index.set({ id: 'p2', text: 'Then Lin Yawen answered.' }, 1);
    expect([...touched].flatMap((k) => index.findings(k))).toEqual([]);
  });
});

describe('capitalised phrases', () => {
  const surfaces = (text: string) => phrasesOf(text).map((p) => [p.surface, p.key, p.nameLike]);
  it('joins names across spaces, function words and a comma between parts that begin alike', () => {
    expect(surfaces('Under One Belt, One Road and the Belt and Road Initiative, Lin Ya-wen spoke.')).toEqual([
      ['One Belt, One Road', 'beltroad', false],
      ['Belt and Road Initiative', 'beltroad', false],
      ['Lin Ya-wen', 'linyawen', true],
    ]);
  });
  it('leaves out one word without a hyphen, a word that opens a sentence, and a capital inside a word', () => {
    expect(surfaces('The mayor met McDonald at noon. An iPhone Store opened.')).toEqual([]);
    expect(surfaces('Ya-wen came, then Lin’s deputy.')).toEqual([['Ya-wen', 'yawen', true]]);
  });
  it('takes a generic head after a name, but not a longer word that begins like one', () => {
    expect(surfaces('Harbour programme, Harbour programmer.')).toEqual([['Harbour programme', 'harbour', false]]);
    expect(surfaces('Zhou Mingyuan’s plan')).toEqual([['Zhou Mingyuan’s plan', 'zhoumingyuans', false]]);
  });
});

describe('consistency check kept current paragraph by paragraph', () => {
  /** A small seeded generator, so a failure can be replayed. */
  function random(seed: number): (n: number) => number {
    let x = seed;
    return (n) => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return (x >>> 8) % n;
    };
  }
  const NAMES = ['Lin Yawen', 'Lin Ya-wen', 'Belt and Road Initiative', 'One Belt, One Road', 'Belt and Road programme', 'Zhou Mingyuan'];
  const FILLERS = ['spoke on Monday.', 'left the harbour.', 'answered the council.'];
  const paragraph = (pick: (n: number) => number): string =>
    Array.from({ length: 1 + pick(3) }, () => `${NAMES[pick(NAMES.length)]!} ${FILLERS[pick(FILLERS.length)]!}`).join(' ');

  /**
   * Findings in an order that does not depend on the history of edits: an incremental index may meet the writings of
   * a name in another order than a full check does, which orders the other writings a message names.
   */
  function normalised(findings: readonly Finding[]): string[] {
    return findings
      .map((f) => {
        const [own, others = ''] = f.message.split(' is also written ');
        const sorted = others
          .replace(/\.$/, '')
          .split(/(?<=\)), (?=“)/)
          .sort()
          .join(', ');
        return `${f.paragraphId}@${f.start}-${f.end} ${f.text} ${f.category} ${own} | ${sorted}`;
      })
      .sort();
  }

  it('after random edits, finds what a full check of the edited article finds', () => {
    for (const seed of [1, 2, 3]) {
      const pick = random(seed);
      // Enough paragraphs that a writing occurs in many hundreds of them.
      const texts = Array.from({ length: 2_000 }, () => paragraph(pick));
      const index = new ConsistencyIndex();
      // Put in out of order once, as edits all over the article would: every place is found, none appended.
      const order = texts.map((_, i) => i);
      if (seed === 3) order.sort((a, b) => ((a * 7919) % 2_003) - ((b * 7919) % 2_003));
      for (const i of order) index.set({ id: `p${i + 1}`, text: texts[i]! }, i);
      for (let edit = 0; edit < 2_000; edit++) {
        const i = pick(texts.length);
        // Now and then a paragraph loses its names, or gets the one it had back.
        texts[i] = pick(5) === 0 ? 'Nothing to compare here.' : paragraph(pick);
        index.set({ id: `p${i + 1}`, text: texts[i]! }, i);
      }
      const incremental = [...index.keys()].flatMap((k) => index.findings(k));
      const full = checkConsistency(texts.map((text, i) => ({ id: `p${i + 1}`, text })));
      expect(incremental.length).toBeGreaterThan(0);
      expect(normalised(incremental)).toEqual(normalised(full));
    }
  });
});

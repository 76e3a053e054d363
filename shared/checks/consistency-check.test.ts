import { describe, expect, it } from 'vitest';
import { checkConsistency, ConsistencyIndex } from './consistency-check';

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

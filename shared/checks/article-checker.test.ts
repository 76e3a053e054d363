import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { ArticleChecker, checkArticle } from './article-checker';
import type { CheckParagraph } from './finding';

const NAMES = ['Lin Yawen', 'Lin Ya-wen', 'Belt and Road Initiative', 'One Belt, One Road', 'Zhou Mingyuan'];

describe('the findings of a whole article', () => {
  it('come in article order, by paragraph and then by where they start and end, the names told apart included', () => {
    const random = seededRandom(5);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const paragraphs: CheckParagraph[] = Array.from({ length: 400 }, (_, i) => {
      const n = Math.floor(random() * 900) + 2;
      const text = `${pick(NAMES)} said  ${n * 10} people came, and ${pick(NAMES)} agreed the the plan.`;
      return { id: `p${i + 1}`, text, source: `${pick(NAMES)}说有${n}人来了。` };
    });
    const findings = checkArticle(paragraphs);
    const position = new Map(paragraphs.map((p, i) => [p.id, i]));
    expect(new Set(findings.map((f) => f.check)).size).toBeGreaterThan(2);
    for (let k = 1; k < findings.length; k++) {
      const [a, b] = [findings[k - 1]!, findings[k]!];
      const order = position.get(a.paragraphId)! - position.get(b.paragraphId)! || a.start - b.start || a.end - b.end;
      expect(order, `${a.paragraphId} ${a.start} before ${b.paragraphId} ${b.start}`).toBeLessThanOrEqual(0);
    }
  });
});

describe('an article checked again after edits', () => {
  it('has the findings of a full check of the edited article, and each edit names the paragraphs it changed', () => {
    const random = seededRandom(9);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const paragraph = (i: number): CheckParagraph => {
      const n = Math.floor(random() * 900) + 2;
      const text = `${pick(NAMES)} said ${n * (random() < 0.2 ? 10 : 1)} people came, and ${pick(NAMES)} agreed.`;
      return { id: `p${i + 1}`, text, source: `他说有${n}人来了。` };
    };
    const paragraphs = Array.from({ length: 300 }, (_, i) => paragraph(i));
    const checker = new ArticleChecker();
    checker.runAll(paragraphs);
    for (let edit = 0; edit < 60; edit++) {
      const i = Math.floor(random() * paragraphs.length);
      const before = checker.findings();
      paragraphs[i] = paragraph(i);
      const changed = checker.update(i, paragraphs[i]!);
      const after = checker.findings();
      expect(after).toEqual(checkArticle(paragraphs));
      // Every paragraph whose findings differ is among those the edit names, and their findings are as listed.
      const key = (f: { readonly paragraphId: string }) => JSON.stringify(f);
      const [was, is] = [new Set(before.map(key)), new Set(after.map(key))];
      const differ = new Set([...before, ...after].filter((f) => !was.has(key(f)) || !is.has(key(f))).map((f) => f.paragraphId));
      for (const id of differ) expect(changed.has(id), id).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { checkArticle } from './article-checker';
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

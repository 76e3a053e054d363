/**
 * Questions about which paragraphs are reviewed, asked of the review the page holds. Paragraph ids are made from
 * positions (see `paragraphIdAt`), so the next paragraph not reviewed is found from the marks alone, without the
 * paragraphs themselves being loaded.
 */
import { paragraphIdAt } from '../../shared/model';

/**
 * The position of the nearest paragraph after (step 1) or before (step -1) `from` that is not marked reviewed,
 * wrapping around the article; undefined when every paragraph is reviewed. Walks at most the article once, and
 * only while it meets reviewed paragraphs.
 */
export function nextNotReviewed(
  reviewed: { has(paragraphId: string): boolean },
  total: number,
  from: number,
  step: 1 | -1,
): number | undefined {
  if (total <= 0) return undefined;
  for (let n = 1; n <= total; n++) {
    const i = (((from + step * n) % total) + total) % total;
    if (!reviewed.has(paragraphIdAt(i))) return i;
  }
  return undefined;
}

/** "Reviewed 3 of 22": the progress figure of the status bar. */
export function progressLabel(count: number, total: number): string {
  return `Reviewed ${count.toLocaleString()} of ${total.toLocaleString()}`;
}

/**
 * Where an offset of one text lands in an edited version of it, through a character diff: used to carry segment
 * boundaries and flag spans from the machine translation onto the reviewer's corrected text when it is written.
 */
import { diffChars } from '../../diff/text-diff';
import type { OffsetMapper } from './xliff-writer';

/**
 * A mapper from offsets of `before` to offsets of `after`. An offset inside deleted text lands where the deletion
 * was; at an insertion point, `left` keeps the offset before the inserted text and `right` moves it past it.
 */
export function offsetMapper(before: string, after: string): OffsetMapper {
  if (before === after) return (offset) => offset;
  // The texts are compared only when an offset is first asked for: most edited paragraphs have no flag to move.
  let runs: { kind: 'same' | 'insert' | 'delete'; length: number }[] | undefined;
  return (offset, bias) => {
    runs ??= diffChars(before, after).segments.map((s) => ({ kind: s.kind, length: s.text.length }));
    let oldAt = 0;
    let newAt = 0;
    for (const run of runs) {
      if (run.kind === 'insert') {
        if (oldAt === offset && bias === 'left') return newAt;
        newAt += run.length;
        continue;
      }
      if (run.kind === 'same') {
        if (offset < oldAt + run.length || (offset === oldAt + run.length && bias === 'left')) return newAt + (offset - oldAt);
        oldAt += run.length;
        newAt += run.length;
        continue;
      }
      // deleted
      if (offset < oldAt + run.length) return newAt;
      oldAt += run.length;
    }
    return newAt;
  };
}

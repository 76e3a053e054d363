import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../shared/contract';
import { groupByCheck, isSuggestionMark, suggestionIdOf, suggestionMark } from './suggestion-marks';

const s = (id: string, check: Suggestion['check'], paragraphId = 'p1'): Suggestion => ({
  id,
  check,
  paragraphId,
  start: 0,
  end: 4,
  text: 'word',
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  message: 'why',
});

describe('suggestion marks', () => {
  it('a suggestion becomes a mark that is known as a suggestion and leads back to it', () => {
    const mark = suggestionMark(s('k1', 'numbers'));
    expect(isSuggestionMark(mark.id)).toBe(true);
    expect(suggestionIdOf(mark.id)).toBe('k1');
    expect(isSuggestionMark('3f2a-flag-id')).toBe(false);
    expect(mark.comment).toBe('why');
  });
  it('groups suggestions by check in the panel’s order, leaving out empty checks', () => {
    const groups = groupByCheck([s('a', 'numbers'), s('b', 'sentences'), s('c', 'numbers', 'p2')], ['sentences', 'punctuation', 'numbers']);
    expect(groups.map((g) => [g.check, g.items.map((i) => i.id)])).toEqual([
      ['sentences', ['b']],
      ['numbers', ['a', 'c']],
    ]);
  });
});

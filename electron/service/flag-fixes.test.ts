import { describe, expect, it } from 'vitest';
import { editSpans, spanEdited } from './flag-fixes';
import { editRateUnitOf } from './version-figures';

const MT = 'The council approved the budget on Tuesday.';
const span = (phrase: string): [number, number] => {
  const at = MT.indexOf(phrase);
  return [at, at + phrase.length];
};
const edited = (after: string, [start, end]: [number, number]) => spanEdited(MT, start, end, editSpans(MT, after));

describe('whether an edit fixed a flagged span', () => {
  it('a replaced or deleted word inside the span fixes it; an edit elsewhere does not', () => {
    expect(edited('The city council approved the budget on Monday.', span('Tuesday'))).toBe(true);
    expect(edited('The council approved the budget.', span('on Tuesday'))).toBe(true);
    expect(edited('The council approved the budget on Monday.', span('council'))).toBe(false);
  });

  it('a word inserted inside a flagged phrase fixes it', () => {
    expect(edited('The council approved the new budget on Tuesday.', span('the budget'))).toBe(true);
  });

  it('an omission point is fixed by text inserted at it, not by an edit further away', () => {
    const point = MT.indexOf('on Tuesday');
    expect(edited('The council approved the budget unanimously on Tuesday.', [point, point])).toBe(true);
    expect(edited('The city council approved the budget on Tuesday.', [point, point])).toBe(false);
  });
});

describe('the unit of the edit rate', () => {
  it('is characters for a Chinese target and words for an English one', () => {
    const paragraph = (target: string) => ({ id: 'p1', index: 0, kind: 'text' as const, target });
    expect(editRateUnitOf([paragraph('老港大桥将于九月重新开放。')])).toBe('char');
    expect(editRateUnitOf([paragraph('The bridge reopens in September (九月).')])).toBe('word');
  });
});

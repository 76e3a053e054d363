import { describe, expect, it } from 'vitest';
import type { RequestOf, Suggestion, SuggestionList } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { readSuggestions } from './use-suggestions';

const all = Array.from(
  { length: 4500 },
  (_, i) => ({ id: `s${i}`, check: 'numbers', paragraphId: `p${i + 1}`, start: 0, end: 1, text: 'x' }) as unknown as Suggestion,
);

/** A service's answers over `list`, recording each page asked for. */
function fakeClient(list: readonly Suggestion[], asked: string[]) {
  return {
    async listSuggestions(req: RequestOf<'listSuggestions'>): Promise<Result<SuggestionList>> {
      asked.push(`${req.offset}+${req.limit}`);
      const offset = req.offset ?? 0;
      const page = list.slice(offset, req.limit === undefined ? undefined : offset + req.limit);
      return { ok: true, value: { reviewId: req.reviewId, checking: false, suggestions: page, total: list.length, offset } };
    },
  };
}

describe('reading the suggestions of a long article', () => {
  it('asks page by page and ends with the whole list in order', async () => {
    const asked: string[] = [];
    const read = await readSuggestions(fakeClient(all, asked), 'r', () => false, 2000);
    expect(asked).toEqual(['0+2000', '2000+2000', '4000+2000']);
    expect(read?.suggestions).toEqual(all);
    expect(read).toMatchObject({ total: 4500, offset: 0, checking: false });
  });

  it('an empty list takes one request; a reading cancelled by a change gives nothing', async () => {
    const asked: string[] = [];
    expect((await readSuggestions(fakeClient([], asked), 'r', () => false))?.suggestions).toEqual([]);
    expect(asked).toHaveLength(1);
    let n = 0;
    expect(await readSuggestions(fakeClient(all, []), 'r', () => ++n > 1, 2000)).toBeUndefined();
  });
});

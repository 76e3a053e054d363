import { describe, expect, it } from 'vitest';
import { DRAFTS_PAGE, type DraftTexts, type ReviewView } from '../../shared/contract';
import { ok, type Result } from '../../shared/result';
import { readDraftPages, withDraftPage } from './draft-pages';

describe('reading the texts a change named', () => {
  it('reads them a page at a time and hands on each page', async () => {
    const ids = Array.from({ length: DRAFTS_PAGE * 2 + 3 }, (_, i) => `p${i + 1}`);
    const asked: number[] = [];
    const client = {
      readDrafts: async (req: { reviewId: string; ids: string[] }): Promise<Result<DraftTexts>> => {
        asked.push(req.ids.length);
        return ok({ seq: 9, drafts: Object.fromEntries(req.ids.map((id) => [id, `new ${id}`])) });
      },
    };
    const pages: DraftTexts[] = [];
    expect(await readDraftPages(client, 'r1', ids, (page) => pages.push(page))).toBeUndefined();
    expect(asked).toEqual([DRAFTS_PAGE, DRAFTS_PAGE, 3]);
    expect(pages.flatMap((p) => Object.keys(p.drafts))).toEqual(ids);
  });

  it('stops when the review is no longer shown, and at the first failure', async () => {
    let calls = 0;
    const failing = {
      readDrafts: async (): Promise<Result<DraftTexts>> => {
        calls += 1;
        return { ok: false, error: { code: 'unknown-review', message: 'That article is no longer open; open it again.' } };
      },
    };
    const ids = Array.from({ length: DRAFTS_PAGE * 3 }, (_, i) => `p${i + 1}`);
    expect(await readDraftPages(failing, 'r1', ids, () => undefined)).toMatchObject({ code: 'unknown-review' });
    expect(calls).toBe(1);
    calls = 0;
    expect(
      await readDraftPages(
        failing,
        'r1',
        ids,
        () => undefined,
        () => true,
      ),
    ).toBeUndefined();
    expect(calls).toBe(0);
  });

  it('a page sets the drafts it holds and takes away those back to the machine translation', () => {
    const view = { reviewId: 'r1', seq: 4, drafts: { p1: 'old one', p2: 'old two', p3: 'kept' } } as unknown as ReviewView;
    const next = withDraftPage(view, { seq: 4, drafts: { p1: 'new one', p2: null, p4: 'four' } });
    expect(next.drafts).toEqual({ p1: 'new one', p3: 'kept', p4: 'four' });
    expect(view.drafts).toEqual({ p1: 'old one', p2: 'old two', p3: 'kept' });
    expect(withDraftPage(view, { seq: 4, drafts: {} })).toBe(view);
  });
});

/**
 * Reads the texts of a change that named its drafts without carrying them (`ReviewDelta.draftsToRead`: a Replace
 * all, a Revert article, their undo), a page at a time, so no answer is many megabytes and the service answers
 * other requests between pages. Each page is handed on as it arrives.
 */
import { DRAFTS_PAGE, type DraftTexts, type RedlineClient } from '../../shared/contract';
import type { ReviewView } from '../../shared/contract';
import type { Failure } from '../../shared/result';

/**
 * Reads the drafts of `ids` page by page and gives each page to `onPage`; stops at the first failure (returned)
 * or when `stopped()` says the review is no longer shown.
 */
export async function readDraftPages(
  client: Pick<RedlineClient, 'readDrafts'>,
  reviewId: string,
  ids: readonly string[],
  onPage: (page: DraftTexts) => void,
  stopped: () => boolean = () => false,
): Promise<Failure | undefined> {
  for (let i = 0; i < ids.length && !stopped(); i += DRAFTS_PAGE) {
    const r = await client.readDrafts({ reviewId, ids: ids.slice(i, i + DRAFTS_PAGE) });
    if (!r.ok) return r.error;
    if (!stopped()) onPage(r.value);
  }
  return undefined;
}

/**
 * The view with a page of drafts read from the service. The page holds the texts as they stood when it was read,
 * which is after the change that named them: a later change that the view already holds is in it too.
 */
export function withDraftPage(view: ReviewView, page: DraftTexts): ReviewView {
  const ids = Object.keys(page.drafts);
  if (ids.length === 0) return view;
  const drafts: Record<string, string> = { ...view.drafts };
  for (const id of ids) {
    const text = page.drafts[id];
    if (text === null || text === undefined) delete drafts[id];
    else drafts[id] = text;
  }
  return { ...view, drafts };
}

/**
 * Replace and Replace all, the service side. Only the translation is ever changed (a source text is the author's,
 * not the reviewer's to correct). Each is one `text-replaced` event: one undo step however many paragraphs it
 * touches, and the new texts are drafts like any edit, so the next saved version's diff shows them.
 *
 * Replace all reads every paragraph's current text in slices with the event loop free between them, then makes
 * the new texts the same way; the event names the ranges replaced, not whole texts, so it stays small on disk.
 */
import { performance } from 'node:perf_hooks';
import type { ReplaceResult, RequestOf, ReviewDelta } from '../../shared/contract';
import type { EventBody } from '../../shared/journal/journal-event';
import { paragraphById, type ReviewState } from '../../shared/journal/review-state';
import { PreparedReplacement } from '../../shared/journal/prepared-replacement';
import { inlineCodeProblem } from '../../shared/formats/inline-codes';
import { compileMatcher, findInText, replaceMatches, type TextMatch } from '../../shared/find/text-search';
import type { Paragraph } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { breathe } from '../breathe';

const SLICE_MS = 6;

/** What replacing needs of a review session. */
export interface ReplacingSession {
  readonly state: ReviewState;
  view(): { readonly readOnly?: { readonly reason: string; readonly message: string } };
  replaceText(body: TextReplaced, prepared?: PreparedReplacement): Promise<Result<ReviewDelta>>;
}

type TextReplaced = Extract<EventBody, { type: 'text-replaced' }>;
type Edit = TextReplaced['edits'][number];

/** Replaces the match at `start`-`end` of a paragraph's translation, if the phrase is still found exactly there. */
export async function replaceOne(session: ReplacingSession, req: RequestOf<'replaceMatch'>): Promise<Result<ReplaceResult>> {
  const refused = refusal(session, req.query.scope);
  if (refused) return refused;
  const state = session.state;
  const paragraph = paragraphById(state, req.paragraphId);
  if (!paragraph) return fail('bad-request', `The article has no paragraph ${req.paragraphId}.`);
  const text = state.drafts.get(paragraph.id) ?? paragraph.target;
  const matcher = compileMatcher(req.query);
  const found = findInText(text, matcher).some((m) => m.start === req.start && m.end === req.end);
  if (!found) {
    return fail(
      'conflict',
      `“${req.query.text}” is no longer at ${req.start}-${req.end} of paragraph ${paragraph.index + 1}: its text changed since it was found. Find it again.`,
    );
  }
  const problem = codeProblem(paragraph, text, [{ start: req.start, end: req.end }], req.replacement);
  if (problem) return fail('bad-request', problem);
  const edits = [{ paragraphId: paragraph.id, ranges: [[req.start, req.end] as const] }];
  return commit(session, { type: 'text-replaced', find: req.query.text, replacement: req.replacement, all: false, edits }, 1);
}

/** Replaces every match of the phrase in the translation, as one edit of the article. */
export async function replaceEvery(session: ReplacingSession, req: RequestOf<'replaceAll'>): Promise<Result<ReplaceResult>> {
  const refused = refusal(session, req.query.scope);
  if (refused) return refused;
  // Asking whether the review may be written makes its view, itself a long step after a change to a long review:
  // the search starts on the next turn, so the two never add up to one block.
  await breathe();
  const matcher = compileMatcher(req.query);
  const edits: Edit[] = [];
  let replaced = 0;
  let state = session.state;
  for (let i = 0; i < state.paragraphs.length;) {
    const deadline = performance.now() + SLICE_MS;
    for (; i < state.paragraphs.length && performance.now() < deadline; i++) {
      const paragraph = state.paragraphs[i]!;
      const text = state.drafts.get(paragraph.id) ?? paragraph.target;
      const matches = findInText(text, matcher);
      if (matches.length === 0) continue;
      const problem = codeProblem(paragraph, text, matches, req.replacement);
      if (problem) return fail('bad-request', problem);
      edits.push({ paragraphId: paragraph.id, ranges: matches.map((m) => [m.start, m.end] as const) });
      replaced += matches.length;
    }
    if (i < state.paragraphs.length) {
      await breathe();
      // An edit made meanwhile would move the ranges already found: start again on the text as it is now.
      if (session.state.drafts !== state.drafts) {
        state = session.state;
        edits.length = 0;
        replaced = 0;
        i = 0;
      }
    }
  }
  if (edits.length === 0) {
    return fail('conflict', `Nothing was replaced: “${req.query.text}” is not in the translation as it stands now.`);
  }
  const body = { type: 'text-replaced', find: req.query.text, replacement: req.replacement, all: true, edits } as const;
  const prepared = await prepare(session, body);
  // An edit made while the texts were made moved the ranges found: find them again in the text as it is now.
  if (!prepared) return replaceEvery(session, req);
  return commit(session, body, replaced, prepared);
}

/**
 * Makes the new texts of a Replace all in slices, with the event loop free between them, so that writing the
 * event only sets them (see prepared-replacement.ts); undefined when the review's texts changed meanwhile.
 */
async function prepare(session: ReplacingSession, body: TextReplaced): Promise<PreparedReplacement | undefined> {
  const state = session.state;
  const prepared = new PreparedReplacement(state, body);
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (prepared.step(() => performance.now() < deadline)) return prepared;
    await breathe();
    if (session.state.drafts !== state.drafts) return undefined;
  }
}

async function commit(
  session: ReplacingSession,
  body: TextReplaced,
  replaced: number,
  prepared?: PreparedReplacement,
): Promise<Result<ReplaceResult>> {
  const delta = await session.replaceText(body, prepared);
  if (!delta.ok) return delta;
  return ok({ delta: delta.value, replaced, paragraphs: body.edits.length });
}

/** Why a replacement may not be made at all here: a review that cannot be written, or a search of the source only. */
function refusal(session: ReplacingSession, scope: string): Result<never> | undefined {
  const readOnly = session.view().readOnly;
  if (readOnly) {
    return fail(
      readOnly.reason === 'locked' ? 'locked' : 'read-only',
      `Nothing was replaced: this review is open read-only. ${readOnly.message}`,
    );
  }
  if (scope === 'source')
    return fail('bad-request', 'Replace changes the translation only, never the source: search the translation to replace.');
  return undefined;
}

/** A replacement that would cut an inline code in half (its export could not put it back) is refused, naming where. */
function codeProblem(paragraph: Paragraph, text: string, matches: readonly TextMatch[], replacement: string): string | undefined {
  if (!paragraph.codes) return undefined;
  const problem = inlineCodeProblem(replaceMatches(text, matches, replacement), paragraph.codes);
  return problem === undefined ? undefined : `Nothing was replaced: in paragraph ${paragraph.index + 1}, ${problem}.`;
}

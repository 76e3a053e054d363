/**
 * Find over an open review, in the service where the article lives: the current text of every paragraph (drafts
 * included), not just the rows the page has on screen.
 *
 * A phrase searched for is counted in the background in slices of a few milliseconds with the event loop free
 * between them, so a 100,000-paragraph article never holds the service for long; the count is kept for the
 * phrase until another one is searched. Stepping to the next match walks the article from where the reviewer is
 * (also in slices) and, once counted, skips paragraphs without a match unread and says which match it is.
 * Edits are followed: a paragraph whose draft changed is counted again, alone.
 */
import { performance } from 'node:perf_hooks';
import type { FoundMatch, MatchCount, RequestOf } from '../../shared/contract';
import type { ReviewState } from '../../shared/journal/review-state';
import { ArticleSearch, type ArticleMatch, type ArticleTexts, type FindScope } from '../../shared/find/article-search';
import { compileMatcher } from '../../shared/find/text-search';
import { fail, ok, type Result } from '../../shared/result';
import { breathe } from '../breathe';

/** Longest stretch of searching without a breath: well under the 50 ms the service may ever be held. */
const SLICE_MS = 6;
/**
 * Changed paragraphs counted again at once when a search follows an edit; more (a Replace all, a revert of the
 * article, their undo) are counted again in slices, as the first count is.
 */
const RECOUNT_AT_ONCE = 256;

export type FindQuery = RequestOf<'countMatches'>['query'];

/** The article's texts as they stand in a review state: the source, and the draft or else the machine translation. */
export function textsOf(state: ReviewState): ArticleTexts {
  const { paragraphs, drafts } = state;
  return {
    paragraphs: paragraphs.length,
    text: (index, side) => {
      const p = paragraphs[index]!;
      return side === 'source' ? p.source : (drafts.get(p.id) ?? p.target);
    },
  };
}

interface Running {
  readonly key: string;
  readonly search: ArticleSearch;
  /** The drafts the counts were made over. */
  drafts: ReviewState['drafts'];
  /** Resolves true once every match is counted, false if a newer search took its place first. */
  counting: Promise<boolean>;
  /** True while a counting loop runs (a change of many paragraphs starts one again once the first ended). */
  countingNow: boolean;
  cancelled: boolean;
}

const keyOf = (q: FindQuery): string => JSON.stringify([q.text, q.scope, q.matchCase, q.wholeWord]);

export class ArticleFinder {
  private running: Running | undefined;

  constructor(private readonly state: () => ReviewState) {}

  /** The match nearest a place in the article, within a few slices for any phrase that occurs often. */
  async find(req: RequestOf<'findMatch'>): Promise<Result<FoundMatch>> {
    const state = this.state();
    if (req.from.paragraph >= state.paragraphs.length) {
      return fail('bad-request', `Find cannot start at paragraph ${req.from.paragraph + 1}: the article has ${state.paragraphs.length}.`);
    }
    const run = this.searchFor(req.query);
    this.follow(run);
    const walk = run.search.seek(req.from, req.direction, req.inclusive);
    for (;;) {
      const deadline = performance.now() + SLICE_MS;
      const match = walk.step(() => performance.now() >= deadline);
      if (match !== undefined) return ok(this.answer(req.reviewId, run, match));
      await breathe();
      if (run.cancelled) return superseded();
      this.follow(run);
    }
  }

  /** Every match of the phrase, counted; resolves when the background count is done. */
  async count(req: RequestOf<'countMatches'>): Promise<Result<MatchCount>> {
    const run = this.searchFor(req.query);
    // Following an edit of many paragraphs counts them again in the background: wait for that too.
    do {
      if (!(await run.counting)) return superseded();
      this.follow(run);
    } while (!run.search.done);
    return ok({ reviewId: req.reviewId, total: run.search.total, paragraphs: run.search.paragraphsWithMatches() });
  }

  /** Stops counting (the review is closing). */
  close(): void {
    if (this.running) this.running.cancelled = true;
    this.running = undefined;
  }

  private answer(reviewId: string, run: Running, match: ArticleMatch | null): FoundMatch {
    if (!match) return { reviewId, match: null, ...(run.search.done ? { ordinal: 0, total: 0 } : {}) };
    const paragraphId = this.state().paragraphs[match.paragraph]!.id;
    const ordinal = run.search.ordinalOf(match);
    return { reviewId, match: { ...match, paragraphId }, ...(ordinal !== undefined ? { ordinal, total: run.search.total } : {}) };
  }

  /** The search for a phrase: the one running when it is the same phrase, else a new one replacing it. */
  private searchFor(query: FindQuery): Running {
    const key = keyOf(query);
    if (this.running?.key === key) return this.running;
    if (this.running) this.running.cancelled = true;
    const state = this.state();
    const search = new ArticleSearch(textsOf(state), compileMatcher(query), query.scope as FindScope);
    const run: Running = { key, search, drafts: state.drafts, cancelled: false, counting: Promise.resolve(false), countingNow: false };
    this.running = run;
    this.startCounting(run);
    return run;
  }

  private startCounting(run: Running): void {
    run.countingNow = true;
    run.counting = this.countInSlices(run).finally(() => (run.countingNow = false));
  }

  private async countInSlices(run: Running): Promise<boolean> {
    for (;;) {
      // The first slice waits too: the request that started the search answers first.
      await breathe();
      if (run.cancelled) return false;
      this.follow(run);
      const deadline = performance.now() + SLICE_MS;
      if (run.search.countSome(() => performance.now() >= deadline)) return true;
    }
  }

  /** Brings a search up to the current drafts: paragraphs whose text changed are counted again. */
  private follow(run: Running): void {
    const state = this.state();
    if (state.drafts === run.drafts) return;
    const before = run.drafts;
    run.search.setTexts(textsOf(state));
    const changed: number[] = [];
    const note = (id: string) => {
      const index = state.paragraphIndex.get(id);
      if (index !== undefined) changed.push(index);
    };
    for (const [id, text] of state.drafts) if (before.get(id) !== text) note(id);
    for (const id of before.keys()) if (!state.drafts.has(id)) note(id);
    run.drafts = state.drafts;
    if (changed.length <= RECOUNT_AT_ONCE) {
      for (const index of changed) run.search.recount(index);
      return;
    }
    for (const index of changed) run.search.recountLater(index);
    if (!run.countingNow && !run.cancelled) this.startCounting(run);
  }
}

function superseded(): Result<never> {
  return fail('conflict', 'Another search replaced this one before it finished.');
}

const finders = new WeakMap<object, ArticleFinder>();

/** The finder of a review session (one per session, made on first use). */
export function finderOf(session: { readonly state: ReviewState }): ArticleFinder {
  let finder = finders.get(session);
  if (!finder) {
    finder = new ArticleFinder(() => session.state);
    finders.set(session, finder);
  }
  return finder;
}

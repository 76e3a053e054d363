/**
 * The suggestions of one open review: the automatic checks run over the article in the background once the review
 * opens (in slices of a few milliseconds with the event loop free between them, so no request waits), and again
 * for a paragraph whenever its text changes. Listeners hear `changed` when there is something new to fetch.
 *
 * Checks read the current text (the draft where there is one), but a suggestion, like a flag, points into the
 * machine translation: a finding on an edited paragraph is kept only where its text is still found in the machine
 * translation, so a suggestion goes away once the reviewer's edit removed its cause, and an error the reviewer
 * typed is not pinned on the machine.
 */
import { performance } from 'node:perf_hooks';
import type { Suggestion, SuggestionList } from '../../shared/contract';
import { ArticleChecker } from '../../shared/checks/article-checker';
import type { CheckParagraph, Finding } from '../../shared/checks/finding';
import { suggestionKey } from '../../shared/journal/journal-event';
import type { ReviewState } from '../../shared/journal/review-state';
import type { Paragraph } from '../../shared/model';
import { breathe } from '../breathe';

/** Checking done between two breaths: well under the 50 ms a request may wait. */
const SLICE_MS = 8;
/** Paragraphs made ready for the checks between two breaths when the checks start. */
const PARAGRAPHS_PER_STEP = 10_000;
/** Flags or findings gone through between two breaths while the list of suggestions is made. */
const LISTED_PER_STEP = 4_000;

/** A finding as offered: the suggestion, and the key of the span a flag accepted from it would be on. */
interface Offer {
  readonly suggestion: Suggestion;
  readonly flagKey: string;
}

export class SessionSuggestions {
  private readonly checker = new ArticleChecker();
  private running = false;
  private ready = false;
  private closed = false;

  constructor(private readonly changed: () => void) {}

  /** Checks the whole article in the background; `changed` is called when it is done. */
  async start(state: ReviewState): Promise<void> {
    this.running = true;
    // The paragraphs as the checks see them, made a step at a time: 100,000 at once held the event loop.
    const paragraphs: ReturnType<typeof checkParagraphOf>[] = [];
    for (let i = 0; i < state.paragraphs.length; i++) {
      const p = state.paragraphs[i]!;
      paragraphs.push(checkParagraphOf(p, state.drafts.get(p.id)));
      if ((i + 1) % PARAGRAPHS_PER_STEP === 0) await breathe();
      if (this.closed) {
        this.running = false;
        return;
      }
    }
    return this.checker
      .runInSlices(paragraphs, { sliceMs: SLICE_MS, now: () => performance.now(), pause: breathe, cancelled: () => this.closed })
      .then((done) => {
        this.running = false;
        this.ready = done;
        if (done && !this.closed) this.changed();
      });
  }

  /** Re-checks paragraphs whose text changed (an edit, a revert, an undo of either). */
  textsChanged(state: ReviewState, paragraphIds: readonly string[]): void {
    if (!this.ready || paragraphIds.length === 0) return;
    for (const id of paragraphIds) {
      const index = state.paragraphIndex.get(id);
      if (index === undefined) continue;
      this.checker.update(index, checkParagraphOf(state.paragraphs[index]!, state.drafts.get(id)));
    }
    this.changed();
  }

  /**
   * A finding as a suggestion, placed on the machine translation, with the key of a flag accepted from it; undefined
   * when its text is not there. A finding on a paragraph without a draft is placed where it is, and its suggestion
   * is kept with it, so that the list made again after each change (30,000 on a long article) makes few new objects.
   */
  private offerOf(state: ReviewState, f: Finding): Offer | undefined {
    const kept = this.offers.get(f);
    if (kept && !state.drafts.has(f.paragraphId)) return kept;
    const mapped = onMachineText(state, f);
    if (!mapped) return undefined;
    const offer = {
      suggestion: { ...mapped, id: suggestionKey(mapped) },
      flagKey: `${mapped.check}\u0000${mapped.paragraphId}\u0000${mapped.start}\u0000${mapped.end}`,
    };
    if (mapped === f) this.offers.set(f, offer);
    return offer;
  }

  /** Suggestions made of findings on paragraphs without a draft (see `offerOf`). */
  private readonly offers = new WeakMap<Finding, Offer>();

  /** Stops a run still going (the review closed). */
  close(): void {
    this.closed = true;
  }

  /**
   * What the reviewer is offered now: findings mapped onto the machine translation, less those dismissed, those
   * already accepted as flags, those on a span the reviewer has flagged, and those of checks turned off. Worked out a
   * few thousand flags or findings at a time with the event loop free in between (a long article has some 30,000
   * findings and may hold 10,000 flags): `state` is a snapshot, so the list is that state's however long it takes.
   */
  async list(state: ReviewState, reviewId: string): Promise<SuggestionList> {
    if (!this.ready) return { reviewId, checking: this.running, suggestions: [], total: 0, offset: 0 };
    const off = new Set(state.settings.checksOff ?? []);
    // Keys of the spans flags accepted from a check are on (as `Offer.flagKey`).
    const accepted = new Set<string>();
    // Spans the reviewer has flagged: a suggestion there would only repeat what a flag already says.
    const flagged = new Map<string, { start: number; end: number }[]>();
    let n = 0;
    for (const a of state.annotations.values()) {
      if (++n % LISTED_PER_STEP === 0) await breathe();
      if (a.origin.kind === 'check') accepted.add(`${a.origin.check}\u0000${a.paragraphId}\u0000${a.start}\u0000${a.end}`);
      if (a.side !== 'target' || a.status === 'dismissed' || a.start === a.end) continue;
      const spans = flagged.get(a.paragraphId);
      if (spans) spans.push(a);
      else flagged.set(a.paragraphId, [a]);
    }
    const underFlag = (f: Finding) =>
      flagged
        .get(f.paragraphId)
        ?.some((a) => (f.start === f.end ? a.start <= f.start && f.start <= a.end : a.start < f.end && f.start < a.end)) ?? false;
    // The findings as they stand now: the checker moves on with later edits while this list is made.
    const findings = this.checker.findings();
    await breathe();
    const suggestions: Suggestion[] = [];
    for (let i = 0; i < findings.length; i++) {
      if ((i + 1) % LISTED_PER_STEP === 0) await breathe();
      const f = findings[i]!;
      if (off.has(f.check)) continue;
      const offer = this.offerOf(state, f);
      if (!offer) continue;
      const { suggestion } = offer;
      if (state.dismissed.has(suggestion.id) || accepted.has(offer.flagKey)) continue;
      if (underFlag(suggestion)) continue;
      suggestions.push(suggestion);
    }
    return { reviewId, checking: false, suggestions, total: suggestions.length, offset: 0 };
  }
}

function checkParagraphOf(p: Paragraph, draft: string | undefined): CheckParagraph {
  return { id: p.id, text: draft ?? p.target, ...(p.source !== undefined ? { source: p.source } : {}), kind: p.kind };
}

/** A finding on the current text, placed on the machine translation; undefined when its text is not there. */
function onMachineText(state: ReviewState, f: Finding): Finding | undefined {
  const draft = state.drafts.get(f.paragraphId);
  if (draft === undefined) return f;
  const index = state.paragraphIndex.get(f.paragraphId);
  const target = index === undefined ? undefined : state.paragraphs[index]?.target;
  if (target === undefined) return undefined;
  if (f.start === f.end) {
    // A point (something missing) at the end of the draft stands at the end of the machine translation.
    return f.start === draft.length ? { ...f, start: target.length, end: target.length } : undefined;
  }
  // The occurrence nearest to where the finding sits in the draft.
  let best = -1;
  for (let at = target.indexOf(f.text); at >= 0; at = target.indexOf(f.text, at + 1)) {
    if (best < 0 || Math.abs(at - f.start) < Math.abs(best - f.start)) best = at;
  }
  return best < 0 ? undefined : { ...f, start: best, end: best + f.text.length };
}

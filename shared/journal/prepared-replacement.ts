/**
 * The new texts of a Replace all, made before its event is written. A Replace all in a quarter of a long article
 * changes 25,000 paragraphs; checking the ranges and making the texts in the one reducer step that applies the
 * event would hold the writer's event loop for well over the 50 ms any other request may wait. Prepared a slice at
 * a time instead (the caller yields between slices), the step that applies the event only sets the texts.
 *
 * The new drafts map is made the same way, so that the step only swaps it in, and pushes the undo step.
 *
 * A preparation counts only for the very texts it read: the reducer uses it when the event carries the same edits
 * and replacement and the drafts are the same map the preparation read (maps in a state never change), and checks
 * and makes the texts itself otherwise, as it does when a review is reopened.
 */
import type { Change, EventBody } from './journal-event';
import { DraftsInSteps } from './drafts-in-steps';
import type { ReviewState } from './review-state';
import { rangesProblem, replaceMatches } from '../find/text-search';

type TextReplaced = Extract<EventBody, { type: 'text-replaced' }>;
type Edit = TextReplaced['edits'][number];

/** What a text-replaced edit needs of the state it applies to. */
export interface ReplacementTexts {
  /** The paragraph's current text, or undefined when the article has no such paragraph. */
  current(paragraphId: string): string | undefined;
}

/**
 * The change an edit makes (the paragraph's text before and after), or why it does not fit: an unknown paragraph,
 * a paragraph listed twice (`seen` holds those already listed), ranges out of order or outside the text.
 */
export function replacementChange(texts: ReplacementTexts, edit: Edit, replacement: string, seen: Set<string>): Change | string {
  const before = texts.current(edit.paragraphId);
  if (before === undefined) return `no paragraph ${edit.paragraphId}`;
  if (seen.has(edit.paragraphId)) return `text-replaced lists paragraph ${edit.paragraphId} twice`;
  seen.add(edit.paragraphId);
  const ranges = edit.ranges.map(([start, end]) => ({ start, end }));
  const problem = rangesProblem(ranges, before.length);
  if (problem) return `in ${edit.paragraphId}, ${problem}`;
  return { kind: 'draft', paragraphId: edit.paragraphId, before, after: replaceMatches(before, ranges, replacement) };
}

/** What a preparation hands the reducer: the undo step's changes, and the drafts with every new text set. */
export interface ReadyReplacement {
  readonly changes: readonly Change[];
  /** A map of its own, made for this event alone: the reducer takes it as the new drafts, unchanged. */
  readonly drafts: ReadonlyMap<string, string>;
}

/**
 * A text-replaced event's changes, made a slice at a time from one state of the review; then the new drafts map,
 * also a slice at a time (copying 25,000 drafts and setting 25,000 texts at once is itself a long block).
 */
export class PreparedReplacement {
  private readonly made: Change[] = [];
  private readonly seen = new Set<string>();
  private failed: string | undefined;
  private readonly texts: ReplacementTexts;
  /** The new drafts: the state's copied, then the changes set (`set` of them so far). */
  private readonly drafts: DraftsInSteps;
  private set = 0;

  constructor(
    /** The state the texts are read from. */
    readonly state: ReviewState,
    readonly body: TextReplaced,
  ) {
    this.drafts = new DraftsInSteps(state);
    this.texts = {
      current: (id) => {
        const i = state.paragraphIndex.get(id);
        return i === undefined ? undefined : (state.drafts.get(id) ?? state.paragraphs[i]!.target);
      },
    };
  }

  /** True once every text and the new drafts are made, or an edit did not fit. */
  get done(): boolean {
    return (
      this.failed !== undefined || (this.made.length === this.body.edits.length && this.drafts.copiedAll && this.set === this.made.length)
    );
  }

  /** Why an edit does not fit the state, once one was found not to. */
  get problem(): string | undefined {
    return this.failed;
  }

  /** Does the next piece of work while `more()` says to go on (it is asked after each text and each draft); true when done. */
  step(more: () => boolean): boolean {
    const { edits, replacement } = this.body;
    while (!this.done) {
      if (this.made.length < edits.length) {
        const change = replacementChange(this.texts, edits[this.made.length]!, replacement, this.seen);
        if (typeof change === 'string') this.failed = change;
        else this.made.push(change);
      } else if (!this.drafts.copiedAll) {
        this.drafts.copyNext();
      } else {
        // As the reducer sets a draft: a text back to the machine translation is no draft.
        const change = this.made[this.set++] as Extract<Change, { kind: 'draft' }>;
        this.drafts.setText(change.paragraphId, change.after);
      }
      if (!more()) break;
    }
    return this.done;
  }

  /**
   * The changes and new drafts, when they were all made from texts the same as those of `drafts` and `paragraphs`
   * for this very event (same edits, same replacement); undefined otherwise, and the reducer makes them itself.
   * Handed out once: the drafts map becomes the state's.
   */
  readyFor(
    event: TextReplaced,
    drafts: ReviewState['drafts'] | undefined,
    paragraphs: ReviewState['paragraphs'],
  ): ReadyReplacement | undefined {
    const fits =
      this.done &&
      this.failed === undefined &&
      this.made.length > 0 &&
      !this.drafts.handedOut &&
      event.edits === this.body.edits &&
      event.replacement === this.body.replacement &&
      drafts === this.state.drafts &&
      paragraphs === this.state.paragraphs;
    if (!fits) return undefined;
    return { changes: this.made, drafts: this.drafts.take() };
  }
}

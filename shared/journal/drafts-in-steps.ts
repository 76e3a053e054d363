/**
 * A review's drafts made anew a draft at a time, for a change of thousands of texts prepared in slices before its
 * event is written (see prepared-replacement.ts and prepared-undo.ts): the state's drafts copied, then texts set
 * as the reducer sets them. The reducer takes the map once it is made; it is the state's from then on.
 */
import type { ReviewState } from './review-state';

export class DraftsInSteps {
  private readonly drafts = new Map<string, string>();
  private copying: Iterator<[string, string]> | undefined;
  private copied = false;
  private taken = false;

  constructor(private readonly state: ReviewState) {}

  /** True once every draft of the state is copied. */
  get copiedAll(): boolean {
    return this.copied;
  }

  /** Copies the state's next draft (or learns there is none left). */
  copyNext(): void {
    this.copying ??= this.state.drafts.entries();
    const next = this.copying.next();
    if (next.done) this.copied = true;
    else this.drafts.set(next.value[0], next.value[1]);
  }

  /** Sets a paragraph's text as the reducer sets a draft: a text back to the machine translation is no draft. */
  setText(paragraphId: string, text: string): void {
    const { paragraphs, paragraphIndex } = this.state;
    if (text === paragraphs[paragraphIndex.get(paragraphId)!]!.target) this.drafts.delete(paragraphId);
    else this.drafts.set(paragraphId, text);
  }

  /** True once the map has been handed out. */
  get handedOut(): boolean {
    return this.taken;
  }

  /** The drafts, handed out once. */
  take(): ReadonlyMap<string, string> {
    this.taken = true;
    return this.drafts;
  }
}

/**
 * Sends a post-editor's typing to the service without ever making the typing wait for the disk.
 *
 * Calls go out one at a time, in the order they were made, so the journal records a paragraph's texts in the
 * order they were typed. While a call is in flight, newer texts queue; a newer text for the same paragraph and
 * editing session replaces the queued one (only the latest text matters: the earlier ones never reached the
 * disk, so no undo step is lost). A failed call is kept and retried with the next write or `retry()`, unless a
 * newer text for that paragraph has replaced it or the service refused it outright.
 */
import type { RedlineApi } from '../../shared/contract';
import type { Failure, Result } from '../../shared/result';

export interface DraftEdit {
  readonly reviewId: string;
  readonly paragraphId: string;
  readonly text: string;
  /** One key per editing session, so the service can undo a typing burst as one step. */
  readonly group: string;
}

/** What a paragraph's editor shows beside the text. */
export type DraftStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly seq: number; readonly unsaved: number }
  | { readonly kind: 'failed'; readonly error: Failure };

type Send = RedlineApi['editParagraph'];
type Ack = { readonly seq: number; readonly unsaved: number };

const IDLE: DraftStatus = { kind: 'idle' };
const SAVING: DraftStatus = { kind: 'saving' };

/** Failures that a second try cannot fix: the request itself is wrong, or the review is gone. */
const PERMANENT: ReadonlySet<Failure['code']> = new Set(['bad-request', 'unknown-review', 'not-found']);

function keyOf(edit: Pick<DraftEdit, 'reviewId' | 'paragraphId'>): string {
  return `${edit.reviewId}\u0000${edit.paragraphId}`;
}

function queueKey(edit: DraftEdit): string {
  return `${keyOf(edit)}\u0000${edit.group}`;
}

/** A fresh editing-session key (at most 64 characters, as the contract allows). */
export function newEditGroup(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export class DraftWriter {
  /** Edits waiting to be sent, oldest first; keyed by paragraph and session so a burst coalesces. */
  private readonly queue = new Map<string, DraftEdit>();
  private inFlight: DraftEdit | undefined;
  private paused = false;
  private readonly statuses = new Map<string, DraftStatus>();
  private readonly listeners = new Set<() => void>();
  private readonly idleWaiters: (() => void)[] = [];
  private version = 0;

  constructor(
    private readonly send: Send,
    /** Hears each acknowledged edit (for refreshing the review's drafts and unsaved count). */
    private readonly onSaved: (edit: DraftEdit, ack: Ack) => void = () => {},
  ) {}

  /** Queues a paragraph's new text; returns at once. */
  write(edit: DraftEdit): void {
    const key = queueKey(edit);
    // Re-inserted at the end: the queue's order is the order of each entry's latest write.
    this.queue.delete(key);
    this.queue.set(key, edit);
    this.paused = false;
    this.setStatus(keyOf(edit), SAVING);
    this.pump();
  }

  /** Sends again what failed (after the reviewer fixed a full disk, say). */
  retry(): void {
    this.paused = false;
    for (const edit of this.queue.values()) this.setStatus(keyOf(edit), SAVING);
    this.pump();
  }

  /** The state of one paragraph's edits. */
  statusOf(reviewId: string, paragraphId: string): DraftStatus {
    return this.statuses.get(keyOf({ reviewId, paragraphId })) ?? IDLE;
  }

  /** True while an edit is in flight or queued (and not stopped on a failure). */
  get busy(): boolean {
    return this.inFlight !== undefined || (this.queue.size > 0 && !this.paused);
  }

  /**
   * Resolves once every queued edit has been answered (or the queue stopped on a failure): call before an
   * action that reads the current text, such as saving a version or exporting.
   */
  flush(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever any status changes (for useSyncExternalStore). */
  snapshot = (): number => this.version;

  private setStatus(key: string, status: DraftStatus): void {
    if (this.statuses.get(key) === status) return;
    this.statuses.set(key, status);
    this.version++;
    for (const l of this.listeners) l();
  }

  private pump(): void {
    if (this.inFlight || this.paused) return;
    const next = this.queue.entries().next();
    if (next.done) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    const [key, edit] = next.value;
    this.queue.delete(key);
    this.inFlight = edit;
    void this.send(edit)
      .catch((e: unknown): Result<Ack> => ({
        ok: false,
        error: { code: 'io-error', message: `Could not save paragraph ${edit.paragraphId}: ${e instanceof Error ? e.message : String(e)}` },
      }))
      .then((r) => this.answered(key, edit, r));
  }

  private answered(key: string, edit: DraftEdit, r: Result<Ack>): void {
    this.inFlight = undefined;
    const paragraph = keyOf(edit);
    const newer = [...this.queue.values()].some((e) => keyOf(e) === paragraph);
    if (r.ok) {
      if (!newer) this.setStatus(paragraph, { kind: 'saved', seq: r.value.seq, unsaved: r.value.unsaved });
      this.onSaved(edit, r.value);
    } else {
      this.setStatus(paragraph, { kind: 'failed', error: r.error });
      if (!newer && !PERMANENT.has(r.error.code)) {
        // Kept at the front, so it is retried before anything typed after it.
        const rest = [...this.queue.entries()];
        this.queue.clear();
        this.queue.set(key, edit);
        for (const [k, e] of rest) this.queue.set(k, e);
      }
      this.paused = true;
    }
    if (this.paused) for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.pump();
  }
}

/**
 * The renderer's window onto an article: paragraphs are fetched in pages as the list scrolls to them, so the
 * DOM and memory hold what is on screen plus a margin, whatever the article's length.
 */
import type { ParagraphWindow, RedlineApi } from '../../shared/contract';
import { paragraphIndexOf, type Paragraph } from '../../shared/model';
import type { Failure } from '../../shared/result';

/** Paragraphs per request: a few screens, small enough to arrive within a frame or two. */
export const PAGE_SIZE = 200;
/** Pages kept in memory: enough for a fast scroll back and forth without refetching. */
const MAX_PAGES = 60;

/** A paragraph's position from its id (ids are made from positions; see `paragraphIdAt`). */
export const indexOfParagraph = (paragraphId: string): number => paragraphIndexOf(paragraphId) ?? 0;

export class ParagraphCache {
  private readonly pages = new Map<number, readonly Paragraph[]>();
  private readonly inFlight = new Set<number>();
  /** Pages fetched while they were still filling; kept on screen until the refetch replaces them. */
  private readonly stale = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private loaded = 0;

  constructor(
    private readonly api: Pick<RedlineApi, 'readParagraphs'>,
    readonly reviewId: string,
    private readonly onError: (error: Failure) => void,
    /** Hears the load state each answer carries: events may have been missed while the page connected. */
    private readonly onWindow: (window: Pick<ParagraphWindow, 'loaded' | 'done' | 'mismatch'>) => void = () => {},
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever new paragraphs arrive (for useSyncExternalStore). */
  snapshot = (): number => this.version;

  get(index: number): Paragraph | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Tells the cache how many paragraphs the service has; incomplete pages are fetched again. */
  setLoaded(loaded: number): void {
    if (loaded === this.loaded) return;
    this.loaded = loaded;
    for (const [page, items] of this.pages) {
      if (items.length < PAGE_SIZE && page * PAGE_SIZE + items.length < loaded) this.stale.add(page);
    }
  }

  /**
   * Marks every page for fetching again (the review may serve different paragraphs than the file first gave,
   * e.g. when the article changed on disk since the review began); what is on screen stays until replaced.
   */
  refresh(): void {
    for (const page of this.pages.keys()) this.stale.add(page);
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Makes sure the paragraphs from `start` to `end` are (being) fetched. */
  ensure(start: number, end: number): void {
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, Math.min(end, this.loaded - 1)) / PAGE_SIZE);
    for (let page = first; page <= last; page++) {
      if ((this.pages.has(page) && !this.stale.has(page)) || this.inFlight.has(page)) continue;
      this.fetch(page);
    }
  }

  private fetch(page: number): void {
    this.inFlight.add(page);
    void this.api.readParagraphs({ reviewId: this.reviewId, start: page * PAGE_SIZE, end: (page + 1) * PAGE_SIZE }).then((r) => {
      this.inFlight.delete(page);
      this.stale.delete(page);
      if (!r.ok) return this.onError(r.error);
      this.onWindow(r.value);
      this.pages.delete(page); // re-inserted last: the Map's order is the eviction order
      this.pages.set(page, r.value.paragraphs);
      if (this.pages.size > MAX_PAGES) {
        const oldest = this.pages.keys().next().value as number;
        this.pages.delete(oldest);
      }
      this.version++;
      for (const l of this.listeners) l();
    });
  }
}

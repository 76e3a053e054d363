/**
 * The compare view's window onto a comparison of two versions: rows are fetched in pages as the list scrolls to
 * them and kept per (left, right, level), so switching back to a comparison or a diff level shows it at once.
 * The figures of the whole comparison (counts, changed rows, edit rate, flags) come with every page and are
 * kept from the latest answer.
 */
import type { ComparisonWindow, RedlineApi } from '../../shared/contract';
import type { CompareRow } from '../../shared/diff/compare-rows';
import type { Failure } from '../../shared/result';

export type VersionRef = number | 'current';

/** Which comparison: the versions on each side and the diff level. */
export interface CompareQuery {
  readonly left: VersionRef;
  readonly right: VersionRef;
  readonly level: 'word' | 'char';
}

/** A comparison's figures, without its rows. */
export type CompareSummary = Omit<ComparisonWindow, 'rows' | 'start'>;

/** Rows per request: a few screens of paragraphs, well under the contract's limit of 2,000. */
export const COMPARE_PAGE_SIZE = 200;
/** Pages kept per comparison: a fast scroll back and forth does not refetch. */
const MAX_PAGES = 40;
/** Comparisons kept: the reviewer flips between a few pairs and levels. */
const MAX_COMPARISONS = 6;

interface Entry {
  readonly pages: Map<number, readonly CompareRow[]>;
  inFlight: Set<number>;
  /** Pages from before the text changed: still shown (no flash of empty rows), fetched again when on screen. */
  stale: Set<number>;
  summary?: CompareSummary;
  error?: Failure;
}

/** The cache key of a comparison. */
export function compareKey(q: CompareQuery): string {
  return `${q.left}|${q.right}|${q.level}`;
}

export class CompareCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** Bumped by `clear`: answers to requests made before it are dropped. */
  private generation = 0;

  constructor(
    private readonly api: Pick<RedlineApi, 'compare'>,
    readonly reviewId: string,
    private readonly onError: (error: Failure) => void = () => {},
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever rows or figures arrive (for useSyncExternalStore). */
  snapshot = (): number => this.version;

  summary(q: CompareQuery): CompareSummary | undefined {
    return this.entries.get(compareKey(q))?.summary;
  }

  /** The failure of the latest request for this comparison, if it failed. */
  errorOf(q: CompareQuery): Failure | undefined {
    return this.entries.get(compareKey(q))?.error;
  }

  row(q: CompareQuery, index: number): CompareRow | undefined {
    return this.entries.get(compareKey(q))?.pages.get(Math.floor(index / COMPARE_PAGE_SIZE))?.[index % COMPARE_PAGE_SIZE];
  }

  /** Makes sure rows `start` to `end` (inclusive) are (being) fetched; before the total is known, only the first page. */
  ensure(q: CompareQuery, start: number, end: number): void {
    const entry = this.entry(q);
    if (entry.error) return;
    const first = Math.floor(Math.max(0, start) / COMPARE_PAGE_SIZE);
    const total = entry.summary?.total;
    if (total === undefined) {
      if (entry.inFlight.size === 0) this.fetch(q, entry, first);
      return;
    }
    // A stale summary's total may be off by the paragraphs added or removed since: fetch by it all the same.
    const last = Math.floor(Math.max(0, Math.min(end, total - 1)) / COMPARE_PAGE_SIZE);
    for (let page = first; page <= last && page * COMPARE_PAGE_SIZE < total; page++) this.fetchIfMissing(q, entry, page);
  }

  /** Makes sure the pages holding these rows are (being) fetched: for the "changed paragraphs only" list. */
  ensureRows(q: CompareQuery, indices: Iterable<number>): void {
    const entry = this.entry(q);
    if (entry.error) return;
    const pages = new Set<number>();
    for (const i of indices) if (i >= 0) pages.add(Math.floor(i / COMPARE_PAGE_SIZE));
    for (const page of pages) this.fetchIfMissing(q, entry, page);
  }

  /** Forgets every comparison; a failed comparison is tried again. */
  clear(): void {
    this.entries.clear();
    this.generation++;
    this.changed();
  }

  /**
   * The current text, the versions or the flags changed: rows already here stay on screen until fresh ones
   * replace them, so a revert does not blank the list; answers to requests made before are dropped.
   */
  invalidate(): void {
    this.generation++;
    for (const entry of this.entries.values()) {
      entry.stale = new Set(entry.pages.keys());
      entry.inFlight = new Set();
      delete entry.error;
    }
    this.changed();
  }

  private entry(q: CompareQuery): Entry {
    const key = compareKey(q);
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // re-inserted last: the Map's order is the eviction order
    } else {
      entry = { pages: new Map(), inFlight: new Set(), stale: new Set() };
    }
    this.entries.set(key, entry);
    while (this.entries.size > MAX_COMPARISONS) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  private fetchIfMissing(q: CompareQuery, entry: Entry, page: number): void {
    if ((entry.pages.has(page) && !entry.stale.has(page)) || entry.inFlight.has(page)) return;
    this.fetch(q, entry, page);
  }

  private fetch(q: CompareQuery, entry: Entry, page: number): void {
    entry.inFlight.add(page);
    const generation = this.generation;
    const start = page * COMPARE_PAGE_SIZE;
    void this.api
      .compare({ reviewId: this.reviewId, left: q.left, right: q.right, level: q.level, start, end: start + COMPARE_PAGE_SIZE })
      .then((r) => {
        if (generation !== this.generation) return;
        entry.inFlight.delete(page);
        entry.stale.delete(page);
        if (!r.ok) {
          entry.error = r.error;
          this.onError(r.error);
          this.changed();
          return;
        }
        const { rows, start: _start, ...summary } = r.value;
        entry.summary = summary;
        entry.pages.delete(page);
        entry.pages.set(page, rows);
        if (entry.pages.size > MAX_PAGES) entry.pages.delete(entry.pages.keys().next().value as number);
        this.changed();
      });
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

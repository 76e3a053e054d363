/**
 * The set of paragraphs marked reviewed, as an immutable value that is cheap to change. A whole article may be
 * marked (100,000 ids), and every mark is a live change of the review state, which must not copy the whole set:
 * ids are kept in pages (by paragraph position), so a change copies the small page index and one page.
 *
 * Changes go through a `MarkDraft`, which copies each page the first time it changes it: folding 100,000 marks
 * on reopening copies each page once, and one live mark copies one page.
 */
import { paragraphIndexOf } from '../model';

/**
 * Paragraphs a page holds: paragraph ids are made from positions (`p1`, `p2`, ...), so a page is a run of
 * neighbouring paragraphs, ~100 pages for a long article. Big pages iterate about as fast as one Set; small ones
 * make a change cheaper. Ids of another shape share one page of their own.
 */
const PAGE_SIZE = 1024;

/** What the review state offers of the reviewed marks: the Set questions the app asks. */
export interface ReviewedMarks extends Iterable<string> {
  readonly size: number;
  has(paragraphId: string): boolean;
}

function pageOf(id: string): number {
  const index = paragraphIndexOf(id);
  return index === undefined ? -1 : Math.floor(index / PAGE_SIZE);
}

/** An immutable set of paragraph ids. */
export class MarkSet implements ReviewedMarks {
  static readonly EMPTY = new MarkSet(new Map(), 0);

  /** @internal Built by `MarkDraft`; pages are never changed once a set holds them. */
  constructor(
    readonly pages: ReadonlyMap<number, ReadonlySet<string>>,
    readonly size: number,
  ) {}

  /** A set of the given ids. */
  static of(ids: Iterable<string>): MarkSet {
    const draft = new MarkDraft(MarkSet.EMPTY);
    for (const id of ids) draft.add(id);
    return draft.build();
  }

  has(paragraphId: string): boolean {
    return this.pages.get(pageOf(paragraphId))?.has(paragraphId) ?? false;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const page of this.pages.values()) yield* page;
  }
}

/** Changes to a `MarkSet`, copying each page it touches once; `build()` gives the new set. */
export class MarkDraft implements ReviewedMarks {
  private pages: Map<number, Set<string>> | undefined;
  private readonly owned = new Set<number>();
  private count: number;

  constructor(private readonly base: MarkSet) {
    this.count = base.size;
  }

  get size(): number {
    return this.count;
  }

  has(paragraphId: string): boolean {
    const pages = this.pages ?? this.base.pages;
    return pages.get(pageOf(paragraphId))?.has(paragraphId) ?? false;
  }

  add(paragraphId: string): void {
    const page = this.page(pageOf(paragraphId));
    if (page.has(paragraphId)) return;
    page.add(paragraphId);
    this.count += 1;
  }

  delete(paragraphId: string): void {
    if (!this.has(paragraphId)) return;
    this.page(pageOf(paragraphId)).delete(paragraphId);
    this.count -= 1;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const page of (this.pages ?? this.base.pages).values()) yield* page;
  }

  /** The set as changed; the draft must not be used afterwards. */
  build(): MarkSet {
    return this.pages ? new MarkSet(this.pages, this.count) : this.base;
  }

  private page(n: number): Set<string> {
    this.pages ??= new Map(this.base.pages as ReadonlyMap<number, Set<string>>);
    let page = this.pages.get(n);
    if (!this.owned.has(n)) {
      page = new Set(page);
      this.pages.set(n, page);
      this.owned.add(n);
    }
    return page!;
  }
}

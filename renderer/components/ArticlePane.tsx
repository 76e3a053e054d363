/**
 * The article: a virtualized list of numbered paragraph rows, source beside translation. Only the rows on screen
 * (plus a margin) exist in the DOM, so 100,000 paragraphs scroll like 100.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Annotation, ArticleInfo } from '../../shared/model';
import type { ParagraphCache } from '../state/paragraph-cache';
import { ParagraphRow } from './ParagraphRow';
import { useVirtualRows } from './use-virtual-rows';
import './article.css';

export interface ArticlePaneHandle {
  /** Scrolls paragraph `index` into view and gives it focus (unless `focus` is false: Find keeps the keyboard). */
  reveal(index: number, options?: { readonly focus?: boolean }): void;
}

interface Props {
  readonly cache: ParagraphCache;
  readonly article: ArticleInfo;
  readonly loaded: number;
  readonly current: number;
  readonly onFocusParagraph: (index: number) => void;
  /** Flags by paragraph id (dismissed ones left out). */
  readonly flagsByParagraph?: ReadonlyMap<string, readonly Annotation[]>;
  readonly drafts?: Readonly<Record<string, string>>;
  readonly selectedFlag?: string;
  readonly onSelectFlag?: (id: string) => void;
  /** The index of the paragraph being edited, and the editor to show there. */
  readonly editing?: { readonly index: number; readonly editor: ReactNode };
  /** The reviewer's marks and notes, and the review buttons of the paragraph in focus. */
  readonly status?: {
    readonly reviewed: { has(paragraphId: string): boolean };
    readonly notes: Readonly<Record<string, string>>;
    readonly controls: (index: number) => ReactNode;
    readonly onEditNote?: (index: number) => void;
  };
}

/** A row's reviewed mark and note, and on the row in focus its review buttons. */
function paragraphStatusProps(status: NonNullable<Props['status']>, paragraphId: string, index: number, inFocus: boolean) {
  const note = status.notes[paragraphId];
  return {
    ...(status.reviewed.has(paragraphId) ? { reviewed: true } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(inFocus ? { reviewControls: status.controls(index) } : {}),
    ...(status.onEditNote ? { onEditNote: () => status.onEditNote!(index) } : {}),
  };
}

/** A first guess at a row's height before it is measured; real heights replace it as rows render. */
const ESTIMATED_ROW_PX = 72;
/**
 * Time spent settling a jump to a far paragraph before giving up on perfect placement: long enough for the
 * paragraphs around it to arrive from the service and be measured, even while the service is busy.
 */
const REVEAL_MAX_MS = 3000;
/** Frames the target row must stay on screen before the jump counts as settled. */
const REVEAL_STEADY_FRAMES = 3;
/** Rows rendered beyond the visible ones, for smooth scrolling. */
const OVERSCAN = 8;

export const ArticlePane = forwardRef<ArticlePaneHandle, Props>(function ArticlePane(
  { cache, article, loaded, current, onFocusParagraph, flagsByParagraph, drafts, selectedFlag, onSelectFlag, editing, status },
  ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const latestJump = useRef(0);
  const generation = useSyncExternalStore(cache.subscribe, cache.snapshot);
  // XLIFF files and bilingual tables carry the source inside: it is shown beside the translation as a source file is.
  const sourceInside = article.format === 'xliff' || article.format === 'tsv';
  const hasSource = article.sourcePath !== undefined || sourceInside;

  const { virtualizer, first, last } = useVirtualRows(loaded, scroller, ESTIMATED_ROW_PX, OVERSCAN);
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    cache.ensure(first - 50, last + 50);
  }, [cache, first, last, loaded, generation]);

  // The reviewer scrolling by hand ends any jump still settling, so it never pulls the view back.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const stop = () => latestJump.current++;
    for (const type of ['wheel', 'pointerdown', 'touchstart'] as const) el.addEventListener(type, stop, { passive: true });
    return () => {
      for (const type of ['wheel', 'pointerdown', 'touchstart'] as const) el.removeEventListener(type, stop);
    };
  }, []);

  useImperativeHandle(ref, () => ({
    reveal(index: number, options?: { readonly focus?: boolean }) {
      // Row heights are estimates until rows are measured, so the first scroll can land short of a far row:
      // scroll again over a few frames until the row is on screen, then focus it.
      // A newer jump (the next key press) supersedes this one: its loop stops instead of pulling focus back.
      const jump = ++latestJump.current;
      const started = performance.now();
      const focusedBefore = document.activeElement;
      let steady = 0;
      // Focus follows the jump only if the reviewer has not moved it meanwhile (to the go-to box, a dialog...).
      const focusRow = (row: HTMLElement | null | undefined) => {
        const now = document.activeElement;
        if (now === focusedBefore || now === document.body || scroller.current?.contains(now)) row?.focus({ preventScroll: true });
      };
      const settle = () => {
        if (jump !== latestJump.current) return;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        requestAnimationFrame(() => {
          if (jump !== latestJump.current) return;
          const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] .para`);
          const box = scroller.current?.getBoundingClientRect();
          const r = row?.getBoundingClientRect();
          const loaded = !!row && !row.classList.contains('para--placeholder');
          const visible = loaded && !!box && !!r && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
          // Rows above may still be measured and shift the target: wait until it stays put for a few frames.
          steady = visible ? steady + 1 : 0;
          if (steady >= REVEAL_STEADY_FRAMES || performance.now() - started > REVEAL_MAX_MS) {
            if (options?.focus !== false) focusRow(row);
          } else settle();
        });
      };
      settle();
    },
  }));

  return (
    <section className={`article${hasSource ? ' article--bilingual' : ''}`} aria-label="Article">
      <div className="article__header" aria-hidden="true">
        <span className="article__num">¶</span>
        {hasSource && (
          <span className="article__col">
            Source
            {article.sourceName !== undefined && (
              <>
                {' '}
                · <span className="article__file">{article.sourceName}</span>
              </>
            )}
          </span>
        )}
        <span className="article__col">
          Translation · <span className="article__file">{article.name}</span>
        </span>
      </div>
      <div ref={scroller} className="article__scroller" role="list" aria-label={`Paragraphs of ${article.name}`} aria-rowcount={loaded}>
        <div className="article__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const paragraph = cache.get(item.index);
            const flags = paragraph ? flagsByParagraph?.get(paragraph.id) : undefined;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="article__slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ParagraphRow
                  index={item.index}
                  total={loaded}
                  paragraph={paragraph}
                  bilingual={hasSource}
                  current={item.index === current}
                  onFocus={() => onFocusParagraph(item.index)}
                  {...(flags ? { flags } : {})}
                  {...(paragraph && drafts?.[paragraph.id] !== undefined ? { draft: drafts[paragraph.id] } : {})}
                  {...(flags?.some((f) => f.id === selectedFlag) ? { selectedFlag } : {})}
                  {...(onSelectFlag ? { onSelectFlag } : {})}
                  {...(editing?.index === item.index ? { editor: editing.editor } : {})}
                  {...(status && paragraph
                    ? paragraphStatusProps(status, paragraph.id, item.index, item.index === current && !editing)
                    : {})}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
});

/**
 * Compare any two versions of the article, paragraph by paragraph. Both sides sit in one virtualized list of
 * rows, so they scroll together by construction and a 100,000-paragraph article costs the DOM a screenful.
 * Rows come in windows from the service and are cached per (left, right, level).
 *
 * Keys (while focus is in the view): N or Alt+Down next change, P or Alt+Up previous change, J/K or the arrows
 * move between rows, Home/End first and last row, Escape closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ReviewChange } from '../../state/use-review';
import type { RedlineClient, ReviewView } from '../../../shared/contract';
import type { InlineCode } from '../../../shared/model';
import { firstAbove, type CompareRow } from '../../../shared/diff/compare-rows';
import { CompareCache, type CompareQuery, type VersionRef } from '../../state/compare-cache';
import type { ComparedFlag } from '../../state/flagged-segments';
import { formatRate, paragraphNumber, rateDetail, rateName, refToValue, valueToRef, versionOption } from '../../state/version-format';
import { CompareRowView, type CompareLayout } from './CompareRowView';
import './versions.css';
import { useVirtualRows } from '../use-virtual-rows';

export interface CompareViewProps {
  readonly client: Pick<RedlineClient, 'compare' | 'revertParagraph' | 'changeAnnotation'>;
  /** The open review: its versions fill the choices; a new review (an edit, a revert) refreshes the rows. */
  readonly review: ReviewView;
  /** Left side when the view opens; the machine translation (0) when left out. */
  readonly initialLeft?: VersionRef;
  /** Right side when the view opens; the current text when left out. */
  readonly initialRight?: VersionRef;
  /** Hands back the review as the service returned it after reverting a paragraph. */
  readonly onReview: (change: ReviewChange) => void;
  /** Closes the view, naming the paragraph (by position) the reviewer was on, so the article can return to it. */
  readonly onClose: (paragraphIndex?: number) => void;
  /** Diff level when the view opens; words when left out. */
  readonly initialLevel?: 'word' | 'char';
  /** The paragraph (by position) to open at: the one in focus in the article. */
  readonly initialParagraph?: number;
  /** Told the versions and level whenever the reviewer changes them, to remember them for the article. */
  readonly onChoice?: (choice: { readonly left: VersionRef; readonly right: VersionRef; readonly level: 'word' | 'char' }) => void;
  /** A paragraph's inline codes, when the page holds the paragraph, so the rows show them as labelled tokens. */
  readonly codesOf?: (paragraphId: string) => readonly InlineCode[] | undefined;
}

/** A first guess at a row's height before it is measured. */
const ESTIMATED_ROW_PX = 80;
const OVERSCAN = 6;
/** Rows fetched beyond the visible ones. */
const FETCH_MARGIN = 50;
/** Frames spent settling a jump to a far row before focusing it anyway. */
const REVEAL_TRIES = 8;
const NO_FLAGS: readonly ComparedFlag[] = [];

function Toggle<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}) {
  return (
    <div className="cmp-toggle" role="group" aria-label={label}>
      {options.map(([v, text]) => (
        <button key={v} type="button" aria-pressed={value === v} onClick={() => onChange(v)}>
          {text}
        </button>
      ))}
    </div>
  );
}

/** What the view's keys need of a key press, from React or straight from the page. */
type KeyLike = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target' | 'preventDefault' | 'stopPropagation'>;

/** Input types that take no typing: keys pressed on them are the compare view's. */
const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

export function CompareView({
  client,
  review,
  initialLeft = 0,
  initialRight = 'current',
  onReview,
  onClose: close,
  codesOf,
  initialLevel = 'word',
  initialParagraph,
  onChoice,
}: CompareViewProps) {
  const [left, setLeft] = useState<VersionRef>(initialLeft);
  const [right, setRight] = useState<VersionRef>(initialRight);
  const [level, setLevel] = useState<'word' | 'char'>(initialLevel);
  const [layout, setLayout] = useState<CompareLayout>('side-by-side');
  const [changesOnly, setChangesOnly] = useState(false);
  const [current, setCurrent] = useState(0);
  const currentRef = useRef(0);
  currentRef.current = current;
  const [announce, setAnnounce] = useState('');
  const [actionError, setActionError] = useState<string>();
  const scroller = useRef<HTMLDivElement>(null);

  const cache = useMemo(() => new CompareCache(client, review.reviewId), [client, review.reviewId]);
  // Re-renders (and re-checks what to fetch) whenever rows arrive or the cache is invalidated.
  const cacheVersion = useSyncExternalStore(cache.subscribe, cache.snapshot);

  // A new review means the current text, the versions or the flags changed: every cached row may be stale.
  const seen = useRef(review);
  useEffect(() => {
    if (seen.current !== review) {
      seen.current = review;
      cache.invalidate();
    }
  }, [cache, review]);

  const query = useMemo<CompareQuery>(() => ({ left, right, level }), [left, right, level]);
  const summary = cache.summary(query);
  const failure = cache.errorOf(query);
  const changed = useMemo(() => summary?.changedIndices ?? [], [summary]);
  const count = summary ? (changesOnly ? changed.length : summary.total) : 0;
  /** Row index of a list position. */
  const rowAt = useCallback((position: number) => (changesOnly ? (changed[position] ?? -1) : position), [changesOnly, changed]);

  const flagsByParagraph = useMemo(() => {
    const map = new Map<string, ComparedFlag[]>();
    if (left !== 0 || !summary) return map;
    for (const f of summary.flags) {
      if (f.annotation.side !== 'target' || f.annotation.status === 'dismissed') continue;
      const list = map.get(f.annotation.paragraphId);
      if (list) list.push(f);
      else map.set(f.annotation.paragraphId, [f]);
    }
    return map;
  }, [left, summary]);

  const { virtualizer, first, last } = useVirtualRows(count, scroller, ESTIMATED_ROW_PX, OVERSCAN);
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    if (!summary) cache.ensure(query, 0, 0);
    else if (changesOnly) cache.ensureRows(query, changed.slice(Math.max(0, first - FETCH_MARGIN), last + FETCH_MARGIN + 1));
    else cache.ensure(query, first - FETCH_MARGIN, last + FETCH_MARGIN);
  }, [cache, cacheVersion, query, summary, changesOnly, changed, first, last]);

  // A list of changed paragraphs starts at its top whenever it is made anew. The whole article keeps the reviewer's
  // paragraph when another version is chosen: its rows are the same paragraphs, in the same places.
  // The position goes back to the top in the render that makes the list anew, not in an effect after it: a key
  // pressed in between would otherwise step from the old list's position.
  const listShape = changesOnly ? `changes ${refToValue(left)} ${refToValue(right)}` : 'all';
  const [shapeShown, setShapeShown] = useState(listShape);
  if (shapeShown !== listShape) {
    setShapeShown(listShape);
    setCurrent(0);
  }
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [listShape, virtualizer]);

  // The view opens at the paragraph in focus in the article, once the comparison has its rows.
  const opening = useRef(initialParagraph);
  useEffect(() => {
    const at = opening.current;
    if (at === undefined || !summary || changesOnly) return;
    opening.current = undefined;
    if (at > 0 && at < count) reveal(at, true);
  });
  const choice = useRef(onChoice);
  choice.current = onChoice;
  useEffect(() => choice.current?.({ left, right, level }), [left, right, level]);
  // Rows are paragraphs in article order, so a row's position in the full list is its paragraph's position.
  const onClose = () => close(count > 0 ? rowAt(current) : undefined);

  const reveal = useCallback(
    (position: number, focus: boolean) => {
      if (position < 0 || position >= count) return;
      setCurrent(position);
      let tries = 0;
      const settle = () => {
        virtualizer.scrollToIndex(position, { align: 'center' });
        requestAnimationFrame(() => {
          const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${position}"] .cmp-row`);
          if (el || ++tries >= REVEAL_TRIES) {
            if (focus) el?.focus({ preventScroll: true });
          } else settle();
        });
      };
      settle();
    },
    [count, virtualizer],
  );

  /** Moves to the next (+1) or previous (-1) changed row from the row in focus. */
  const step = useCallback(
    (direction: 1 | -1, focus: boolean) => {
      if (!summary || changed.length === 0) {
        setAnnounce('No changes between these versions.');
        return;
      }
      let target: number;
      let nth: number;
      if (changesOnly) {
        target = current + direction;
        nth = target;
      } else {
        const at = firstAbove(changed, direction === 1 ? current : current - 1) - (direction === 1 ? 0 : 1);
        nth = at;
        target = changed[at] ?? -1;
      }
      if (nth < 0 || nth >= changed.length) {
        setAnnounce(direction === 1 ? 'This is the last change.' : 'This is the first change.');
        return;
      }
      const row = cache.row(query, changed[nth]!);
      setAnnounce(
        `Change ${nth + 1} of ${changed.length}${row ? `: paragraph ${paragraphNumber(row.paragraphId, row.index)}, ${row.status}` : ''}`,
      );
      reveal(target, focus);
    },
    [summary, changed, changesOnly, current, cache, query, reveal],
  );

  const revert = useCallback(
    async (row: CompareRow) => {
      if (typeof left !== 'number') return;
      setActionError(undefined);
      const r = await client.revertParagraph({ reviewId: review.reviewId, paragraphId: row.paragraphId, version: left });
      if (r.ok) {
        onReview(r.value);
        // The button goes away once the row reads the same: keep the keyboard on the row.
        reveal(currentRef.current, true);
        setAnnounce(`Paragraph ${paragraphNumber(row.paragraphId, row.index)} reverted to version ${left}.`);
      } else setActionError(r.error.message);
    },
    [client, left, onReview, review.reviewId, reveal],
  );

  const onRevert = useCallback((row: CompareRow) => void revert(row), [revert]);

  // A flag whose span a later version changed is offered as fixed; accepting marks it so.
  const onMarkFixed = useCallback(
    async (annotationId: string) => {
      setActionError(undefined);
      const r = await client.changeAnnotation({ reviewId: review.reviewId, id: annotationId, changes: { status: 'fixed' } });
      if (r.ok) {
        onReview(r.value);
        // The button goes away with the offer: the keyboard goes back to the row, where N and P work.
        reveal(currentRef.current, true);
        setAnnounce('Flag marked fixed.');
      } else setActionError(r.error.message);
    },
    [client, onReview, review.reviewId, reveal],
  );

  // Keys work as soon as the view opens.
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.focus(), []);

  const onKeyDown = (e: KeyLike) => {
    if (e.ctrlKey || e.metaKey) return; // undo, open and the like stay the app's
    const el = e.target as HTMLElement;
    // Keys typed into a field are the field's; a checkbox or a button leaves them to the view.
    const inField =
      el.tagName === 'SELECT' ||
      el.tagName === 'TEXTAREA' ||
      (el.tagName === 'INPUT' && !NOT_TEXT_INPUTS.has((el as HTMLInputElement).type));
    const key = e.key;
    let handled = true;
    if (key === 'Escape') onClose();
    else if (inField) handled = false;
    else if ((e.altKey && key === 'ArrowDown') || (!e.altKey && (key === 'n' || key === 'N'))) step(1, true);
    else if ((e.altKey && key === 'ArrowUp') || (!e.altKey && (key === 'p' || key === 'P'))) step(-1, true);
    else if (e.altKey) handled = false;
    else if (key === 'ArrowDown' || key === 'j') reveal(Math.min(count - 1, current + 1), true);
    else if (key === 'ArrowUp' || key === 'k') reveal(Math.max(0, current - 1), true);
    else if (key === 'Home') reveal(0, true);
    else if (key === 'End') reveal(count - 1, true);
    else handled = false;
    if (handled) e.preventDefault();
    // The article behind must not react to keys meant for this view.
    e.stopPropagation();
  };

  // A control that goes away under the keyboard (an offer accepted, a list redrawn) leaves focus on the page
  // itself: the view's keys still work from there.
  const keys = useRef(onKeyDown);
  keys.current = onKeyDown;
  useEffect(() => {
    const fromPage = (e: KeyboardEvent) => {
      if (e.target !== document.body || document.querySelector('dialog[open]')) return;
      keys.current(e);
      if (e.defaultPrevented) e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', fromPage, true);
    return () => window.removeEventListener('keydown', fromPage, true);
  }, []);

  const versionChoices = (
    <>
      {review.versions.map((v) => (
        <option key={v.number} value={String(v.number)}>
          {versionOption(v)}
        </option>
      ))}
      <option value="current">Current text</option>
    </>
  );
  const sideName = (ref: VersionRef) => {
    if (ref === 'current') return 'Current text';
    const v = review.versions.find((x) => x.number === ref);
    return v ? versionOption(v) : `Version ${ref}`;
  };
  const revertTo = typeof left === 'number' ? left : undefined;

  return (
    <section ref={section} className="cmp" aria-label="Compare versions" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="cmp__bar">
        <label>
          Left{' '}
          <select value={refToValue(left)} onChange={(e) => setLeft(valueToRef(e.target.value))}>
            {versionChoices}
          </select>
        </label>
        <label>
          Right{' '}
          <select value={refToValue(right)} onChange={(e) => setRight(valueToRef(e.target.value))}>
            {versionChoices}
          </select>
        </label>
        <Toggle
          label="Layout"
          value={layout}
          options={[
            ['side-by-side', 'Side by side'],
            ['inline', 'Inline'],
          ]}
          onChange={setLayout}
        />
        <Toggle
          label="Diff level"
          value={level}
          options={[
            ['word', 'Word'],
            ['char', 'Character'],
          ]}
          onChange={setLevel}
        />
        <label className="cmp__check">
          <input type="checkbox" checked={changesOnly} onChange={(e) => setChangesOnly(e.target.checked)} /> Changed paragraphs only
        </label>
        <div className="cmp-toggle" role="group" aria-label="Changes">
          <button type="button" onClick={() => step(-1, false)} title="Previous change (P or Alt+Up)" aria-keyshortcuts="P Alt+ArrowUp">
            Previous change
          </button>
          <button type="button" onClick={() => step(1, false)} title="Next change (N or Alt+Down)" aria-keyshortcuts="N Alt+ArrowDown">
            Next change
          </button>
        </div>
        <span className="cmp__spacer" />
        <button type="button" onClick={onClose} aria-label="Close comparison" title="Close (Escape)" aria-keyshortcuts="Escape">
          ✕
        </button>
      </div>
      <div className="cmp__summary" role="status">
        {failure ? (
          ''
        ) : summary ? (
          <>
            <span>
              {summary.counts.changed} changed · {summary.counts.added} added · {summary.counts.removed} removed · {summary.counts.same}{' '}
              unchanged
            </span>
            <span className="cmp__ter" title={rateDetail(summary.ter, review.editRateUnit)}>
              {rateName(review.editRateUnit)} {formatRate(summary.ter)}{' '}
              <span className="cmp__muted">({rateDetail(summary.ter, review.editRateUnit)})</span>
            </span>
          </>
        ) : (
          'Comparing…'
        )}
      </div>
      {/* Said aloud and shown: "This is the last change." must not pass unseen. */}
      <span className="cmp__announce" aria-live="polite">
        {announce}
      </span>
      {failure && (
        <p className="form-error cmp__error" role="alert">
          {failure.message}{' '}
          <button type="button" className="versions-small" onClick={() => cache.clear()}>
            Try again
          </button>
        </p>
      )}
      {actionError && (
        <p className="form-error cmp__error" role="alert">
          {actionError}
        </p>
      )}
      {layout === 'side-by-side' && (
        <div className="article__header cmp__columns" aria-hidden="true">
          <span />
          <span>{sideName(left)}</span>
          <span>{sideName(right)}</span>
        </div>
      )}
      <div ref={scroller} className="cmp__scroller" role="list" aria-label={`${sideName(left)} compared with ${sideName(right)}`}>
        {summary && count === 0 && (
          <p className="cmp__empty">{changesOnly ? 'No paragraph differs between these versions.' : 'The article has no paragraphs.'}</p>
        )}
        <div className="cmp__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const index = rowAt(item.index);
            const row = cache.row(query, index);
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="cmp__slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <CompareRowView
                  row={row}
                  index={index}
                  layout={layout}
                  current={item.index === current}
                  flags={(row && flagsByParagraph.get(row.paragraphId)) ?? NO_FLAGS}
                  {...(revertTo !== undefined ? { revertTo } : {})}
                  onRevert={onRevert}
                  onMarkFixed={(id) => void onMarkFixed(id)}
                  rateUnit={review.editRateUnit}
                  position={item.index}
                  onFocusRow={setCurrent}
                  codes={row ? codesOf?.(row.paragraphId) : undefined}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

/**
 * Flag a phrase, or edit a flag: the phrase (from the mouse selection, or typed when working by keyboard), the
 * side, an MQM category from a type-to-filter list, a severity and a comment. A flag's phrase and side can be
 * changed afterwards here too. A typed phrase that occurs more than once is never guessed at: the reviewer picks
 * which occurrence, shown in its context.
 */
import { useId, useLayoutEffect, useMemo, useState } from 'react';
import { SEVERITIES, type Annotation, type Severity, type Side } from '../../../shared/model';
import type { Failure } from '../../../shared/result';
import { flattenCategories, type Typology } from '../../../shared/typology/typology';
import { useModalDialog, FormError } from '../modal';
import './flag-dialog.css';
import { placeBeside, type Rect } from './placement';

export interface FlagTarget {
  readonly paragraphId: string;
  readonly paragraphNumber: number;
  readonly side: Side;
  /** The paragraph's texts, for finding a typed phrase. */
  readonly targetText: string;
  readonly sourceText?: string;
  /** A span already chosen with the mouse. */
  readonly span?: { readonly start: number; readonly end: number };
}

/** What the dialog settles for a flag: the annotation's own fields. */
export type FlagValues = Pick<Annotation, 'side' | 'start' | 'end' | 'category' | 'severity' | 'comment'>;

interface Props {
  readonly mode: 'new' | 'edit';
  readonly typology: Typology;
  readonly target: FlagTarget;
  readonly initial?: { readonly category: string; readonly severity: Severity; readonly comment: string };
  readonly onSubmit: (values: FlagValues) => Promise<Failure | undefined>;
  readonly onClose: () => void;
}

/** Occurrences listed for a choice; past this many the reviewer selects the phrase with the mouse instead. */
const MAX_OCCURRENCES_SHOWN = 12;
const CONTEXT = 24;

/** Where `phrase` starts in `text`, every time (overlapping occurrences included). */
export function occurrencesOf(text: string, phrase: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) found.push(at);
  return found;
}

const contextBefore = (text: string, at: number): string => (at > CONTEXT ? '…' : '') + text.slice(Math.max(0, at - CONTEXT), at);
const contextAfter = (text: string, at: number): string => text.slice(at, at + CONTEXT) + (at + CONTEXT < text.length ? '…' : '');

const SEVERITY_HINT: Record<Severity, string> = {
  neutral: 'a note, no penalty',
  minor: 'noticeable, meaning intact',
  major: 'meaning changed or hard to follow',
  critical: 'misleading or harmful',
};

/** The lines being flagged, on screen: the selection when there is one in the paragraph, else the paragraph's text. */
function flaggedLines(paragraphId: string): Rect | undefined {
  const row = document.querySelector(`[data-paragraph-id="${CSS.escape(paragraphId)}"]`);
  if (!row) return undefined;
  const sel = window.getSelection();
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed && row.contains(sel.anchorNode)) {
    const r = sel.getRangeAt(0).getBoundingClientRect();
    if (r.height > 0) return r;
  }
  return (row.querySelector('.para__target') ?? row).getBoundingClientRect();
}

/**
 * Scrolls the article so the flagged lines sit at the top of its pane, leaving the room below them for the
 * dialog; false when nothing could scroll.
 */
function scrollToTop(paragraphId: string, lines: Rect): boolean {
  let scroller = document.querySelector(`[data-paragraph-id="${CSS.escape(paragraphId)}"]`)?.parentElement;
  while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
  if (!scroller) return false;
  const before = scroller.scrollTop;
  scroller.scrollTop += lines.top - scroller.getBoundingClientRect().top - 8;
  return scroller.scrollTop !== before;
}

export function FlagDialog({ mode, typology, target, initial, onSubmit, onClose }: Props) {
  const ref = useModalDialog();
  // Beside the flagged text, not over it: the reviewer reads the phrase while choosing what is wrong with it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || !flaggedLines(target.paragraphId)) return;
    // Placed again whenever the dialog grows (an error, the choice between occurrences).
    const place = (scrolled = false) => {
      const lines = flaggedLines(target.paragraphId);
      if (!lines) return;
      const { width, height } = dialog.getBoundingClientRect();
      const at = placeBeside(lines, { width, height }, { width: window.innerWidth, height: window.innerHeight });
      if (at.covers && !scrolled && scrollToTop(target.paragraphId, lines)) return place(true);
      Object.assign(dialog.style, { margin: '0', top: `${at.top}px`, left: `${at.left}px`, bottom: 'auto', right: 'auto' });
    };
    place();
    const observer = new ResizeObserver(() => place());
    observer.observe(dialog);
    return () => observer.disconnect();
  }, [ref, target.paragraphId]);
  const listId = useId();
  const [side, setSide] = useState<Side>(target.side);
  const textOf = (s: Side) => (s === 'source' ? (target.sourceText ?? '') : target.targetText);
  const [phrase, setPhrase] = useState(target.span ? textOf(target.side).slice(target.span.start, target.span.end) : '');
  const [omission, setOmission] = useState(mode === 'edit' && !!target.span && target.span.start === target.span.end);
  // Which occurrence of a phrase found more than once; reset whenever the phrase or the side changes.
  const [occurrence, setOccurrence] = useState<number>();
  const [query, setQuery] = useState(initial?.category ?? '');
  const [category, setCategory] = useState(initial?.category ?? '');
  const [active, setActive] = useState(0);
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? 'minor');
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const options = useMemo(() => flattenCategories(typology), [typology]);
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q || q === category.toLowerCase()) return options;
    return options.filter((o) => o.id.toLowerCase().includes(q) || (o.label ?? '').toLowerCase().includes(q));
  }, [options, query, category]);

  const choose = (id: string) => {
    setCategory(id);
    setQuery(id);
  };

  const text = textOf(side);
  // The mouse selection (or the flag's own span) still names the phrase: no search, no question.
  const keepsSpan = !!target.span && side === target.side && text.slice(target.span.start, target.span.end) === phrase;
  const found = useMemo(() => (keepsSpan || !phrase ? [] : occurrencesOf(text, phrase)), [keepsSpan, text, phrase]);
  const sideName = side === 'source' ? 'source' : 'translation';

  /** The span to flag: the mouse selection if untouched, else the typed phrase found in the paragraph. */
  const span = (): { start: number; end: number } | string => {
    if (keepsSpan) return omission ? { start: target.span!.start, end: target.span!.start } : target.span!;
    if (!phrase) return omission ? { start: text.length, end: text.length } : 'Type or select the phrase to flag.';
    if (found.length === 0) return `“${phrase}” is not in the ${sideName} of paragraph ${target.paragraphNumber}.`;
    const at = found.length === 1 ? found[0] : occurrence === undefined ? undefined : found[occurrence];
    if (at === undefined) return `“${phrase}” occurs ${found.length} times in the ${sideName}: choose which one.`;
    return omission ? { start: at, end: at } : { start: at, end: at + phrase.length };
  };

  const submit = async () => {
    const chosen = category || filtered[active]?.id;
    if (!chosen || !options.some((o) => o.id === chosen)) {
      setError('Choose a category from the list.');
      return;
    }
    const s = span();
    if (typeof s === 'string') {
      setError(s);
      return;
    }
    setBusy(true);
    const failure = await onSubmit({ side, ...s, category: chosen, severity, comment: comment.trim() });
    setBusy(false);
    if (failure) setError(failure.message);
    else ref.current?.close();
  };

  return (
    <dialog ref={ref} className="dialog dialog--flag" aria-label={mode === 'new' ? 'Flag an error' : 'Edit flag'} onClose={onClose}>
      <h2>
        {mode === 'new' ? `Flag an error in paragraph ${target.paragraphNumber}` : `Edit flag in paragraph ${target.paragraphNumber}`}
      </h2>
      <form
        className="flag-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <>
          <label htmlFor="flag-phrase">Phrase</label>
          <input
            id="flag-phrase"
            value={phrase}
            onChange={(e) => {
              setPhrase(e.target.value);
              setOccurrence(undefined);
            }}
            placeholder="the words that are wrong"
            data-autofocus={!target.span}
          />
          {found.length > 1 && (
            <fieldset className="flag-form__occurrences">
              <legend>
                “{phrase}” occurs {found.length} times in the {sideName}: which one?
              </legend>
              {found.slice(0, MAX_OCCURRENCES_SHOWN).map((at, i) => (
                <label key={at}>
                  <input type="radio" name="flag-occurrence" checked={occurrence === i} onChange={() => setOccurrence(i)} />{' '}
                  <span className="flag-form__context">
                    {contextBefore(text, at)}
                    <mark>{phrase}</mark>
                    {contextAfter(text, at + phrase.length)}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="flag-form__row">
            {target.sourceText !== undefined && (
              <fieldset className="flag-form__inline">
                <legend>Side</legend>
                <label>
                  <input
                    type="radio"
                    name="flag-side"
                    checked={side === 'target'}
                    onChange={() => {
                      setSide('target');
                      setOccurrence(undefined);
                    }}
                  />{' '}
                  Translation
                </label>
                <label>
                  <input
                    type="radio"
                    name="flag-side"
                    checked={side === 'source'}
                    onChange={() => {
                      setSide('source');
                      setOccurrence(undefined);
                    }}
                  />{' '}
                  Source
                </label>
              </fieldset>
            )}
            <label className="flag-form__check">
              <input type="checkbox" checked={omission} onChange={(e) => setOmission(e.target.checked)} /> Omission: mark the point before
              the phrase
            </label>
          </div>
        </>
        <label htmlFor="flag-category">Category</label>
        <input
          id="flag-category"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={filtered[active] ? `${listId}-${active}` : undefined}
          value={query}
          data-autofocus={!!target.span || mode === 'edit'}
          placeholder="Type to filter: mistrans, term, gram…"
          onChange={(e) => {
            setQuery(e.target.value);
            setCategory('');
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(filtered.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !category && filtered[active]) {
              e.preventDefault();
              choose(filtered[active].id);
            }
          }}
        />
        {/* Not a Tab stop of its own (a scrolled list would be one): the combobox above moves through it. */}
        <ul id={listId} role="listbox" aria-label="Categories" className="category-list" tabIndex={-1}>
          {filtered.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={o.id === category || (!category && i === active)}
              className={`category-list__item depth-${o.depth}${i === active ? ' is-active' : ''}${o.id === category ? ' is-chosen' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o.id);
              }}
            >
              {o.depth > 0 && <span className="category-list__parent">{o.parentLabel} › </span>}
              {o.label}
            </li>
          ))}
          {filtered.length === 0 && <li className="category-list__none">No category matches “{query}”.</li>}
        </ul>
        <fieldset className="severity-picker">
          <legend>Severity</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className={`severity-picker__option sev-${s}`} title={SEVERITY_HINT[s]}>
              <input type="radio" name="flag-severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
              <span>{s[0]!.toUpperCase() + s.slice(1)}</span>
            </label>
          ))}
        </fieldset>
        <label htmlFor="flag-comment">Comment (optional)</label>
        <textarea
          id="flag-comment"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="What is wrong, and the right rendering"
        />
        <FormError message={error} />
        <div className="dialog__actions">
          <span className="dialog__hint">Ctrl+Enter saves · Esc cancels</span>
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {mode === 'new' ? 'Flag' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

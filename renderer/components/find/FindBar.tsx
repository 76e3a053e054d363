/**
 * The find bar (Ctrl+F), with its replace row (Ctrl+H): a search of the whole article, which the service runs
 * (the rows are virtualized, so the page never holds the whole text). Enter and Shift+Enter step through the
 * matches, each scrolled into view and highlighted apart from the others on screen; Escape closes the bar and
 * gives the keyboard back to the article.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { FindScope } from '../../../shared/find/article-search';
import { compileMatcher } from '../../../shared/find/text-search';
import type { FindHandle } from '../../state/use-find';
import { clearHighlights, drawHighlights } from './find-highlights';
import './find-bar.css';

interface Props {
  readonly find: FindHandle;
  /** The article shows a source beside the translation: the bar offers to look there too. */
  readonly hasSource: boolean;
  /** Set when the review cannot be written here: replacing is refused, and the bar says why up front. */
  readonly readOnlyReason?: string;
  /** Gives the keyboard back to the article (after the bar closed). */
  readonly onClosed: () => void;
}

const SCOPE_LABELS: Record<FindScope, string> = { target: 'Translation', source: 'Source', both: 'Both' };

/** What the status says: which match of how many, or why there is none. */
function statusText(find: FindHandle['view']): string {
  if (find.text === '') return '';
  if (find.match === null) return find.searching ? 'Searching…' : 'No matches';
  if (find.match === undefined) return 'Searching…';
  const total = find.total?.toLocaleString('en-US');
  if (find.ordinal !== undefined && find.ordinal > 0 && total !== undefined) return `${find.ordinal.toLocaleString('en-US')} of ${total}`;
  return total !== undefined ? `${total} in all` : 'Counting…';
}

export function FindBar({ find, hasSource, readOnlyReason, onClosed }: Props) {
  const { view } = find;
  const input = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const scope: FindScope = hasSource ? view.scope : 'target';

  const { request, field } = view.focus;
  useEffect(() => {
    if (!view.open) return;
    const target = field === 'replace' ? replaceInput.current : input.current;
    target?.focus();
    target?.select();
  }, [view.open, request, field]);

  // The matches on screen, drawn over the rows as they render and scroll.
  const matcher = useMemo(
    () =>
      view.open && view.text !== '' ? compileMatcher({ text: view.text, matchCase: view.matchCase, wholeWord: view.wholeWord }) : undefined,
    [view.open, view.text, view.matchCase, view.wholeWord],
  );
  const shown = useRef<string>('');
  useLayoutEffect(() => {
    if (!matcher) {
      clearHighlights();
      return;
    }
    let frame = 0;
    const draw = () => {
      frame = 0;
      const root = document.querySelector('.article__scroller');
      const range = drawHighlights(root, matcher, scope, view.match);
      // A long paragraph's match may sit below the screen though its row is in view: bring it in, once per match.
      const key = view.match ? `${view.match.paragraphId}:${view.match.side}:${view.match.start}` : '';
      if (range && root && shown.current !== key) {
        shown.current = key;
        const box = root.getBoundingClientRect();
        const r = range.getBoundingClientRect();
        if (r.bottom > box.bottom || r.top < box.top) root.scrollTop += r.top - box.top - box.height / 3;
      }
    };
    draw();
    const root = document.querySelector('.article');
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(draw);
    });
    if (root) observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [matcher, scope, view.match]);
  useEffect(() => () => clearHighlights(), []);

  if (!view.open) return null;

  const close = () => {
    find.close();
    onClosed();
  };
  const status = statusText(view);
  const noMatch = view.match === null && !view.searching;

  return (
    <section
      className="find-bar"
      role="search"
      aria-label="Find and replace"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="find-bar__row">
        <button
          type="button"
          className="find-bar__toggle"
          aria-expanded={view.replacing}
          aria-label={view.replacing ? 'Hide replace' : 'Show replace'}
          title={view.replacing ? 'Hide replace' : 'Replace (Ctrl+H)'}
          onClick={find.toggleReplace}
        >
          {view.replacing ? '▾' : '▸'}
        </button>
        <input
          ref={input}
          className={`find-bar__input${noMatch ? ' find-bar__input--none' : ''}`}
          type="search"
          aria-label="Find in article"
          placeholder="Find in article"
          spellCheck={false}
          value={view.text}
          onChange={(e) => find.setOptions({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find.step(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="find-bar__status" role="status" aria-label="Matches" aria-live="polite">
          {status}
        </span>
        <button
          type="button"
          onClick={() => find.step(-1)}
          disabled={!view.match}
          title="Previous match (Shift+Enter)"
          aria-label="Previous match"
        >
          ↑
        </button>
        <button type="button" onClick={() => find.step(1)} disabled={!view.match} title="Next match (Enter)" aria-label="Next match">
          ↓
        </button>
        <span className="find-bar__options">
          {hasSource && (
            <label>
              In{' '}
              <select value={scope} onChange={(e) => find.setOptions({ scope: e.target.value as FindScope })} aria-label="Look in">
                {(Object.keys(SCOPE_LABELS) as FindScope[]).map((s) => (
                  <option key={s} value={s}>
                    {SCOPE_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label title="Match upper and lower case exactly">
            <input type="checkbox" checked={view.matchCase} onChange={(e) => find.setOptions({ matchCase: e.target.checked })} /> Match case
          </label>
          <label title="Whole words only, for words in Latin script. Chinese and Japanese are written without spaces between words, so a Chinese phrase matches wherever it occurs.">
            <input type="checkbox" checked={view.wholeWord} onChange={(e) => find.setOptions({ wholeWord: e.target.checked })} /> Whole word
          </label>
        </span>
        <button type="button" className="find-bar__close" onClick={close} aria-label="Close find" title="Close (Esc)">
          ✕
        </button>
      </div>
      {view.replacing && (
        <div className="find-bar__row">
          <span className="find-bar__toggle-space" aria-hidden="true" />
          <input
            ref={replaceInput}
            className="find-bar__input"
            type="text"
            aria-label="Replace with"
            placeholder="Replace with"
            spellCheck={false}
            value={view.replacement}
            onChange={(e) => find.setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                find.replaceOne();
              }
            }}
          />
          <button
            type="button"
            onClick={find.replaceOne}
            disabled={!view.match}
            title="Replace this match in the translation, then go to the next (Enter in Replace with)"
          >
            Replace
          </button>
          <button
            type="button"
            onClick={find.replaceAll}
            disabled={view.text === '' || view.match === null}
            title="Replace every match in the translation, as one step that one undo takes back"
          >
            Replace all
          </button>
          <span className="find-bar__hint">
            {readOnlyReason
              ? `Read-only: ${readOnlyReason}`
              : scope === 'target'
                ? 'Replaces in the translation.'
                : 'Replaces in the translation only, never the source.'}
          </span>
        </div>
      )}
      {view.problem && (
        <p className="find-bar__problem" role="alert">
          {view.problem}
        </p>
      )}
      {view.note && (
        <p className="find-bar__note" role="status" aria-label="Replaced">
          {view.note}
        </p>
      )}
    </section>
  );
}

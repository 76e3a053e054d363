/**
 * Adjudication between raters, in the workspace: the open review and the other raters' reviews of the same article
 * added to it, the paragraphs where they disagree most first (the order of the report's "paragraphs to adjudicate"),
 * each with its text, every rater's flags marked on it, and under it the flags one by one to keep, drop, or merge
 * with overlapping flags of other raters into one. The count of flags still undecided stays in the bar; "Save
 * adjudicated review" writes a new review stamped adjudicated.
 *
 * Keys (while the screen has focus): ↓/↑ move between flags, K keeps, D drops (both then go on to the next flag
 * still undecided), U takes the decision back, X
 * selects a flag for a merge, M merges the selected flags of the paragraph, N goes to the next undecided flag,
 * Esc goes back to the article.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, RedlineClient, ReviewView } from '../../../shared/contract';
import type { Severity } from '../../../shared/model';
import type { FlagRef } from '../../../shared/report/adjudication';
import { isUndecided, mergeDefaults, mergeProblem } from '../../../shared/report/adjudication-plan';
import type { AdjudicationFlag } from '../../../shared/report/adjudication-view';
import { flattenCategories } from '../../../shared/typology/typology';
import { useAdjudication } from '../../state/use-adjudication';
import { isTyping } from '../use-shortcuts';
import { ParagraphCard } from './ParagraphCard';
import { SaveAdjudicationDialog } from './SaveAdjudicationDialog';
import './adjudication.css';

interface Props {
  readonly client: RedlineClient;
  readonly review: ReviewView;
  readonly onClose: () => void;
  /** Opens a review file (the adjudicated review once saved). */
  readonly onOpenReview: (path: string) => void;
}

/** Paragraphs drawn at first, and added by "Show more". */
const PAGE = 100;

/** `story.redline` → `story.adjudicated.redline`, beside it. */
function suggestedPath(reviewPath: string): string {
  return reviewPath.replace(/(\.redline)?$/i, '').concat('.adjudicated.redline');
}

/** Hands the decisions file to the browser as a download: `story.decisions.json`. */
function downloadDecisions(text: string, reviewPath: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${(reviewPath.split(/[\\/]/).pop() ?? 'review').replace(/\.redline$/i, '')}.decisions.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AdjudicationView({ client, review, onClose, onOpenReview }: Props) {
  const adj = useAdjudication(client, review.reviewId);
  const { view, plan } = adj;
  const [host, setHost] = useState<AppInfo['host']>();
  const [focused, setFocused] = useState<FlagRef>();
  const [selected, setSelected] = useState<ReadonlySet<FlagRef>>(new Set());
  const [mergeChoice, setMergeChoice] = useState<{ readonly category: string; readonly severity: Severity }>();
  const [mergeError, setMergeError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void client.appInfo({}).then((r) => r.ok && setHost(r.value.host));
  }, [client]);

  // Paragraphs are drawn a page at a time: a long article's list would otherwise cost the screen thousands of cards.
  const [shown, setShown] = useState(PAGE);
  const visible = useMemo(() => view?.paragraphs.slice(0, shown) ?? [], [view, shown]);
  const flags = useMemo(() => visible.flatMap((p) => p.flags), [visible]);
  const byRef = useMemo(() => new Map(flags.map((f) => [f.ref, f])), [flags]);
  const raterOf = (ref: FlagRef) => byRef.get(ref)?.rater ?? ref;
  const reviewIndex = useMemo(() => new Map((view?.reviews ?? []).map((r, i) => [r.label, i])), [view]);
  const categories = useMemo(
    () => flattenCategories(review.typology).map((c) => (c.parentLabel ? `${c.parentLabel}/${c.label}` : c.label)),
    [review.typology],
  );

  // The flags chosen for a merge, and the paragraph they are in (a merge is within one paragraph).
  const chosen = flags.filter((f) => selected.has(f.ref));
  const defaults = chosen.length > 0 ? mergeDefaults(chosen) : undefined;
  const merge = mergeChoice ?? defaults;

  useEffect(() => {
    if (!focused) return;
    root.current?.querySelector<HTMLElement>(`[data-ref="${CSS.escape(focused)}"]`)?.focus();
  }, [focused]);

  // Focus starts in the screen, so its keys work at once.
  useEffect(() => {
    root.current?.focus();
  }, []);

  const toggleSelected = (flag: AdjudicationFlag) => {
    setMergeError(undefined);
    setMergeChoice(undefined);
    setSelected((s) => {
      // A merge is within one paragraph: choosing a flag of another paragraph starts a new choice.
      const next = new Set([...s].filter((r) => byRef.get(r)?.paragraphId === flag.paragraphId));
      if (next.has(flag.ref)) next.delete(flag.ref);
      else next.add(flag.ref);
      return next;
    });
  };

  const doMerge = () => {
    if (!merge) return setMergeError('Choose two or more flags to merge (X, or their “Select to merge” boxes).');
    const problem = adj.merge(chosen, merge.category, merge.severity);
    setMergeError(problem);
    if (!problem) {
      setSelected(new Set());
      setMergeChoice(undefined);
    }
  };

  // Moves over every listed flag, drawing more paragraphs when the next flag is beyond those drawn.
  const move = (step: 1 | -1, onlyUndecided = false) => {
    const all = view?.paragraphs.flatMap((p, index) => p.flags.map((f) => ({ f, index }))) ?? [];
    if (all.length === 0) return;
    const at = focused ? all.findIndex(({ f }) => f.ref === focused) : -1;
    for (let i = 1; i <= all.length; i++) {
      const { f, index } = all[(((at + step * i) % all.length) + all.length) % all.length]!;
      if (onlyUndecided && !isUndecided(plan, f)) continue;
      if (index >= shown) setShown(Math.ceil((index + 1) / PAGE) * PAGE);
      return setFocused(f.ref);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !saving) {
      e.preventDefault();
      return onClose();
    }
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || saving) return;
    const flag = focused ? byRef.get(focused) : undefined;
    const act = (fn: () => void) => {
      e.preventDefault();
      fn();
    };
    switch (e.key) {
      case 'ArrowDown':
        return act(() => move(1));
      case 'ArrowUp':
        return act(() => move(-1));
      case 'n':
      case 'N':
        return act(() => move(1, true));
      // Deciding from the keyboard goes on to the next flag still undecided, as a reviewer works down the list.
      case 'k':
      case 'K':
        return flag && act(() => (adj.decide(flag.ref, 'keep'), move(1, true)));
      case 'd':
      case 'D':
        return flag && act(() => (adj.decide(flag.ref, 'drop'), move(1, true)));
      case 'u':
      case 'U':
        return flag && act(() => adj.decide(flag.ref, 'undecided'));
      case 'x':
      case 'X':
        return flag && act(() => toggleSelected(flag));
      case 'm':
      case 'M':
        return act(doMerge);
      default:
        return undefined;
    }
  };

  const others = (view?.reviews.length ?? 1) - 1;

  return (
    <div className="adjudication" ref={root} tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="adjudication__bar" role="toolbar" aria-label="Adjudication">
        <h2 className="adjudication__title">Adjudicate {view?.article ?? ''}</h2>
        <p className="adjudication__count" role="status">
          {view ? (adj.undecided === 0 ? 'Nothing undecided' : `${adj.undecided} flag${adj.undecided === 1 ? '' : 's'} undecided`) : ''}
        </p>
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          disabled={adj.busy}
          title="Add other raters’ reviews of this article (.redline files)"
        >
          Add reviews…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".redline"
          multiple
          hidden
          aria-label="Reviews to add"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void adj.addFiles(files);
          }}
        />
        <button
          type="button"
          disabled={!view || others === 0}
          onClick={() => downloadDecisions(adj.decisionsFile(), review.reviewPath)}
          title="The decisions as a file for redline adjudicate --decisions, to keep beside the adjudicated review"
        >
          Decisions as JSON
        </button>
        <button type="button" className="primary" disabled={!view || others === 0} onClick={() => setSaving(true)}>
          Save adjudicated review…
        </button>
        <button type="button" onClick={onClose} title="Back to the article (Esc)">
          Close
        </button>
      </div>
      <div className="adjudication__body">
        {view && (
          <ul className="adjudication__reviews" aria-label="Reviews adjudicated">
            {view.reviews.map((r, i) => (
              <li key={r.label} className="adjudication__review">
                <span className={`adj-rater adj-rater--${i % 6}`}>{r.reviewer}</span> <code>{r.label}</code>{' '}
                <span className="adjudication__muted">
                  {r.flags} flag{r.flags === 1 ? '' : 's'}
                  {i === 0 ? ', the open review' : ''}
                </span>
                {i > 0 && (
                  <button
                    type="button"
                    className="adjudication__remove"
                    aria-label={`Remove ${r.label}`}
                    onClick={() => void adj.removeReview(r.label)}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {adj.error && (
          <p className="error-banner" role="alert">
            {adj.error.message}
          </p>
        )}
        {view?.warnings.map((w) => (
          <p key={w} className="notice" role="status">
            {w}
          </p>
        ))}
        {view && others === 0 && (
          <p className="adjudication__empty">
            Add the other raters’ reviews of {view.article} (their <code>.redline</code> files) to see where you disagree, flag by flag.
          </p>
        )}
        {view && others > 0 && view.paragraphs.length === 0 && (
          <p className="adjudication__empty">None of the reviews has a flag: there is nothing to adjudicate.</p>
        )}
        {view && others > 0 && view.paragraphs.length > 0 && (
          <p className="adjudication__keys adjudication__muted">
            <kbd>↓</kbd>/<kbd>↑</kbd> flag · <kbd>K</kbd> keep · <kbd>D</kbd> drop · <kbd>X</kbd> select to merge · <kbd>M</kbd> merge ·{' '}
            <kbd>U</kbd> clear the decision · <kbd>N</kbd> next undecided
          </p>
        )}
        {!view && !adj.error && (
          <p className="adjudication__muted" aria-busy="true">
            Reading the reviews…
          </p>
        )}
        {others > 0 &&
          visible.map((p) => (
            <ParagraphCard
              key={p.id}
              paragraph={p}
              plan={plan}
              focused={focused}
              selected={selected}
              reviewIndex={reviewIndex}
              raterOf={raterOf}
              onFocus={setFocused}
              onDecide={adj.decide}
              onToggle={toggleSelected}
              merge={
                chosen.length > 0 && chosen[0]!.paragraphId === p.id && merge
                  ? {
                      count: chosen.length,
                      choice: merge,
                      categories: categories.includes(merge.category) ? categories : [merge.category, ...categories],
                      problem: mergeError ?? mergeProblem(chosen),
                      onChoose: setMergeChoice,
                      onMerge: doMerge,
                      onCancel: () => {
                        setSelected(new Set());
                        setMergeError(undefined);
                      },
                    }
                  : undefined
              }
            />
          ))}
        {others > 0 && view && view.paragraphs.length > shown && (
          <p>
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, view.paragraphs.length - shown)} more paragraphs ({view.paragraphs.length - shown} not shown yet)
            </button>
          </p>
        )}
        {view && view.unlisted > 0 && (
          <p className="adjudication__muted">
            {view.unlisted} more paragraph{view.unlisted === 1 ? '' : 's'} with flags {view.unlisted === 1 ? 'is' : 'are'} not listed; their
            flags are kept as they are.
          </p>
        )}
      </div>
      {saving && (
        <SaveAdjudicationDialog
          host={host}
          suggestedPath={suggestedPath(review.reviewPath)}
          defaultAdjudicator={review.rater}
          undecided={adj.undecided}
          onSave={adj.save}
          onOpen={(path) => {
            setSaving(false);
            onOpenReview(path);
          }}
          onClose={() => {
            setSaving(false);
            root.current?.focus();
          }}
        />
      )}
    </div>
  );
}

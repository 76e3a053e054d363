/**
 * One paragraph to adjudicate: its text with every rater's flags marked, the flags one by one with what has been
 * decided about each and the buttons to decide, and, when flags of it are chosen for a merge, the merge's category
 * and severity.
 */
import { SEVERITIES, type Severity } from '../../../shared/model';
import type { FlagRef } from '../../../shared/report/adjudication';
import { isUndecided, type AdjudicationPlan } from '../../../shared/report/adjudication-plan';
import type { AdjudicationFlag, AdjudicationParagraph } from '../../../shared/report/adjudication-view';
import { langOf } from '../../state/text-lang';
import { FlagSpans } from './FlagSpans';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What has been decided about a flag, in words. */
function decisionText(plan: AdjudicationPlan, flag: AdjudicationFlag, raterOf: (ref: FlagRef) => string): string {
  const d = plan.decided.get(flag.ref);
  if (d?.kind === 'keep') return 'Kept';
  if (d?.kind === 'drop') return 'Dropped';
  if (d?.kind === 'merge') {
    const group = plan.merges.get(d.group)!;
    const others = [...new Set(group.refs.filter((r) => r !== flag.ref).map(raterOf))];
    return `Merged with ${others.join(', ')}’s: ${group.category}, ${group.severity}`;
  }
  if (!isUndecided(plan, flag)) {
    const same = [...new Set(flag.sameAs.filter((r) => !plan.decided.has(r)).map(raterOf))];
    return `Same as ${same.join(', ')}’s: becomes one flag unless you decide`;
  }
  return 'Undecided';
}

export interface MergeForm {
  readonly count: number;
  readonly choice: { readonly category: string; readonly severity: Severity };
  readonly categories: readonly string[];
  readonly problem: string | undefined;
  onChoose(choice: { readonly category: string; readonly severity: Severity }): void;
  onMerge(): void;
  onCancel(): void;
}

interface CardProps {
  readonly paragraph: AdjudicationParagraph;
  readonly plan: AdjudicationPlan;
  readonly focused: FlagRef | undefined;
  readonly selected: ReadonlySet<FlagRef>;
  readonly reviewIndex: ReadonlyMap<string, number>;
  readonly raterOf: (ref: FlagRef) => string;
  readonly merge: MergeForm | undefined;
  onFocus(ref: FlagRef): void;
  onDecide(ref: FlagRef, kind: 'keep' | 'drop' | 'undecided'): void;
  onToggle(flag: AdjudicationFlag): void;
}

export function ParagraphCard({
  paragraph: p,
  plan,
  focused,
  selected,
  reviewIndex,
  raterOf,
  merge,
  onFocus,
  onDecide,
  onToggle,
}: CardProps) {
  const target = p.flags.filter((f) => f.side === 'target');
  const source = p.flags.filter((f) => f.side === 'source');
  const title = `Paragraph ${p.number}`;
  const dropped = new Set(p.flags.filter((f) => plan.decided.get(f.ref)?.kind === 'drop').map((f) => f.ref));
  return (
    <section className="adj-para" aria-label={title}>
      <h3 className="adj-para__title">
        {title}
        <span className="adjudication__muted">
          {p.spread === undefined
            ? ' · no score difference between raters'
            : p.spread > 0
              ? ` · raters’ scores differ by ${formatSpread(p.spread)}`
              : ' · not every rater found an error'}
        </span>
      </h3>
      {source.length > 0 && p.source !== undefined && (
        <div className="adj-para__source">
          <span className="adjudication__muted">Source</span>
          <FlagSpans
            text={p.source}
            flags={source}
            focused={focused}
            dropped={dropped}
            {...(langOf(p.source) ? { lang: langOf(p.source)! } : {})}
          />
        </div>
      )}
      <FlagSpans
        text={p.target}
        flags={target}
        focused={focused}
        dropped={dropped}
        {...(langOf(p.target) ? { lang: langOf(p.target)! } : {})}
      />
      <ul className="adj-flags" aria-label={`Flags of paragraph ${p.number}`}>
        {p.flags.map((f) => {
          const d = plan.decided.get(f.ref);
          const state = d?.kind ?? (isUndecided(plan, f) ? 'undecided' : 'agreed');
          const text = f.side === 'source' ? (p.source ?? '') : p.target;
          const quote = f.start === f.end ? 'a missing word' : `“${text.slice(f.start, f.end)}”`;
          const name = `${f.rater}: ${f.category}, ${f.severity}, ${quote} — ${decisionText(plan, f, raterOf)}`;
          return (
            <li
              key={f.ref}
              data-ref={f.ref}
              className={`adj-flag adj-flag--${state}${focused === f.ref ? ' is-focused' : ''}`}
              tabIndex={focused === f.ref || (!focused && f === p.flags[0]) ? 0 : -1}
              aria-label={name}
              onFocus={(e) => {
                if (e.target === e.currentTarget) onFocus(f.ref);
              }}
              onClick={() => onFocus(f.ref)}
            >
              <input
                type="checkbox"
                className="adj-flag__select"
                checked={selected.has(f.ref)}
                onChange={() => onToggle(f)}
                aria-label={`Select ${f.rater}’s flag to merge`}
                title="Select to merge (X)"
              />
              <span className="adj-flag__what">
                <span className={`adj-rater adj-rater--${(reviewIndex.get(f.review) ?? 0) % 6}`}>{f.rater}</span>
                <span className={`chip sev-${f.severity}`}>{f.severity}</span>
                <span className="adj-flag__category">{f.category}</span>
                <span className="adj-flag__quote">{quote}</span>
                {f.side === 'source' && <span className="adjudication__muted">(source)</span>}
                {f.fromCheck && <span className="adjudication__muted">(from a check)</span>}
                {f.comment && <span className="adj-flag__comment">{f.comment}</span>}
              </span>
              <span className="adj-flag__decision">{decisionText(plan, f, raterOf)}</span>
              <span className="adj-flag__actions">
                <button
                  type="button"
                  aria-pressed={d?.kind === 'keep'}
                  onClick={() => onDecide(f.ref, 'keep')}
                  title="Keep this flag as it is (K)"
                >
                  Keep
                </button>
                <button
                  type="button"
                  aria-pressed={d?.kind === 'drop'}
                  onClick={() => onDecide(f.ref, 'drop')}
                  title="Leave this flag out (D)"
                >
                  Drop
                </button>
                {d && (
                  <button type="button" onClick={() => onDecide(f.ref, 'undecided')} title="Take the decision back (U)">
                    Clear
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {merge && (
        <form
          className="adj-merge"
          aria-label="Merge the selected flags"
          onSubmit={(e) => {
            e.preventDefault();
            merge.onMerge();
          }}
        >
          <span>
            Merge {merge.count} flag{merge.count === 1 ? '' : 's'} into one:
          </span>
          <label>
            Category{' '}
            <select value={merge.choice.category} onChange={(e) => merge.onChoose({ ...merge.choice, category: e.target.value })}>
              {merge.categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Severity{' '}
            <select
              value={merge.choice.severity}
              onChange={(e) => merge.onChoose({ ...merge.choice, severity: e.target.value as Severity })}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {capital(s)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={merge.problem !== undefined}>
            Merge
          </button>
          <button type="button" onClick={merge.onCancel}>
            Cancel
          </button>
          {merge.problem && (
            <span className="adj-merge__problem" role="status">
              {merge.problem}
            </span>
          )}
        </form>
      )}
    </section>
  );
}

function formatSpread(spread: number): string {
  return Number.isInteger(spread) ? String(spread) : spread.toFixed(1);
}

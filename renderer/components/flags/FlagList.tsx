/**
 * Every flag of the article, filterable by category, severity, status and rater. Choosing a flag scrolls the
 * article to it; the chosen flag can be edited, marked fixed or dismissed, reopened and deleted.
 */
import { Fragment, useMemo, useState } from 'react';
import { SEVERITIES, type Annotation, type AnnotationStatus, type InlineCode } from '../../../shared/model';
import { CodedText } from '../text/CodedText';
import { NoteListItem } from '../status/NoteListItem';
import './flag-list.css';

interface Props {
  readonly flags: readonly Annotation[];
  readonly selected?: string;
  /** 1-based paragraph number of a paragraph id. */
  readonly numberOf: (paragraphId: string) => number;
  /** The flagged words, when the paragraph is loaded. */
  readonly quoteOf: (flag: Annotation) => string | undefined;
  /** The inline codes of the flag's side of its paragraph, so a quote shows them as tokens. */
  readonly codesOf?: (flag: Annotation) => readonly InlineCode[] | undefined;
  readonly onSelect: (flag: Annotation) => void;
  readonly onEdit: (flag: Annotation) => void;
  readonly onStatus: (flag: Annotation, status: AnnotationStatus) => void;
  readonly onDelete: (flag: Annotation) => void;
  /** The reviewer's notes on whole paragraphs (paragraph id → note), listed beside the flags of their paragraph. */
  readonly notes?: Readonly<Record<string, string>>;
  readonly onSelectNote?: (paragraphId: string) => void;
  readonly onEditNote?: (paragraphId: string) => void;
}

const STATUSES: readonly AnnotationStatus[] = ['open', 'fixed', 'dismissed'];

/**
 * Flags listed at first, and added by each "Show more": enough for any hand review, while a review with
 * thousands of flags (imported, or from automatic checks) does not build thousands of list items at once.
 */
const PAGE = 300;

export function FlagList({
  flags,
  selected,
  numberOf,
  quoteOf,
  codesOf,
  onSelect,
  onEdit,
  onStatus,
  onDelete,
  notes,
  onSelectNote,
  onEditNote,
}: Props) {
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState('');
  const [status, setStatus] = useState('');
  const [rater, setRater] = useState('');
  const [limit, setLimit] = useState(PAGE);

  const categories = useMemo(() => [...new Set(flags.map((f) => f.category))].sort(), [flags]);
  const raters = useMemo(() => [...new Set(flags.map((f) => f.rater))].sort(), [flags]);
  const shown = useMemo(
    () =>
      flags
        .filter(
          (f) =>
            (!category || f.category === category || f.category.startsWith(`${category}/`)) &&
            (!severity || f.severity === severity) &&
            (!status || f.status === status) &&
            (!rater || f.rater === rater),
        )
        .sort((a, b) => numberOf(a.paragraphId) - numberOf(b.paragraphId) || a.start - b.start),
    [flags, category, severity, status, rater, numberOf],
  );
  const topCategories = useMemo(() => [...new Set(categories.map((c) => c.split('/')[0]!))], [categories]);
  // Notes have no category, severity, status or rater: a filter on any of these lists flags only.
  const filtering = !!(category || severity || status || rater);
  const noteEntries = useMemo(
    () =>
      filtering || !notes
        ? []
        : Object.entries(notes)
            .map(([paragraphId, note]) => ({ paragraphId, note, number: numberOf(paragraphId) }))
            .sort((a, b) => a.number - b.number),
    [filtering, notes, numberOf],
  );
  let nextNote = 0;
  /** The notes of paragraphs up to `number` not listed yet, as list items. */
  const notesUpTo = (number: number) => {
    const items = [];
    while (nextNote < noteEntries.length && noteEntries[nextNote]!.number <= number) {
      const n = noteEntries[nextNote++]!;
      items.push(
        <NoteListItem
          key={`note:${n.paragraphId}`}
          paragraphNumber={n.number}
          note={n.note}
          onSelect={() => onSelectNote?.(n.paragraphId)}
          onEdit={() => onEditNote?.(n.paragraphId)}
        />,
      );
    }
    return items;
  };

  return (
    <section className="flag-list" aria-label="Flags">
      <h2 className="side-panel__title">
        Flags <span className="count">{shown.length === flags.length ? flags.length : `${shown.length} of ${flags.length}`}</span>
      </h2>
      <div className="flag-list__filters">
        <select aria-label="Filter by category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">All categories</option>
          {topCategories.map((c) => (
            <optgroup key={c} label={c}>
              <option value={c}>{c} (all)</option>
              {categories
                .filter((x) => x.startsWith(`${c}/`))
                .map((x) => (
                  <option key={x} value={x}>
                    {x.slice(c.length + 1)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <select aria-label="Filter by severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {capitalised(s)}
            </option>
          ))}
        </select>
        <select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {capitalised(s)}
            </option>
          ))}
        </select>
        <select aria-label="Filter by rater" value={rater} onChange={(e) => setRater(e.target.value)}>
          <option value="">All raters</option>
          {raters.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {flags.length === 0 && noteEntries.length === 0 ? (
        <p className="side-panel__empty">
          No flags yet. Select a phrase in the translation and press F, or press F on a paragraph and type the phrase.
        </p>
      ) : shown.length === 0 && noteEntries.length === 0 ? (
        <p className="side-panel__empty" role="status">
          No flag matches these filters.{' '}
          <button
            type="button"
            onClick={() => {
              setCategory('');
              setSeverity('');
              setStatus('');
              setRater('');
            }}
          >
            Clear filters
          </button>
        </p>
      ) : (
        <ul className="flag-list__items" aria-label="Flags">
          {shown.slice(0, Math.max(limit, selected ? shown.findIndex((f) => f.id === selected) + 1 : 0)).map((f) => {
            const quote = quoteOf(f);
            const isSelected = f.id === selected;
            return (
              <Fragment key={f.id}>
                {notesUpTo(numberOf(f.paragraphId))}
                <li className={`flag-item sev-${f.severity} status-${f.status}${isSelected ? ' is-selected' : ''}`}>
                  <button
                    type="button"
                    className="flag-item__main"
                    aria-label={`¶ ${numberOf(f.paragraphId)}: ${f.category}, ${f.severity}${f.status !== 'open' ? `, ${f.status}` : ''}`}
                    aria-pressed={isSelected}
                    onClick={() => onSelect(f)}
                  >
                    <span className="flag-item__head">
                      <span className={`chip sev-${f.severity}`}>{f.severity}</span>
                      <span className="flag-item__cat">{f.category.split('/').join(' › ')}</span>
                      <span className="flag-item__para">¶ {numberOf(f.paragraphId)}</span>
                    </span>
                    <span className="flag-item__quote">
                      {f.start === f.end ? (
                        '‸ omission'
                      ) : quote !== undefined ? (
                        <>
                          “<CodedText text={quote} codes={codesOf?.(f)} />”
                        </>
                      ) : (
                        ''
                      )}
                      {f.side === 'source' && <em> (source)</em>}
                    </span>
                    {f.comment && <span className="flag-item__comment">{f.comment}</span>}
                    <span className="flag-item__meta">
                      {f.rater}
                      {f.origin.kind === 'check' ? ` · check: ${f.origin.check}` : ''}
                      {f.status !== 'open' ? ` · ${f.status}` : ''}
                    </span>
                  </button>
                  {isSelected && (
                    <div className="flag-item__actions" role="group" aria-label="Flag actions">
                      <button type="button" onClick={() => onEdit(f)} title="Edit (Enter)">
                        Edit
                      </button>
                      {f.status !== 'fixed' && (
                        <button type="button" onClick={() => onStatus(f, 'fixed')} title="Mark fixed (X)">
                          Fixed
                        </button>
                      )}
                      {f.status !== 'dismissed' && (
                        <button type="button" onClick={() => onStatus(f, 'dismissed')} title="Dismiss (D)">
                          Dismiss
                        </button>
                      )}
                      {f.status !== 'open' && (
                        <button type="button" onClick={() => onStatus(f, 'open')}>
                          Reopen
                        </button>
                      )}
                      <button type="button" className="danger" onClick={() => onDelete(f)} title="Delete (Delete)">
                        Delete
                      </button>
                    </div>
                  )}
                </li>
              </Fragment>
            );
          })}
          {notesUpTo(Infinity)}
          {shown.length > limit && (
            <li>
              <button type="button" className="flag-list__more" onClick={() => setLimit(limit + PAGE)}>
                Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit} not listed
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** "major" → "Major": filter options read as the severity chips and dialogs name them. */
function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

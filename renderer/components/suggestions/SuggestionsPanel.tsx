/**
 * The suggestions of the automatic checks, by check: each check with its count and "Accept all" / "Dismiss all",
 * each suggestion with its words, a one-line reason and the category and severity it proposes. Choosing one
 * scrolls the article to it. Kept quiet on purpose: suggestions are offers, so they carry no severity colour until
 * a reviewer accepts them.
 */
import type { Suggestion, SuggestionList } from '../../../shared/contract';
import { CHECK_LABELS, CHECK_NAMES, type CheckName } from '../../../shared/checks/finding';
import { groupByCheck } from '../../state/suggestion-marks';
import './suggestions.css';

interface Props {
  readonly list: SuggestionList | undefined;
  readonly selected?: string;
  readonly numberOf: (paragraphId: string) => number;
  readonly onSelect: (s: Suggestion) => void;
  readonly onAccept: (items: readonly Suggestion[]) => void;
  readonly onDismiss: (items: readonly Suggestion[]) => void;
}

/** Suggestions listed per check before "Show all": a long article may have hundreds of one kind. */
const SHOWN_PER_CHECK = 50;

/** A count as the rest of the app writes one, its thousands separated (25,124). */
const count = (n: number): string => n.toLocaleString('en-US');

function quote(s: Suggestion): string {
  if (s.start === s.end) return 'something missing';
  return `“${s.text.length > 48 ? `${s.text.slice(0, 45)}…` : s.text}”`;
}

export function SuggestionsPanel({ list, selected, numberOf, onSelect, onAccept, onDismiss }: Props) {
  const total = list?.suggestions.length ?? 0;
  const groups = list ? groupByCheck(list.suggestions, CHECK_NAMES) : [];
  return (
    <section className="suggestions" aria-label="Suggestions">
      <h2 className="side-panel__title">
        Suggestions <span className="count">{list?.checking || !list ? '…' : count(total)}</span>
      </h2>
      {!list || list.checking ? (
        <p className="suggestions__note">Checking the article…</p>
      ) : total === 0 ? (
        <p className="suggestions__note">No suggestions. The automatic checks found nothing more to offer.</p>
      ) : (
        groups.map(({ check, items }) => {
          const label = CHECK_LABELS[check as CheckName]?.label ?? check;
          return (
            <details key={check} className="suggestions__group" open>
              <summary>
                <span className="suggestions__check">{label}</span> <span className="count">{count(items.length)}</span>
              </summary>
              <div className="suggestions__bulk">
                <button type="button" onClick={() => onAccept(items)} aria-label={`Accept all ${count(items.length)} ${label} suggestions`}>
                  Accept all
                </button>
                <button
                  type="button"
                  onClick={() => onDismiss(items)}
                  aria-label={`Dismiss all ${count(items.length)} ${label} suggestions`}
                >
                  Dismiss all
                </button>
              </div>
              <ul>
                {items.slice(0, SHOWN_PER_CHECK).map((s) => (
                  <li key={s.id} className={`suggestion-item${s.id === selected ? ' is-selected' : ''}`}>
                    <button
                      type="button"
                      className="suggestion-item__main"
                      onClick={() => onSelect(s)}
                      aria-label={`Suggestion for ¶ ${numberOf(s.paragraphId)}: ${label} ${quote(s)}`}
                    >
                      <span className="suggestion-item__where">¶ {numberOf(s.paragraphId)}</span>{' '}
                      <span className={`suggestion-item__quote${s.start === s.end ? ' suggestion-item__quote--point' : ''}`}>
                        {quote(s)}
                      </span>
                      <span className="suggestion-item__reason">{s.message}</span>
                      <span className="suggestion-item__proposal">
                        {s.category} · {s.severity}
                      </span>
                    </button>
                    <span className="suggestion-item__actions">
                      <button type="button" onClick={() => onAccept([s])} title="Accept as a flag (A)">
                        Accept
                      </button>
                      <button type="button" onClick={() => onDismiss([s])} title="Dismiss for good (D)">
                        Dismiss
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              {items.length > SHOWN_PER_CHECK && (
                <p className="suggestions__note">and {items.length - SHOWN_PER_CHECK} more; S steps through all of them.</p>
              )}
            </details>
          );
        })
      )}
    </section>
  );
}

/**
 * Suggestions shown in the text beside flags. The text view marks spans of annotations, so a suggestion is shown
 * as a look-alike annotation whose id says it is a suggestion; the view styles those apart (dashed, no severity
 * colour) and never counts them as flags. Pure, so it is tested without a page.
 */
import type { Suggestion } from '../../shared/contract';
import { flagOfFinding } from '../../shared/checks/finding';
import type { Annotation } from '../../shared/model';

const PREFIX = 'suggestion:';

/** Whether a mark's id stands for a suggestion rather than a flag. */
export function isSuggestionMark(id: string): boolean {
  return id.startsWith(PREFIX);
}

/** The suggestion id behind a mark's id. */
export function suggestionIdOf(markId: string): string {
  return markId.slice(PREFIX.length);
}

/** The id of a suggestion's mark. */
export function suggestionMarkId(suggestionId: string): string {
  return `${PREFIX}${suggestionId}`;
}

/** A suggestion as a mark in the text: its span, its check's reason as the comment. */
export function suggestionMark(s: Suggestion): Annotation {
  return flagOfFinding(s, { id: suggestionMarkId(s.id), rater: s.check, created: '' });
}

/** Suggestions grouped by check, in the order of `checks`, each in article order. */
export function groupByCheck(suggestions: readonly Suggestion[], checks: readonly string[]): { check: string; items: Suggestion[] }[] {
  const groups = new Map<string, Suggestion[]>(checks.map((c) => [c, []]));
  for (const s of suggestions) groups.get(s.check)?.push(s);
  return [...groups].filter(([, items]) => items.length > 0).map(([check, items]) => ({ check, items }));
}

/**
 * The adjudicator's decisions while they are being made: for each flag, keep, drop, or a merge with other flags
 * into one (with the category and severity chosen for it). An immutable value; every `with…` function returns a
 * new plan. `decisionsOf` turns it into the decisions `adjudicate` (and `redline adjudicate --decisions`) take.
 */
import type { Severity } from '../model';
import { fail, ok, type Result } from '../result';
import type { Decision, FlagRef } from './adjudication';
import type { AdjudicationFlag, AdjudicationParagraph } from './adjudication-view';

export interface MergeGroup {
  readonly refs: readonly FlagRef[];
  readonly category: string;
  readonly severity: Severity;
}

export type FlagDecision = { readonly kind: 'keep' } | { readonly kind: 'drop' } | { readonly kind: 'merge'; readonly group: number };

export interface AdjudicationPlan {
  readonly decided: ReadonlyMap<FlagRef, FlagDecision>;
  readonly merges: ReadonlyMap<number, MergeGroup>;
  readonly nextGroup: number;
}

export const EMPTY_PLAN: AdjudicationPlan = { decided: new Map(), merges: new Map(), nextGroup: 1 };

const RANK: Readonly<Record<Severity, number>> = { neutral: 0, minor: 1, major: 2, critical: 3 };

/** The plan without any decision on these flags; a merge that held one of them is undone for all its flags. */
export function withUndecided(plan: AdjudicationPlan, refs: readonly FlagRef[]): AdjudicationPlan {
  const decided = new Map(plan.decided);
  const merges = new Map(plan.merges);
  for (const ref of refs) {
    const d = decided.get(ref);
    if (d?.kind === 'merge') {
      for (const other of merges.get(d.group)?.refs ?? []) decided.delete(other);
      merges.delete(d.group);
    }
    decided.delete(ref);
  }
  return { ...plan, decided, merges };
}

/** Keeps or drops one flag as it is (undoing a merge it was part of). */
export function withChoice(plan: AdjudicationPlan, ref: FlagRef, kind: 'keep' | 'drop'): AdjudicationPlan {
  const next = withUndecided(plan, [ref]);
  const decided = new Map(next.decided);
  decided.set(ref, { kind });
  return { ...next, decided };
}

/** The category and severity a merge of these flags offers first: the first flag's category, the highest severity. */
export function mergeDefaults(flags: readonly AdjudicationFlag[]): { readonly category: string; readonly severity: Severity } {
  let severity: Severity = flags[0]?.severity ?? 'minor';
  for (const f of flags) if (RANK[f.severity] > RANK[severity]) severity = f.severity;
  return { category: flags[0]?.category ?? '', severity };
}

/** Two spans overlap when they share a character, or an omission point lies inside (or at an edge of) the other. */
function overlaps(a: AdjudicationFlag, b: AdjudicationFlag): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** Whether flags can be merged into one: two or more, in one paragraph, on one side, their spans running together. */
export function mergeProblem(flags: readonly AdjudicationFlag[]): string | undefined {
  if (flags.length < 2) return 'Choose two or more flags to merge.';
  const first = flags[0]!;
  if (flags.some((f) => f.paragraphId !== first.paragraphId)) return 'Only flags of one paragraph can be merged.';
  if (flags.some((f) => f.side !== first.side)) return 'Only flags on the same side (translation or source) can be merged.';
  // Every flag must be reached from the first through overlapping spans.
  const reached = new Set([0]);
  const queue = [0];
  while (queue.length > 0) {
    const i = queue.pop()!;
    flags.forEach((f, j) => {
      if (!reached.has(j) && overlaps(flags[i]!, f)) {
        reached.add(j);
        queue.push(j);
      }
    });
  }
  if (reached.size < flags.length) return 'Only flags whose spans overlap can be merged: these mark different words.';
  return undefined;
}

/** Merges flags into one with the chosen category and severity (undoing any earlier decision on them). */
export function withMerge(
  plan: AdjudicationPlan,
  flags: readonly AdjudicationFlag[],
  category: string,
  severity: Severity,
): Result<AdjudicationPlan> {
  const problem = mergeProblem(flags);
  if (problem) return fail('bad-request', problem);
  if (category.trim() === '') return fail('bad-request', 'Choose the merged flag’s category.');
  const refs = flags.map((f) => f.ref);
  const next = withUndecided(plan, refs);
  const decided = new Map(next.decided);
  const merges = new Map(next.merges);
  const group = next.nextGroup;
  merges.set(group, { refs, category, severity });
  for (const ref of refs) decided.set(ref, { kind: 'merge', group });
  return ok({ decided, merges, nextGroup: group + 1 });
}

/** Whether a flag still waits for a decision: not decided, and not one of identical flags that become one anyway. */
export function isUndecided(plan: AdjudicationPlan, flag: AdjudicationFlag): boolean {
  if (plan.decided.has(flag.ref)) return false;
  return !flag.sameAs.some((ref) => !plan.decided.has(ref));
}

/** Flags still waiting for a decision among these paragraphs. */
export function undecidedCount(plan: AdjudicationPlan, paragraphs: readonly AdjudicationParagraph[]): number {
  let n = 0;
  for (const p of paragraphs) for (const f of p.flags) if (isUndecided(plan, f)) n++;
  return n;
}

/**
 * The decisions, in the order the flags are listed (each merge where its first flag is): what the app sends to
 * save, and what a decisions file for `redline adjudicate` holds.
 */
export function decisionsOf(plan: AdjudicationPlan, paragraphs: readonly AdjudicationParagraph[]): Decision[] {
  const out: Decision[] = [];
  const done = new Set<number>();
  for (const p of paragraphs) {
    for (const f of p.flags) {
      const d = plan.decided.get(f.ref);
      if (!d) continue;
      if (d.kind !== 'merge') {
        out.push({ action: d.kind, flag: f.ref });
        continue;
      }
      if (done.has(d.group)) continue;
      done.add(d.group);
      const m = plan.merges.get(d.group)!;
      out.push({ action: 'merge', flags: m.refs, category: m.category, severity: m.severity });
    }
  }
  return out;
}

/**
 * The adjudication screen's state: the paragraphs to adjudicate as the service lists them (the open review and the
 * reviews added to it), and the adjudicator's plan of keeps, merges and drops, which stays in the page until it is
 * saved (see shared/report/adjudication-plan.ts). Adding a review sends its path on the desktop and its bytes from
 * a browser page, which cannot name a file on the machine that serves it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RedlineClient, SavedAdjudication } from '../../shared/contract';
import type { Severity } from '../../shared/model';
import type { Failure, Result } from '../../shared/result';
import type { FlagRef } from '../../shared/report/adjudication';
import { decisionsFileText } from '../../shared/report/adjudication-decisions';
import {
  decisionsOf,
  EMPTY_PLAN,
  undecidedCount,
  withChoice,
  withMerge,
  withUndecided,
  type AdjudicationPlan,
} from '../../shared/report/adjudication-plan';
import type { AdjudicationFlag, AdjudicationView } from '../../shared/report/adjudication-view';
import { desktopBridge } from '../transport/electron-client';

export type AdjudicationClient = Pick<RedlineClient, 'adjudicationView' | 'adjudicationAdd' | 'adjudicationRemove' | 'adjudicationSave'>;

/** A file's bytes as base64, in pieces (a spread of a whole file's bytes would overflow the call stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface Adjudication {
  readonly view: AdjudicationView | undefined;
  readonly plan: AdjudicationPlan;
  /** Flags still waiting for a decision. */
  readonly undecided: number;
  /** The last failure (adding a review, merging), to show until the next action. */
  readonly error: Failure | undefined;
  readonly busy: boolean;
  addFiles(files: readonly File[]): Promise<void>;
  removeReview(label: string): Promise<void>;
  decide(ref: FlagRef, kind: 'keep' | 'drop' | 'undecided'): void;
  /** Merges flags into one; answers the reason when they cannot be merged. */
  merge(flags: readonly AdjudicationFlag[], category: string, severity: Severity): string | undefined;
  save(adjudicator: string, path: string | undefined): Promise<Result<SavedAdjudication>>;
  /** The decisions as a decisions file for `redline adjudicate --decisions`. */
  decisionsFile(): string;
  clearError(): void;
}

/**
 * Plans by review, kept while the page lives: closing the screen (Esc, opening the report) must not lose an hour of
 * decisions, and the reviews added stay with the service too.
 */
const plans = new Map<string, AdjudicationPlan>();

export function useAdjudication(client: AdjudicationClient, reviewId: string): Adjudication {
  const [view, setView] = useState<AdjudicationView>();
  const [plan, setPlanState] = useState<AdjudicationPlan>(() => plans.get(reviewId) ?? EMPTY_PLAN);
  const [error, setError] = useState<Failure>();
  const [busy, setBusy] = useState(false);
  const setPlan = useCallback(
    (next: AdjudicationPlan | ((p: AdjudicationPlan) => AdjudicationPlan)) =>
      setPlanState((p) => {
        const value = typeof next === 'function' ? next(p) : next;
        plans.set(reviewId, value);
        return value;
      }),
    [reviewId],
  );

  useEffect(() => {
    let live = true;
    setPlanState(plans.get(reviewId) ?? EMPTY_PLAN);
    void client.adjudicationView({ reviewId }).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, reviewId]);

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      setBusy(true);
      setError(undefined);
      const bridge = desktopBridge();
      for (const file of files) {
        // A file with no path on disk (handed over by another app) travels as its bytes on the desktop too.
        const path = bridge?.pathForFile(file);
        const r = path
          ? await client.adjudicationAdd({ reviewId, path })
          : await client.adjudicationAdd({ reviewId, upload: { name: file.name, base64: await base64Of(file) } });
        if (r.ok) setView(r.value);
        else {
          setError(r.error);
          break;
        }
      }
      setBusy(false);
    },
    [client, reviewId],
  );

  const removeReview = useCallback(
    async (label: string) => {
      setError(undefined);
      const r = await client.adjudicationRemove({ reviewId, review: label });
      if (!r.ok) return setError(r.error);
      setView(r.value);
      // Decisions on its flags go with it (a merge that held one of them is undone).
      setPlan((p) =>
        withUndecided(
          p,
          [...p.decided.keys()].filter((ref) => ref.startsWith(`${label}#`)),
        ),
      );
    },
    [client, reviewId, setPlan],
  );

  const decide = useCallback(
    (ref: FlagRef, kind: 'keep' | 'drop' | 'undecided') => {
      setError(undefined);
      setPlan((p) => (kind === 'undecided' ? withUndecided(p, [ref]) : withChoice(p, ref, kind)));
    },
    [setPlan],
  );

  const merge = useCallback(
    (flags: readonly AdjudicationFlag[], category: string, severity: Severity) => {
      const r = withMerge(plan, flags, category, severity);
      if (!r.ok) return r.error.message;
      setError(undefined);
      setPlan(r.value);
      return undefined;
    },
    [plan, setPlan],
  );

  const save = useCallback(
    async (adjudicator: string, path: string | undefined) => {
      const decisions = decisionsOf(plan, view?.paragraphs ?? []);
      return client.adjudicationSave({ reviewId, decisions, adjudicator, ...(path !== undefined ? { path } : {}) });
    },
    [client, reviewId, plan, view],
  );

  const decisionsFile = useCallback(() => decisionsFileText(decisionsOf(plan, view?.paragraphs ?? [])), [plan, view]);
  const undecided = useMemo(() => undecidedCount(plan, view?.paragraphs ?? []), [plan, view]);
  const clearError = useCallback(() => setError(undefined), []);

  return { view, plan, undecided, error, busy, addFiles, removeReview, decide, merge, save, decisionsFile, clearError };
}

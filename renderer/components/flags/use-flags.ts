/**
 * The flags workflow of the open review: the flag dialog (a new flag or an edit), a flag's status and deletion, and
 * which flag or suggestion is chosen, stepped through with [ and ] or S. Flags and suggestions share one choice
 * (choosing one lets go of the other), so both are held here; the suggestion list itself is read by use-suggestions.
 */
import { useCallback, useMemo, useState } from 'react';
import type { RedlineClient, ReviewView, Suggestion, SuggestionList } from '../../../shared/contract';
import type { Annotation, AnnotationStatus, Side } from '../../../shared/model';
import type { Failure, Result } from '../../../shared/result';
import { indexOfParagraph, type ParagraphCache } from '../../state/paragraph-cache';
import { isSuggestionMark, suggestionIdOf, suggestionMark, suggestionMarkId } from '../../state/suggestion-marks';
import type { ReviewChange } from '../../state/use-review';
import type { ShortcutActions } from '../use-shortcuts';
import type { FlagTarget, FlagValues } from './FlagDialog';
import { selectedSpan, selectionSpansParagraphs } from './selection';

export type FlagDialogState =
  { readonly mode: 'new'; readonly target: FlagTarget } | { readonly mode: 'edit'; readonly target: FlagTarget; readonly flag: Annotation };

/** The commands of the dispatcher that act on flags and suggestions. */
export type FlagCommands = Pick<
  ShortcutActions,
  | 'selectedFlag'
  | 'hasSelectedSuggestion'
  | 'stepSuggestion'
  | 'acceptSuggestion'
  | 'dismissSuggestion'
  | 'flag'
  | 'stepFlag'
  | 'deselectFlag'
  | 'editFlag'
  | 'setStatus'
  | 'deleteFlag'
>;

export interface Flags {
  readonly dialog: FlagDialogState | undefined;
  closeDialog(): void;
  /** Adds the flag the dialog describes, or changes the flag it edits; answers the failure, if any. */
  submitDialog(values: FlagValues): Promise<Failure | undefined>;
  /** Flags that are not dismissed and the suggestions, by paragraph id, as the article draws them. */
  readonly flagsByParagraph: ReadonlyMap<string, readonly Annotation[]>;
  readonly selectedFlag: string | undefined;
  readonly selectedSuggestion: string | undefined;
  /** The mark chosen in the article's text: the chosen flag, else the chosen suggestion's mark. */
  readonly selectedMark: string | undefined;
  /** Chooses a mark clicked in the article's text: a flag, or a suggestion drawn as a mark. */
  selectMark(id: string): void;
  selectFlag(flag: Annotation | undefined): void;
  chooseSuggestion(suggestion: Suggestion | undefined): void;
  acceptSuggestions(items: readonly Suggestion[]): void;
  dismissSuggestions(items: readonly Suggestion[]): void;
  editFlag(flag: Annotation): void;
  setStatus(flag: Annotation, status: AnnotationStatus): void;
  deleteFlag(flag: Annotation): void;
  readonly commands: FlagCommands;
}

interface Options {
  readonly client: RedlineClient;
  readonly review: ReviewView | null;
  readonly run: (action: () => Promise<Result<ReviewChange>>) => Promise<Failure | undefined>;
  readonly cache: ParagraphCache | undefined;
  /** The paragraph in focus: a new flag goes there when no words are selected. */
  readonly current: number;
  readonly goTo: (index: number) => void;
  readonly reportError: (error: Failure) => void;
  readonly suggestionList: SuggestionList | undefined;
}

/** The span and side a flag's dialog settled, as a change only when they differ from the flag's own. */
function spanChange(flag: Annotation, v: FlagValues): { span?: { start: number; end: number }; side?: Side } {
  if (v.start === flag.start && v.end === flag.end && v.side === flag.side) return {};
  return { span: { start: v.start, end: v.end }, ...(v.side !== flag.side ? { side: v.side } : {}) };
}

/** The next (1) or previous (-1) item after the one at `at` (-1: none), going round at either end. */
function stepIndex(at: number, length: number, step: 1 | -1): number {
  return step === 1 ? (at + 1) % length : (at <= 0 ? length : at) - 1;
}

export function useFlags({ client, review, run, cache, current, goTo, reportError, suggestionList }: Options): Flags {
  const [dialog, setDialog] = useState<FlagDialogState>();
  const [selectedFlag, setSelectedFlag] = useState<string>();
  const [selectedSuggestion, setSelectedSuggestion] = useState<string>();
  const suggestions = suggestionList?.suggestions;

  // Flags and suggestions are drawn in the text together; suggestions as marks of their own (see suggestion-marks.ts).
  const flagsByParagraph = useMemo(() => {
    const map = new Map<string, Annotation[]>();
    const add = (f: Annotation) => {
      const list = map.get(f.paragraphId);
      if (list) list.push(f);
      else map.set(f.paragraphId, [f]);
    };
    for (const f of review?.annotations ?? []) if (f.status !== 'dismissed') add(f);
    for (const s of suggestions ?? []) add(suggestionMark(s));
    return map;
  }, [review, suggestions]);

  const flagsInOrder = useMemo(
    () =>
      [...(review?.annotations ?? [])].sort(
        (a, b) => indexOfParagraph(a.paragraphId) - indexOfParagraph(b.paragraphId) || a.start - b.start,
      ),
    [review],
  );

  const chooseSuggestion = useCallback(
    (s: Suggestion | undefined) => {
      setSelectedSuggestion(s?.id);
      if (!s) return;
      setSelectedFlag(undefined);
      goTo(indexOfParagraph(s.paragraphId));
    },
    [goTo],
  );

  const acceptSuggestions = useCallback(
    (items: readonly Suggestion[]) => {
      if (!review || items.length === 0) return;
      setSelectedSuggestion(undefined);
      void run(() => client.acceptSuggestions({ reviewId: review.reviewId, ids: items.map((s) => s.id) }));
    },
    [client, review, run],
  );

  const dismissSuggestions = useCallback(
    (items: readonly Suggestion[]) => {
      if (!review || items.length === 0) return;
      setSelectedSuggestion(undefined);
      void run(() => client.dismissSuggestions({ reviewId: review.reviewId, ids: items.map((s) => s.id) }));
    },
    [client, review, run],
  );

  const selectFlag = useCallback(
    (flag: Annotation | undefined) => {
      setSelectedFlag(flag?.id);
      if (flag) goTo(indexOfParagraph(flag.paragraphId));
    },
    [goTo],
  );

  const selectMark = useCallback((id: string) => {
    if (isSuggestionMark(id)) {
      setSelectedFlag(undefined);
      setSelectedSuggestion(suggestionIdOf(id));
    } else {
      setSelectedSuggestion(undefined);
      setSelectedFlag(id);
    }
  }, []);

  /** Opens the flag dialog: on the mouse selection if there is one, else on the paragraph in focus. */
  const startFlag = useCallback(() => {
    if (!review || !cache) return;
    if (selectionSpansParagraphs()) {
      reportError({
        code: 'bad-request',
        message: 'A flag marks a phrase within one paragraph: select words in one paragraph only, then flag them.',
      });
      return;
    }
    const span = selectedSpan();
    const index = span ? indexOfParagraph(span.paragraphId) : current;
    const paragraph = cache.get(index);
    if (!paragraph) return;
    setDialog({
      mode: 'new',
      target: {
        paragraphId: paragraph.id,
        paragraphNumber: index + 1,
        side: span?.side ?? 'target',
        targetText: paragraph.target,
        ...(paragraph.source !== undefined ? { sourceText: paragraph.source } : {}),
        ...(span ? { span: { start: span.start, end: span.end } } : {}),
      },
    });
  }, [review, cache, current, reportError]);

  const editFlag = useCallback(
    (flag: Annotation) => {
      const paragraph = cache?.get(indexOfParagraph(flag.paragraphId));
      setDialog({
        mode: 'edit',
        flag,
        target: {
          paragraphId: flag.paragraphId,
          paragraphNumber: indexOfParagraph(flag.paragraphId) + 1,
          side: flag.side,
          targetText: paragraph?.target ?? '',
          ...(paragraph?.source !== undefined ? { sourceText: paragraph.source } : {}),
          span: { start: flag.start, end: flag.end },
        },
      });
    },
    [cache],
  );

  const setStatus = useCallback(
    (flag: Annotation, status: AnnotationStatus) => {
      if (!review) return;
      void run(() => client.changeAnnotation({ reviewId: review.reviewId, id: flag.id, changes: { status } }));
    },
    [client, review, run],
  );

  const deleteFlag = useCallback(
    (flag: Annotation) => {
      if (!review) return;
      setSelectedFlag(undefined);
      void run(() => client.removeAnnotation({ reviewId: review.reviewId, id: flag.id }));
    },
    [client, review, run],
  );

  const submitDialog = async (v: FlagValues): Promise<Failure | undefined> => {
    if (!dialog || !review) return undefined;
    if (dialog.mode === 'edit') {
      return run(() =>
        client.changeAnnotation({
          reviewId: review.reviewId,
          id: dialog.flag.id,
          changes: { category: v.category, severity: v.severity, comment: v.comment, ...spanChange(dialog.flag, v) },
        }),
      );
    }
    const failure = await run(() => client.addAnnotation({ reviewId: review.reviewId, paragraphId: dialog.target.paragraphId, ...v }));
    if (!failure) window.getSelection()?.removeAllRanges();
    return failure;
  };

  const chosenSuggestions = () => suggestions?.filter((s) => s.id === selectedSuggestion) ?? [];

  return {
    dialog,
    closeDialog: () => setDialog(undefined),
    submitDialog,
    flagsByParagraph,
    selectedFlag,
    selectedSuggestion,
    selectedMark: selectedFlag ?? (selectedSuggestion ? suggestionMarkId(selectedSuggestion) : undefined),
    selectMark,
    selectFlag,
    chooseSuggestion,
    acceptSuggestions,
    dismissSuggestions,
    editFlag,
    setStatus,
    deleteFlag,
    commands: {
      selectedFlag: review?.annotations.find((f) => f.id === selectedFlag),
      hasSelectedSuggestion: !!suggestions?.some((s) => s.id === selectedSuggestion),
      stepSuggestion: (step) => {
        if (!suggestions || suggestions.length === 0) return;
        const at = suggestions.findIndex((s) => s.id === selectedSuggestion);
        chooseSuggestion(suggestions[stepIndex(at, suggestions.length, step)]);
      },
      acceptSuggestion: () => acceptSuggestions(chosenSuggestions()),
      dismissSuggestion: () => dismissSuggestions(chosenSuggestions()),
      flag: startFlag,
      stepFlag: (step) => {
        if (flagsInOrder.length === 0) return;
        const at = flagsInOrder.findIndex((f) => f.id === selectedFlag);
        selectFlag(flagsInOrder[stepIndex(at, flagsInOrder.length, step)]);
      },
      deselectFlag: () => {
        setSelectedFlag(undefined);
        setSelectedSuggestion(undefined);
      },
      editFlag,
      setStatus,
      deleteFlag,
    },
  };
}

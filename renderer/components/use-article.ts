/**
 * The open article and its review, as the app's other workflows read them: opening (at start-up, from a dialog, a
 * dropped file or another window), the paragraph cache, the paragraph in focus and going to one, undo and redo.
 * The other workflows act through `run` and `goTo` here, so there is one article state and one place that moves focus.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { OpenedReview, RedlineClient } from '../../shared/contract';
import type { Failure, Result } from '../../shared/result';
import { articleReducer, getEmptyState, type ArticleState } from '../state/article-state';
import { ParagraphCache } from '../state/paragraph-cache';
import { useReview, type ReviewHandle } from '../state/use-review';
import { desktopBridge } from '../transport/electron-client';
import type { ArticlePaneHandle } from './ArticlePane';

export interface ArticleHandle extends ReviewHandle {
  readonly state: ArticleState;
  readonly cache: ParagraphCache | undefined;
  /** The article pane, once mounted: it scrolls a paragraph into view. */
  readonly pane: RefObject<ArticlePaneHandle | null>;
  reportError(error: Failure): void;
  dismissError(): void;
  /** Puts a paragraph in focus, as the pane reports a click or a key. */
  focus(index: number): void;
  /** Puts a paragraph in focus and scrolls to it, with the keyboard. */
  goTo(index: number): void;
  /** Puts a paragraph in focus and scrolls to it, leaving the keyboard where it is (in the find bar). */
  reveal(index: number): void;
  /** Undoes the review's last change, if there is one to undo. */
  undo(): void;
  redo(): void;
  /** Opens an article as `request` asks; answers the failure, if any, which the error banner shows too. */
  open(request: () => Promise<Result<OpenedReview>>): Promise<Failure | undefined>;
  /** A file is dragged over the window. */
  readonly dragging: boolean;
  /** The window's handlers for a dropped file, which is opened. */
  readonly drop: {
    onDragOver(e: DragEvent): void;
    onDragLeave(e: DragEvent): void;
    onDrop(e: DragEvent): void;
  };
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function useArticle(client: RedlineClient): ArticleHandle {
  const [state, dispatch] = useReducer(articleReducer, undefined, getEmptyState);
  const [dragging, setDragging] = useState(false);
  const pane = useRef<ArticlePaneHandle>(null);
  const reportError = useCallback((error: Failure) => dispatch({ type: 'failed', error }), []);
  const reviewHandle = useReview(client, state.reviewId, state.done && !state.error, reportError);

  const cache = useMemo(
    () =>
      state.reviewId
        ? new ParagraphCache(
            client,
            state.reviewId,
            (error) => dispatch({ type: 'failed', error }),
            (w) => dispatch({ type: 'window', reviewId: state.reviewId!, ...w }),
          )
        : undefined,
    [client, state.reviewId],
  );

  useEffect(() => client.onEvent((event) => dispatch({ type: 'event', event })), [client]);
  useEffect(() => cache?.setLoaded(state.loaded), [cache, state.loaded]);
  useEffect(() => {
    if (!cache) return;
    return client.onEvent((e) => {
      if (e.type === 'review-changed' && e.reviewId === cache.reviewId) cache.refresh();
    });
  }, [client, cache]);

  const open = useCallback(async (request: () => Promise<Result<OpenedReview>>) => {
    dispatch({ type: 'opening' });
    const r = await request();
    if (r.ok) dispatch({ type: 'opened', review: r.value });
    else dispatch({ type: 'failed', error: r.error });
    return r.ok ? undefined : r.error;
  }, []);

  // Asked once per client: React's development checks run effects twice, and a second open of the same article
  // would replace the first review the page already holds.
  const startupAsked = useRef<RedlineClient>(undefined);
  useEffect(() => {
    if (startupAsked.current === client) return;
    startupAsked.current = client;
    void open(() => client.openStartup({}));
  }, [client, open]);

  const reviewPath = reviewHandle.review?.reviewPath;
  useEffect(() => {
    const reviewName = reviewPath?.split(/[\\/]/).pop();
    document.title = state.article ? `${state.article.name}${reviewName ? ` (${reviewName})` : ''} — Redline` : 'Redline';
  }, [state.article, reviewPath]);

  useEffect(() => {
    return client.onEvent((e) => {
      if (e.type === 'article-opened') dispatch({ type: 'opened', review: e.review });
    });
  }, [client]);

  const goTo = useCallback((index: number) => {
    dispatch({ type: 'focus', index });
    pane.current?.reveal(index);
  }, []);
  const reveal = useCallback((index: number) => {
    dispatch({ type: 'focus', index });
    pane.current?.reveal(index, { focus: false });
  }, []);
  const focus = useCallback((index: number) => dispatch({ type: 'focus', index }), []);
  const dismissError = useCallback(() => dispatch({ type: 'dismiss-error' }), []);

  const { review, run } = reviewHandle;
  const undo = useCallback(() => {
    if (review?.undoLabel) void run(() => client.undo({ reviewId: review.reviewId }));
  }, [client, review, run]);
  const redo = useCallback(() => {
    if (review?.redoLabel) void run(() => client.redo({ reviewId: review.reviewId }));
  }, [client, review, run]);

  const onDrop = useCallback(
    async (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (!file) return;
      const bridge = desktopBridge();
      if (bridge) {
        await open(() => client.openArticle({ path: bridge.pathForFile(file) }));
        return;
      }
      const base64 = await fileToBase64(file);
      await open(() => client.openDropped({ name: file.name, base64 }));
    },
    [client, open],
  );

  return {
    ...reviewHandle,
    state,
    cache,
    pane,
    reportError,
    dismissError,
    focus,
    goTo,
    reveal,
    undo,
    redo,
    open,
    dragging,
    drop: {
      onDragOver: (e) => {
        e.preventDefault();
        setDragging(true);
      },
      onDragLeave: (e) => {
        if (e.currentTarget === e.target) setDragging(false);
      },
      onDrop: (e) => void onDrop(e),
    },
  };
}

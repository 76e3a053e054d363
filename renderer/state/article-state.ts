/**
 * The open article as the renderer sees it: which review, its facts, load progress, the paragraph in focus and
 * what went wrong. One slice: state, actions, reducer.
 */
import type { OpenedReview, ServiceEvent } from '../../shared/contract';
import type { ArticleInfo } from '../../shared/model';
import type { Failure } from '../../shared/result';

export interface ArticleState {
  readonly reviewId?: string;
  readonly article?: ArticleInfo;
  readonly loaded: number;
  readonly done: boolean;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly mismatch?: { readonly source: number; readonly target: number };
  /** 0-based index of the paragraph in focus. */
  readonly current: number;
  readonly opening: boolean;
  readonly error?: Failure;
  /**
   * The article could not be read to its end (some paragraphs may show): its review does not open, whether or not
   * the reader dismissed the message saying why.
   */
  readonly loadFailed?: boolean;
  /**
   * The latest progress of an article whose open request has not been answered yet: a small file can finish
   * loading before the answer arrives, and its last event must not be lost.
   */
  readonly unclaimed?: LoadProgress;
}

type LoadProgress = Extract<ServiceEvent, { type: 'load-progress' }>;

function withProgress(state: ArticleState, e: LoadProgress): ArticleState {
  return {
    ...state,
    loaded: e.paragraphs,
    done: e.done,
    bytesRead: e.bytesRead,
    totalBytes: e.totalBytes,
    mismatch: e.mismatch,
    ...(e.error ? { error: e.error, loadFailed: true } : {}),
  };
}

export type ArticleAction =
  | { readonly type: 'opening' }
  | { readonly type: 'opened'; readonly review: OpenedReview }
  | { readonly type: 'failed'; readonly error: Failure }
  | { readonly type: 'dismiss-error' }
  | { readonly type: 'event'; readonly event: ServiceEvent }
  | { readonly type: 'focus'; readonly index: number }
  | {
      readonly type: 'window';
      readonly reviewId: string;
      readonly loaded: number;
      readonly done: boolean;
      readonly mismatch?: { readonly source: number; readonly target: number };
    };

export function getEmptyState(): ArticleState {
  return { loaded: 0, done: false, bytesRead: 0, totalBytes: 0, current: 0, opening: false };
}

export function articleReducer(state: ArticleState, action: ArticleAction): ArticleState {
  switch (action.type) {
    case 'opening':
      return { ...state, opening: true, error: undefined };
    case 'opened': {
      const { review } = action;
      const opened: ArticleState = {
        ...getEmptyState(),
        reviewId: review.reviewId,
        article: review.article,
        loaded: review.loaded,
        done: review.done,
        totalBytes: review.article.bytes,
      };
      const early = state.unclaimed;
      return early?.reviewId === review.reviewId && early.paragraphs >= review.loaded ? withProgress(opened, early) : opened;
    }
    case 'failed':
      return { ...state, opening: false, error: action.error };
    case 'dismiss-error':
      return { ...state, error: undefined };
    case 'focus': {
      const last = Math.max(0, state.loaded - 1);
      return { ...state, current: Math.min(Math.max(0, action.index), last) };
    }
    case 'window': {
      // An answer to a read may be newer than the last event heard, never older in what it counts.
      if (action.reviewId !== state.reviewId || (state.done && !action.done)) return state;
      if (action.loaded < state.loaded) return state;
      return {
        ...state,
        loaded: action.loaded,
        done: action.done,
        mismatch: action.mismatch,
        ...(action.done ? { bytesRead: state.totalBytes } : {}),
      };
    }
    case 'event': {
      const e = action.event;
      if (e.type !== 'load-progress') return state;
      return e.reviewId === state.reviewId ? withProgress(state, e) : { ...state, unclaimed: e };
    }
  }
}

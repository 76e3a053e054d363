import { describe, expect, it } from 'vitest';
import type { OpenedReview, ServiceEvent } from '../../shared/contract';
import { articleReducer, getEmptyState } from './article-state';

const opened = (reviewId: string, loaded: number, done = false): OpenedReview => ({
  reviewId,
  article: { path: '/a/story.txt', name: 'story.txt', format: 'txt', encoding: 'utf-8', bytes: 1000 },
  loaded,
  done,
});
const progress = (reviewId: string, paragraphs: number, done: boolean): ServiceEvent => ({
  type: 'load-progress',
  reviewId,
  bytesRead: done ? 1000 : 500,
  totalBytes: 1000,
  paragraphs,
  done,
});

describe('the open article in the renderer', () => {
  it('shows a load that finished before its open request was answered as finished', () => {
    let s = articleReducer(getEmptyState(), { type: 'event', event: progress('r1', 15, true) });
    s = articleReducer(s, { type: 'opened', review: opened('r1', 3) });
    expect(s).toMatchObject({ reviewId: 'r1', loaded: 15, done: true, bytesRead: 1000 });
  });

  it('ignores early progress of another article', () => {
    let s = articleReducer(getEmptyState(), { type: 'event', event: progress('old', 99, true) });
    s = articleReducer(s, { type: 'opened', review: opened('r2', 3) });
    expect(s).toMatchObject({ reviewId: 'r2', loaded: 3, done: false });
  });

  it('follows progress of the open article', () => {
    let s = articleReducer(getEmptyState(), { type: 'opened', review: opened('r1', 3) });
    s = articleReducer(s, { type: 'event', event: progress('r1', 8, false) });
    expect(s).toMatchObject({ loaded: 8, done: false });
    s = articleReducer(s, { type: 'event', event: progress('r1', 15, true) });
    expect(s).toMatchObject({ loaded: 15, done: true });
  });
});

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

  it('remembers that the article could not be read to its end, after the message saying why is dismissed', () => {
    let s = articleReducer(getEmptyState(), { type: 'opened', review: opened('r1', 3) });
    s = articleReducer(s, { type: 'event', event: progress('r1', 8, false) });
    expect(s.loadFailed).toBeUndefined();
    const error = { code: 'parse-error' as const, message: 'story.docx: word/document.xml line 1, column 9: unexpected close tag.' };
    const failed: ServiceEvent = {
      type: 'load-progress',
      reviewId: 'r1',
      bytesRead: 500,
      totalBytes: 1000,
      paragraphs: 8,
      done: true,
      error,
    };
    s = articleReducer(s, { type: 'event', event: failed });
    expect(s).toMatchObject({ loaded: 8, done: true, error, loadFailed: true });
    s = articleReducer(s, { type: 'dismiss-error' });
    expect(s.error).toBeUndefined();
    expect(s.loadFailed).toBe(true);
    expect(articleReducer(s, { type: 'opened', review: opened('r2', 3) }).loadFailed).toBeUndefined();
  });

  it('follows progress of the open article', () => {
    let s = articleReducer(getEmptyState(), { type: 'opened', review: opened('r1', 3) });
    s = articleReducer(s, { type: 'event', event: progress('r1', 8, false) });
    expect(s).toMatchObject({ loaded: 8, done: false });
    s = articleReducer(s, { type: 'event', event: progress('r1', 15, true) });
    expect(s).toMatchObject({ loaded: 15, done: true });
  });
});

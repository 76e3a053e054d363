import { describe, expect, it } from 'vitest';
import { openingText } from './opening-text';

const progress = (bytesRead: number, totalBytes: number) =>
  ({ type: 'load-progress', reviewId: 'r1', bytesRead, totalBytes, paragraphs: 0, done: false }) as const;

describe('what the pane says while an article opens', () => {
  it('says how much of the file is read, then that its paragraphs are being found', () => {
    expect(openingText(undefined)).toBe('Opening…');
    expect(openingText(progress(16 * 1024 * 1024, 63 * 1024 * 1024))).toBe('Opening… 16.0 MB of 63.0 MB read');
    expect(openingText(progress(63 * 1024 * 1024, 63 * 1024 * 1024))).toBe('Opening… all 63.0 MB read; finding the paragraphs');
  });
});

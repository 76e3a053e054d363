/**
 * What the article pane says while an article opens, before its first paragraphs show: how much of the file has
 * been read, and once all of it has, that its paragraphs are being found. A Word document is read in moments and
 * then parsed whole, which can take some seconds, and a page that marks no article gives its paragraphs only at its
 * end; without the second line the pane seemed stuck.
 */
import type { ServiceEvent } from '../../shared/contract';
import { formatBytes } from './format-bytes';

type LoadProgress = Extract<ServiceEvent, { type: 'load-progress' }>;

export function openingText(progress: LoadProgress | undefined): string {
  if (!progress || progress.totalBytes <= 0 || progress.error) return 'Opening…';
  const total = formatBytes(progress.totalBytes);
  if (progress.bytesRead < progress.totalBytes) return `Opening… ${formatBytes(progress.bytesRead)} of ${total} read`;
  return `Opening… all ${total} read; finding the paragraphs`;
}

/**
 * Writes an adjudicated review (see shared/report/adjudication.ts) as a new review file, the way every review file
 * is written: the header, then each event appended and flushed. The command line and the app both write through
 * here, so the same decisions give the same file. A file that exists is never replaced.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EventBody, JournalHeader } from '../../shared/journal/journal-event';
import { fail, ok, type Result } from '../../shared/result';
import { ReviewJournal } from '../journal/review-journal';

export async function writeAdjudicatedReview(
  path: string,
  review: { readonly header: JournalHeader; readonly events: readonly EventBody[] },
): Promise<Result<{ readonly path: string }>> {
  if (!path.toLowerCase().endsWith('.redline'))
    return fail('bad-request', `The adjudicated review is a review file: name it NAME.redline, not ${basename(path)}.`);
  const existing = await stat(path).then(
    (s) => (s.isDirectory() ? 'a folder' : 'a file'),
    () => undefined,
  );
  if (existing)
    return fail('conflict', `${path} is already ${existing}; an adjudicated review is always a new file, so choose another name.`);
  const created = await ReviewJournal.create(path, review.header);
  if (!created.ok) return created;
  const journal = created.value;
  try {
    for (const body of review.events) {
      const appended = await journal.append(body);
      if (!appended.ok) return fail('io-error', `${basename(path)} could not be written completely: ${appended.error.message}`);
    }
  } finally {
    await journal.close();
  }
  return ok({ path });
}

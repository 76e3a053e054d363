/** Review files written for tests the way the app writes them: a header, then each event appended and flushed. */
import type { EventBody, JournalHeader } from '../../shared/journal/journal-event';
import { ReviewJournal } from '../journal/review-journal';

export async function writeReviewFile(path: string, header: JournalHeader, bodies: readonly EventBody[]): Promise<void> {
  const journal = await ReviewJournal.create(path, header);
  if (!journal.ok) throw new Error(journal.error.message);
  for (const body of bodies) {
    const r = await journal.value.append(body);
    if (!r.ok) throw new Error(r.error.message);
  }
  await journal.value.close();
}

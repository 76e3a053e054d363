/**
 * A Redline service in a process of its own, for the tests of two processes on one review. Arguments: the data
 * folder and the article. It opens the article and prints `ready writable` or `ready read-only` once its review is
 * open (or `failed CODE` when it could not be). Then each input line `flag N` adds a flag whose comment is `N` and
 * prints `ack N` once the service answers it saved, or `refused N CODE`; `close` closes the service (every
 * queued write reaches the disk first), prints `closed` and exits.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ReviewService } from '../review-service';

async function main(dataDir: string, article: string): Promise<void> {
  const say = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const service = new ReviewService({
    host: 'browser',
    version: 'test',
    dataDir,
    sample: { path: join(dataDir, 'sample', 'none.txt'), sourcePath: join(dataDir, 'sample', 'none.txt') },
  });
  const opened = await service.openArticle({ path: article });
  if (!opened.ok) {
    say(`failed ${opened.error.code}`);
    return;
  }
  const reviewId = opened.value.reviewId;
  for (;;) {
    const r = await service.getReview({ reviewId });
    if (!r.ok) {
      say(`failed ${r.error.code}`);
      return;
    }
    if (r.value) {
      say(`ready ${r.value.readOnly ? 'read-only' : 'writable'}`);
      break;
    }
    await new Promise((done) => setTimeout(done, 5));
  }
  const pending: Promise<void>[] = [];
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, n] = line.split(' ');
    if (command === 'flag') {
      pending.push(
        service
          .addAnnotation({
            reviewId,
            paragraphId: 'p1',
            side: 'target',
            start: 0,
            end: 3,
            category: 'Accuracy/Mistranslation',
            severity: 'minor',
            comment: n!,
          })
          .then((r) => say(r.ok ? `ack ${n}` : `refused ${n} ${r.error.code}`)),
      );
    } else if (command === 'close') {
      await Promise.all(pending);
      await service.close();
      say('closed');
      process.exit(0);
    }
  }
}

const [dataDir, article] = process.argv.slice(2);
main(dataDir!, article!).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

/**
 * The process the crash-safety test kills. Its first input line is `PATH SEED`: it opens (or starts) the review
 * file at PATH, sometimes compacts it, then appends flags and typing edits in bursts without waiting, printing
 * `ready SEQ` once the review is open and one line per acknowledged event: `ack SEQ flag ID` or
 * `ack SEQ edit PARAGRAPH`. Some flags carry long comments so that writes are large enough to be cut short by the
 * kill. Every choice comes from SEED, so a failing run's events can be replayed; only the kill moment cannot.
 */
import type { EventBody } from '../../shared/journal/journal-event';
import { sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { seededRandom } from '../../shared/seeded-random';
import { ReviewJournal } from './review-journal';

const PARAGRAPHS = 20;
/**
 * A review longer than this is sometimes compacted on opening. Low enough that each of the crash test's files passes
 * it after a few of its runs, so kills land during and after compactions, not only in long tests.
 */
const COMPACT_AFTER_SEQ = 30;
/**
 * Events appended and not yet acknowledged before the child waits for the disk: enough for group commits of
 * several events, bounded so that how much the child writes before its kill depends on its own progress, not on
 * how soon a busy machine lets the test deliver the kill.
 */
const MAX_IN_FLIGHT = 6;

async function main(path: string, random: () => number): Promise<void> {
  const opened = await ReviewJournal.open(path);
  let journal: ReviewJournal;
  if (opened.ok) {
    journal = opened.value.journal;
  } else if (opened.error.code === 'not-found') {
    const created = await ReviewJournal.create(path, sampleHeader(PARAGRAPHS, 'crash.txt'));
    if (!created.ok) throw new Error(created.error.message);
    journal = created.value;
  } else {
    throw new Error(`${opened.error.code}: ${opened.error.message}`);
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`ready ${journal.state.lastSeq}`);
  if (journal.state.lastSeq > COMPACT_AFTER_SEQ && random() < 0.2) {
    const compacted = await journal.compact();
    if (!compacted.ok) throw new Error(compacted.error.message);
    say('compacted');
  }
  let inFlight = 0;
  let wake: (() => void) | undefined;
  for (;;) {
    const burst = 1 + Math.floor(random() * 6);
    for (let i = 0; i < burst; i++) {
      const seq = journal.state.lastSeq + 1;
      const paragraph = `p${1 + Math.floor(random() * PARAGRAPHS)}`;
      const body: EventBody =
        random() < 0.5
          ? {
              type: 'annotation-added',
              annotation: sampleAnnotation(`a${seq}`, paragraph, {
                comment: random() < 0.05 ? 'long comment '.repeat(600) : `flag ${seq}`,
              }),
            }
          : { type: 'paragraph-edited', paragraphId: paragraph, text: `draft ${seq}`, group: `burst-${paragraph}` };
      inFlight += 1;
      void journal.append(body).then((r) => {
        if (!r.ok) throw new Error(r.error.message);
        inFlight -= 1;
        wake?.();
        say(body.type === 'annotation-added' ? `ack ${r.value.seq} flag ${body.annotation.id}` : `ack ${r.value.seq} edit ${paragraph}`);
      });
    }
    await new Promise((r) => setTimeout(r, random() * 3));
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
  }
}

// The path arrives on stdin, so the test can start this process ahead of time and only then point it at the file.
let input = '';
process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
  input += chunk;
  const newline = input.indexOf('\n');
  if (newline >= 0) {
    process.stdin.pause();
    const line = input.slice(0, newline);
    const space = line.lastIndexOf(' ');
    void main(line.slice(0, space), seededRandom(Number(line.slice(space + 1))));
  }
});

/**
 * The process the crash-safety test kills. It opens (or starts) the review file named on its first input line,
 * sometimes compacts it, then appends flags and typing edits in bursts without waiting, printing one line per
 * acknowledged event: `ack SEQ flag ID` or `ack SEQ edit PARAGRAPH`. Some flags carry long comments so that
 * writes are large enough to be cut short by the kill.
 */
import type { EventBody } from '../../shared/journal/journal-event';
import { sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { ReviewJournal } from './review-journal';

const PARAGRAPHS = 20;

async function main(path: string): Promise<void> {
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
  if (journal.state.lastSeq > 100 && Math.random() < 0.2) {
    const compacted = await journal.compact();
    if (!compacted.ok) throw new Error(compacted.error.message);
    say('compacted');
  }
  for (;;) {
    const burst = 1 + Math.floor(Math.random() * 6);
    for (let i = 0; i < burst; i++) {
      const seq = journal.state.lastSeq + 1;
      const paragraph = `p${1 + Math.floor(Math.random() * PARAGRAPHS)}`;
      const body: EventBody =
        Math.random() < 0.5
          ? {
              type: 'annotation-added',
              annotation: sampleAnnotation(`a${seq}`, paragraph, {
                comment: Math.random() < 0.1 ? 'long comment '.repeat(1500) : `flag ${seq}`,
              }),
            }
          : { type: 'paragraph-edited', paragraphId: paragraph, text: `draft ${seq}`, group: `burst-${paragraph}` };
      void journal.append(body).then((r) => {
        if (!r.ok) throw new Error(r.error.message);
        say(body.type === 'annotation-added' ? `ack ${r.value.seq} flag ${body.annotation.id}` : `ack ${r.value.seq} edit ${paragraph}`);
      });
    }
    await new Promise((r) => setTimeout(r, Math.random() * 3));
  }
}

// The path arrives on stdin, so the test can start this process ahead of time and only then point it at the file.
let input = '';
process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
  input += chunk;
  const newline = input.indexOf('\n');
  if (newline >= 0) {
    process.stdin.pause();
    void main(input.slice(0, newline));
  }
});

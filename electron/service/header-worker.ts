/**
 * The thread that works beside a long article's loading (see header-builder.ts): it makes the new review's header,
 * each settled paragraph as the JSON the header holds, in UTF-8, and counts each translation's words for the
 * scores and edit rates, a run of paragraphs at a time. Making 60 MB of JSON and its bytes, and counting, take the
 * loading thread more than a second; here they run beside the loading. The bytes go to a file as they are made
 * (held in memory, they would add the article's size again to the service's peak), the counts back without a copy.
 */
import { writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { parentPort } from 'node:worker_threads';
import { makeRun, type HeaderBytes, type HeaderRun } from './header-json';
import { prepareWordCounting } from '../../shared/scoring/word-count';

// The counting's tables are built as the thread starts, before it is given paragraphs (some milliseconds).
prepareWordCounting();

parentPort?.on('message', (run: HeaderRun) => {
  const { bytes, counts } = makeRun(run);
  // No file when the bytes are only summed (see SUMMED_ONLY in header-builder.ts).
  for (let at = 0; run.fd >= 0 && at < bytes.length;) at += writeSync(run.fd, bytes, at, bytes.length - at);
  const answer: HeaderBytes = { from: run.from, length: bytes.length, crc32: crc32(bytes), counts };
  // The arrays are fresh, so their buffers are plain ArrayBuffers that can be handed over.
  parentPort!.postMessage(answer, [counts.words.buffer, counts.terWords.buffer, counts.terChars.buffer] as ArrayBuffer[]);
});

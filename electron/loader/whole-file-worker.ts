/**
 * The thread that reads an article whose paragraphs may all be known only at its end: an HTML page (which element is
 * the article), a bilingual table (quoted fields span lines), a Word document (a ZIP package of XML). Parsing a long
 * page took parse5 seconds of one thread, and the loader runs in the service's thread, which answers the reviewer:
 * so the loader hands the text over as it decodes it (or the document's bytes at once), and this thread parses each
 * piece as it comes and says when it has taken it, with the paragraphs of a page that nothing further in it can
 * change (the loader sends the next few pieces only then: pieces waiting in a queue held a long page's whole text at
 * once). The paragraphs known only at the end it hands back a few hundred at a time, each batch when the service
 * asks for it: messages that wait in a queue are all taken in one turn of the service's event loop, so a hundred
 * batches sent at once held it as long as one. One article per thread: the loader ends the thread once it has the
 * paragraphs.
 */
import { parentPort } from 'node:worker_threads';
import type { Block } from '../../shared/model';
import { BLOCKS_PER_ANSWER, type WholeFileAnswer, type WholeFileRequest } from './whole-file-protocol';
import { createSplitter, type BlockSplitter } from '../../shared/formats/block-splitter';
import { htmlReader, type HtmlReader } from '../../shared/formats/html/html-reader';
import { readDocxInSteps } from '../../shared/formats/docx/docx-reader';
import { assertNever, type Failure } from '../../shared/result';
import { giveWayToService } from '../service/thread-priority';
import { packBlocks } from '../../shared/formats/packed-blocks';

giveWayToService();

/** A page's reader, or a table's splitter (which gives no paragraph before the end). */
let page: HtmlReader | undefined;
let splitter: BlockSplitter | undefined;
/**
 * The paragraphs to hand over (a page's and a table's read at the end, a Word document's as it is read), the
 * element of the page they are of, how many have been handed over, whether all are read, and whether the service
 * waits for a batch.
 */
let read: Block[] = [];
let readOf = 0;
let handed = 0;
let allRead = false;
let asked = false;
/** A Word document's reading, waiting for the service to take what was read (see `untilTaken`). */
let resumeReading: (() => void) | undefined;

/**
 * Resolves once the service has taken all but a batch or two of the paragraphs read: reading ran ahead of the
 * service taking them, and the thread held 14,000 paragraphs of a long document at once.
 */
function untilTaken(): Promise<void> {
  return new Promise((resolve) => {
    if (read.length - handed < 2 * BLOCKS_PER_ANSWER) setImmediate(resolve);
    else resumeReading = resolve;
  });
}

parentPort?.on('message', (request: WholeFileRequest) => {
  try {
    switch (request.kind) {
      case 'text-start':
        if (request.format === 'html') page = htmlReader(request.name);
        else splitter = createSplitter(request.format, request.name);
        return;
      case 'text': {
        if (!page) {
          splitter!.push(request.text);
          return answer({ kind: 'taken' });
        }
        // The paragraphs a page's piece completes go at once: the service holds those not yet sure (see HtmlRead).
        const { blocks, of, sure } = page.push(request.text);
        return answer(blocks.length > 0 ? { kind: 'taken', read: { ...packBlocks(blocks), of, sure } } : { kind: 'taken' });
      }
      case 'text-end': {
        if (page) {
          const end = page.end();
          if (!end.ok) return answer({ kind: 'failed', error: end.error });
          read = end.value.blocks;
          readOf = end.value.of;
        } else {
          read = splitter!.end();
          if (splitter!.failure) return answer({ kind: 'failed', error: splitter!.failure });
        }
        allRead = true;
        return next();
      }
      case 'docx':
        asked = true;
        return void readDocxInSteps(
          request.bytes,
          request.name,
          (blocks) => {
            for (const b of blocks) read.push(b);
            if (asked && read.length - handed >= BLOCKS_PER_ANSWER) next();
          },
          untilTaken,
        ).then(
          (docx) => {
            if (!docx.ok) return answer({ kind: 'failed', error: docx.error });
            allRead = true;
            if (asked) next();
          },
          (e: unknown) => answer({ kind: 'failed', error: internalFailure(e) }),
        );
      case 'next':
        return next();
      default:
        return assertNever(request, 'whole-file request');
    }
  } catch (e) {
    answer({ kind: 'failed', error: internalFailure(e) });
  }
});

function internalFailure(e: unknown): Failure {
  return { code: 'internal', message: `Reading the article failed: ${e instanceof Error ? e.message : String(e)}.` };
}

function answer(message: WholeFileAnswer): void {
  parentPort!.postMessage(message);
}

/**
 * Hands over the next batch, or says that all have been; while a Word document is still being read and a batch is
 * not full yet, answers once it is. A batch handed over is let go here: the service keeps its own copy, and the two
 * copies of a long article's paragraphs held at once added the article's size to the peak.
 */
function next(): void {
  asked = !allRead && read.length - handed < BLOCKS_PER_ANSWER;
  if (asked) return;
  if (handed >= read.length) return answer({ kind: 'done', of: readOf });
  const blocks = read.slice(handed, handed + BLOCKS_PER_ANSWER);
  read.fill(HANDED, handed, handed + blocks.length);
  handed += blocks.length;
  if (resumeReading && read.length - handed < 2 * BLOCKS_PER_ANSWER) {
    const resume = resumeReading;
    resumeReading = undefined;
    setImmediate(resume);
  }
  answer({ kind: 'blocks', of: readOf, ...packBlocks(blocks) });
}

/** What stands in `read` for a paragraph handed over. */
const HANDED: Block = { kind: 'text', text: '' };

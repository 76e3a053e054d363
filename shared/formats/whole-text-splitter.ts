/**
 * Splitters for formats that are parsed whole (a table whose quoted fields span lines): the text is gathered as it
 * streams in and parsed at the end. The loader reads such a file chunk by chunk all the same, and runs its splitter
 * in a thread of its own (electron/loader/whole-file-worker.ts).
 */
import type { Block } from '../model';
import type { Failure, Result } from '../result';
import { readBilingualTable } from './bilingual-tsv';
import type { BlockSplitter } from './block-splitter';
import { looksLikeWmtTsv } from './wmt-import';

function wholeText(parse: (text: string) => Result<Block[]>): BlockSplitter {
  const pieces: string[] = [];
  let failure: Failure | undefined;
  return {
    push(text) {
      pieces.push(text);
      return [];
    },
    end() {
      const parsed = parse(pieces.join(''));
      pieces.length = 0;
      if (parsed.ok) return parsed.value;
      failure = parsed.error;
      return [];
    },
    get failure() {
      return failure;
    },
  };
}

/**
 * A bilingual table. A WMT annotation file has the same extension but holds many systems' translations and flags:
 * it is refused here with the command that imports it, rather than read as a table of the wrong columns.
 */
export function createTableSplitter(name = 'The table'): BlockSplitter {
  return wholeText((text) =>
    looksLikeWmtTsv(text)
      ? {
          ok: false,
          error: {
            code: 'unsupported',
            message: `${name} is a WMT MQM annotation file; import one document and system of it with: redline import ${name} --doc ID --system NAME --out REVIEW.redline`,
          },
        }
      : readBilingualTable(text, name),
  );
}

/** A Word document is a ZIP archive, read by the loader as bytes; reaching this splitter means it was read as text. */
export function createDocxTextSplitter(name = 'The document'): BlockSplitter {
  return wholeText(() => ({
    ok: false,
    error: { code: 'parse-error', message: `${name} is not a Word document (it is text, not a ZIP package).` },
  }));
}

/**
 * XLIFF as the loader sees it: a block splitter that turns each translation unit into a paragraph as soon as its
 * end tag is read. A parse failure (malformed XML, an entity declaration, a root that is not XLIFF) stops the
 * splitter and is kept in `failure` for the loader to report, naming the file, line and column.
 */
import type { Block } from '../../model';
import type { Failure } from '../../result';
import type { BlockSplitter } from '../block-splitter';
import { createXliffReader, type XliffUnit } from './xliff-reader';

export interface XliffSplitter extends BlockSplitter {
  /** Set once the document failed to parse; no blocks come after it. */
  readonly failure: Failure | undefined;
}

/** The paragraph a unit becomes. */
export function unitBlock(unit: XliffUnit): Block {
  return {
    kind: 'text',
    text: unit.target,
    source: unit.source,
    ref: unit.id,
    ...(unit.codes.length > 0 ? { codes: unit.codes } : {}),
    ...(unit.sourceCodes.length > 0 ? { sourceCodes: unit.sourceCodes } : {}),
    ...(unit.notes.length > 0 ? { notes: unit.notes } : {}),
    ...(unit.state !== undefined ? { state: unit.state } : {}),
    ...(unit.flags.length > 0 ? { flags: unit.flags } : {}),
  };
}

export function createXliffSplitter(name = 'The XLIFF file'): XliffSplitter {
  let out: Block[] = [];
  const reader = createXliffReader(name, { onUnit: (unit) => out.push(unitBlock(unit)) });
  const take = () => {
    const blocks = out;
    out = [];
    return blocks;
  };
  return {
    push(text) {
      reader.write(text);
      return take();
    },
    end() {
      reader.close();
      return take();
    },
    get failure() {
      return reader.failure;
    },
  };
}

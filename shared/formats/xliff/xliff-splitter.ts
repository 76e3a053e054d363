/**
 * XLIFF as the loader sees it: a block splitter that turns each translation unit into a paragraph as soon as its
 * end tag is read. A parse failure (malformed XML, an entity declaration, a root that is not XLIFF) stops the
 * splitter and is kept in `failure` for the loader to report, naming the file, line and column.
 */
import type { Block, ImportedFlag, InlineCode } from '../../model';
import { ownString } from '../../own-string';
import type { Failure } from '../../result';
import type { BlockSplitter } from '../block-splitter';
import { ownTexts } from '../packed-blocks';
import { createXliffReader, type XliffUnit } from './xliff-reader';

export interface XliffSplitter extends BlockSplitter {
  /** Set once the document failed to parse; no blocks come after it. */
  readonly failure: Failure | undefined;
}

/**
 * The paragraph a unit becomes. Its strings are the reader's pieces of the document's text, which keep the whole
 * piece of the file they were cut from: the paragraph, kept as long as the review is open, has copies of its own
 * (its texts are copied by the splitter, a batch at a time: see `ownTexts`).
 */
function unitBlock(unit: XliffUnit): Block {
  return {
    kind: 'text',
    text: unit.target,
    source: unit.source,
    ref: ownString(unit.id),
    ...(unit.codes.length > 0 ? { codes: unit.codes.map(ownCode) } : {}),
    ...(unit.sourceCodes.length > 0 ? { sourceCodes: unit.sourceCodes.map(ownCode) } : {}),
    ...(unit.notes.length > 0 ? { notes: unit.notes.map(ownString) } : {}),
    ...(unit.state !== undefined ? { state: ownString(unit.state) } : {}),
    ...(unit.flags.length > 0 ? { flags: unit.flags.map(ownFlag) } : {}),
  };
}

function ownCode(code: InlineCode): InlineCode {
  return {
    kind: code.kind,
    ...(code.id !== undefined ? { id: ownString(code.id) } : {}),
    label: ownString(code.label),
    data: ownString(code.data),
  };
}

function ownFlag(flag: ImportedFlag): ImportedFlag {
  return { ...flag, category: ownString(flag.category), comment: ownString(flag.comment), rater: ownString(flag.rater) };
}

export function createXliffSplitter(name = 'The XLIFF file'): XliffSplitter {
  let out: Block[] = [];
  const reader = createXliffReader(name, { onUnit: (unit) => out.push(unitBlock(unit)) });
  const take = () => {
    const blocks = out;
    out = [];
    return ownTexts(blocks);
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

/**
 * A strict XML reader for the parts of a Word document, on saxes (also used for XLIFF): each element comes with
 * its offsets in the text, so a writer can copy untouched parts byte for byte and splice in only what changed.
 * A document type declaration is refused outright: Word never writes one, and it is the door to entity
 * expansion attacks ("billion laughs") and external entities. Errors name the part, line and column.
 */
import { SaxesParser } from 'saxes';
import { fail, ok, type Result } from '../../result';
import { TextWindow } from '../text-window';

export interface XmlElementStart {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offset of `<` in the text. */
  readonly start: number;
  /** Offset just past the start tag's `>`. */
  readonly tagEnd: number;
  readonly selfClosing: boolean;
}

export interface XmlHandlers {
  readonly open?: (element: XmlElementStart) => void;
  /** `end` is the offset just past the element's end tag (or its self-closing start tag). */
  readonly close?: (name: string, end: number) => void;
  /** Character data, entities resolved. */
  readonly text?: (text: string) => void;
}

class XmlStop extends Error {}

/** Reads XML given in pieces, calling the handlers in document order. */
export interface XmlReader {
  /** Reads the next piece (nothing more once the text has failed). */
  push(text: string): void;
  /** Ends the text: fails naming the part, line and column of the first problem. */
  end(): Result<void>;
  /** The text read so far, as far as it is kept: the caller lets go of what neither it nor the reader needs. */
  readonly window: TextWindow;
  /** The reader needs nothing of the text before this offset (just past the last tag it met). */
  readonly needsFrom: number;
}

/** A reader of the XML of `part`, given a piece at a time (a long document's text is never one string). */
export function xmlReader(part: string, handlers: XmlHandlers): XmlReader {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const window = new TextWindow();
  let needsFrom = 0;
  let problem: string | undefined;
  const stop = (why: string): never => {
    problem ??= `${part} line ${parser.line}, column ${parser.column}: ${why}`;
    throw new XmlStop(problem);
  };
  parser.on('error', (e) => stop(e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')));
  parser.on('doctype', () => stop('a document type declaration is not allowed (entity expansion is refused).'));
  parser.on('opentag', (tag) => {
    const tagEnd = parser.position;
    const start = window.lastIndexOf('<', tagEnd - 1);
    needsFrom = tagEnd;
    handlers.open?.({ name: tag.name, attributes: tag.attributes, start, tagEnd, selfClosing: tag.isSelfClosing });
  });
  parser.on('closetag', (tag) => {
    needsFrom = parser.position;
    handlers.close?.(tag.name, parser.position);
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', (t) => onText(t));
    parser.on('cdata', (t) => onText(t));
  }
  const guarded = (step: () => void) => {
    if (problem !== undefined) return;
    try {
      step();
    } catch (e) {
      if (!(e instanceof XmlStop))
        problem ??= `${part} line ${parser.line}, column ${parser.column}: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  return {
    push(text) {
      window.add(text);
      guarded(() => parser.write(text));
    },
    end() {
      guarded(() => parser.close());
      return problem === undefined ? ok(undefined) : fail('parse-error', problem);
    },
    window,
    get needsFrom() {
      return needsFrom;
    },
  };
}

/** Reads `text` once, calling the handlers in document order; fails naming `part`, line and column. */
export function readXml(text: string, part: string, handlers: XmlHandlers): Result<void> {
  const reader = xmlReader(part, handlers);
  reader.push(text);
  return reader.end();
}

/** Text escaped for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Characters XML 1.0 cannot hold at all (most C0 controls): a reviewer's text is written without them rather
 * than producing a document Word refuses to open.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/**
 * A strict XML reader for the parts of a Word document, on saxes (also used for XLIFF): each element comes with
 * its offsets in the text, so a writer can copy untouched parts byte for byte and splice in only what changed.
 * A document type declaration is refused outright: Word never writes one, and it is the door to entity
 * expansion attacks ("billion laughs") and external entities. Errors name the part, line and column.
 */
import { SaxesParser } from 'saxes';
import { fail, ok, type Result } from '../../result';

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

/** Reads `text` once, calling the handlers in document order; fails naming `part`, line and column. */
export function readXml(text: string, part: string, handlers: XmlHandlers): Result<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let problem: string | undefined;
  const stop = (why: string): never => {
    problem ??= `${part} line ${parser.line}, column ${parser.column}: ${why}`;
    throw new XmlStop(problem);
  };
  parser.on('error', (e) => stop(e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')));
  parser.on('doctype', () => stop('a document type declaration is not allowed (entity expansion is refused).'));
  parser.on('opentag', (tag) => {
    const tagEnd = parser.position;
    const start = text.lastIndexOf('<', tagEnd - 1);
    handlers.open?.({ name: tag.name, attributes: tag.attributes, start, tagEnd, selfClosing: tag.isSelfClosing });
  });
  parser.on('closetag', (tag) => handlers.close?.(tag.name, parser.position));
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', (t) => onText(t));
    parser.on('cdata', (t) => onText(t));
  }
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof XmlStop) return fail('parse-error', problem!);
    return fail('parse-error', `${part} line ${parser.line}, column ${parser.column}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return problem === undefined ? ok(undefined) : fail('parse-error', problem);
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

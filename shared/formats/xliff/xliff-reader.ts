/**
 * Reads XLIFF 1.2, XLIFF 2.0-2.2 and SDLXLIFF (Trados's XLIFF 1.2 with its `sdl` namespace) unit by unit, as the
 * text arrives, so the first units show before a large file is read. Each translation unit becomes one paragraph:
 * its segments joined by a space, inline codes kept as one private-use character each (see InlineCode), notes and
 * segment states kept, and ITS 2.0 Localization Quality Issue markup turned into flags. The reader also records
 * where each unit's targets, states and quality markup sit in the text, so a writer can put corrected targets back
 * into the original file without touching anything else.
 *
 * Parser: saxes. It is a strict, non-validating, streaming parser in plain JavaScript: text is written to it in
 * chunks (the loader's streaming stays as it is for plain text), it resolves namespaces (XLIFF is told apart by
 * its namespace, ITS and SDL attributes by theirs), and it reports the exact character position of every tag and
 * the line and column of every error. It never fetches anything and does not expand entities declared in a DTD;
 * on top of that a DTD that declares entities is refused outright with a message naming the risk. A DOM parser
 * (@xmldom/xmldom) would need the whole file before the first paragraph; fast-xml-parser is fast but builds
 * objects without the positions the writer needs.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { inlineCodeChar, MAX_INLINE_CODES, type InlineCode, type Side } from '../../model';
import type { Failure } from '../../result';
import { flagFromIts, ITS_NS, REDLINE_NS, type ImportedFlagValues, type ItsIssue, type ItsProvenance } from './xliff-its';

export const XLIFF_12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF_20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF_22_NS = 'urn:oasis:names:tc:xliff:document:2.2';
export const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';

/** The formats Redline reads, in words, for messages about a file it cannot read. */
export const KNOWN_FORMATS_TEXT = 'plain text, Markdown, XLIFF 1.2, XLIFF 2.0-2.2 and SDLXLIFF';

/** How the units of a document are written. */
export type XliffDialect = 'xliff-1.2' | 'sdlxliff' | 'xliff-2';

/** A stretch of the document text: `start` inclusive, `end` exclusive, in UTF-16 code units of the decoded text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** One segment of a unit, with where its target sits. */
export interface XliffSegment {
  /** XLIFF 2 segment id, or the `mid` of an XLIFF 1.2 segment marker. */
  readonly id?: string;
  /** The target text (with code characters), or undefined when the segment has no target. */
  readonly target?: string;
  /** Inner content of the target (or of its segment marker). */
  readonly targetContent?: TextRange;
  /** The whole target element when it is written `<target/>`: replaced by one with content. */
  readonly emptyTarget?: TextRange;
  /** Where a target goes when the segment has none (after its source). */
  readonly insertTargetAt?: number;
  /** The start tag that carries the segment's state: an XLIFF 2 `<segment>`, an XLIFF 1.2 `<target>`. */
  readonly stateTag?: TextRange;
  readonly state?: string;
}

/** A stand-off group of issues (`its:locQualityIssues`) inside a unit. */
export interface StandOffGroup {
  readonly id: string;
  readonly range: TextRange;
  readonly issues: readonly ItsIssue[];
}

/** A translation unit as read: what becomes a paragraph, and where its parts sit in the document. */
export interface XliffUnit {
  readonly id: string;
  /** The unit's text in the document, from its start tag to its end tag. */
  readonly text: string;
  readonly dialect: XliffDialect;
  readonly range: TextRange;
  /** End of the unit's start tag: where stand-off issues of an XLIFF 2 unit go. */
  readonly bodyStart: number;
  readonly segments: readonly XliffSegment[];
  readonly target: string;
  readonly source: string;
  readonly codes: readonly InlineCode[];
  readonly sourceCodes: readonly InlineCode[];
  readonly notes: readonly string[];
  readonly state?: string;
  readonly flags: readonly ImportedFlagValues[];
  /** True when the target carries quality markup (inline, or a reference to stand-off issues). */
  readonly targetHasIssues: boolean;
  /** The target element's start tags (XLIFF 1.2: one; XLIFF 2: one per segment), to clear element-level markup. */
  readonly targetTags: readonly TextRange[];
  readonly standOff: readonly StandOffGroup[];
  /** Ids of stand-off groups the target refers to. */
  readonly targetRefs: readonly string[];
  /** SDLXLIFF: each segment's `sdl:seg` start tag and confirmation level, by segment id. */
  readonly sdlSegments: ReadonlyMap<string, { readonly tag: TextRange; readonly conf?: string }>;
  /** XLIFF 1.2 with `seg-source`: segments are `mrk mtype="seg"` markers inside the target. */
  readonly segmented: boolean;
  /** End of `</target>` (XLIFF 1.2), where new stand-off issues go. */
  readonly targetEnd?: number;
}

/** What the reader learnt about the document as a whole. */
export interface XliffDocument {
  readonly dialect: XliffDialect;
  readonly version: string;
  /** Namespace of the XLIFF elements ('' for XLIFF 1.x without one). */
  readonly ns: string;
  /** Source and target languages, as the document (or its first file) states them. */
  readonly srcLang?: string;
  readonly trgLang?: string;
}

export interface XliffReaderEvents {
  readonly onDocument?: (doc: XliffDocument) => void;
  readonly onUnit: (unit: XliffUnit) => void;
}

export interface XliffReader {
  /** Parses more of the document. After a failure, further text is ignored. */
  write(text: string): void;
  /** Ends the document: a document cut short fails here. */
  close(): void;
  readonly failure: Failure | undefined;
  /** The document's languages as far as read (XLIFF 1.2 states them on its first `<file>`). */
  languages(): { readonly srcLang?: string; readonly trgLang?: string };
}

/** A parse failure with the file, line and column in the message (what saxes says, in the reviewer's words). */
export class XliffError extends Error {
  constructor(
    readonly code: Failure['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Whether an element carries Localization Quality Issue markup. */
// Attributes are looked up by walking the tag's own record: a 10,000-unit file has some 200,000 tags, and copying
// each record into an array per lookup made the garbage collector the reader's largest cost.
function lqiAttributes(tag: SaxesTagNS): boolean {
  const attributes = tag.attributes;
  for (const key in attributes) {
    const a = attributes[key]!;
    if (a.uri === ITS_NS && (a.local.startsWith('locQualityIssue') || a.local === 'locQualityIssuesRef')) return true;
  }
  return false;
}

function attr(tag: SaxesTagNS, local: string, uri = ''): string | undefined {
  const attributes: Record<string, SaxesAttributeNS> = tag.attributes;
  for (const key in attributes) {
    const a = attributes[key]!;
    if (a.local === local && a.uri === uri) return a.value;
  }
  return undefined;
}

/** The inline issue an element states with `its:locQualityIssue*` attributes, or undefined. */
function inlineIssue(tag: SaxesTagNS, uri: string): ItsIssue | undefined {
  const type = attr(tag, 'locQualityIssueType', uri);
  const comment = attr(tag, 'locQualityIssueComment', uri);
  const severity = attr(tag, 'locQualityIssueSeverity', uri);
  if (type === undefined && comment === undefined && severity === undefined) return undefined;
  const status = attr(tag, 'status', REDLINE_NS);
  const category = attr(tag, 'category', REDLINE_NS);
  return {
    ...(category !== undefined ? { category } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(comment !== undefined ? { comment } : {}),
    ...(severity !== undefined ? { severity } : {}),
    enabled: attr(tag, 'locQualityIssueEnabled', uri) !== 'no',
    ...(status !== undefined ? { status } : {}),
  };
}

function provenance(tag: SaxesTagNS): ItsProvenance {
  const person = attr(tag, 'revPerson', ITS_NS) ?? attr(tag, 'person', ITS_NS);
  const tool = attr(tag, 'revTool', ITS_NS) ?? attr(tag, 'tool', ITS_NS);
  return { ...(person !== undefined ? { person } : {}), ...(tool !== undefined ? { tool } : {}) };
}

/** The id a reference (`#its=lq1`, `#lq1`, `lq1`, a longer XLIFF fragment path) points at. */
export function referencedId(ref: string): string {
  const hash = ref.lastIndexOf('#');
  let id = hash >= 0 ? ref.slice(hash + 1) : ref;
  const slash = id.lastIndexOf('/');
  if (slash >= 0) id = id.slice(slash + 1);
  return id.startsWith('its=') ? id.slice(4) : id;
}

/** A short label for a code: its id when short, else its number in the paragraph. */
function codeLabel(kind: InlineCode['kind'], id: string | undefined, index: number): string {
  const name = id !== undefined && id.length > 0 && id.length <= 6 ? id : String(index + 1);
  return kind === 'open' ? `<${name}>` : kind === 'close' ? `</${name}>` : `{${name}}`;
}

/** Text being gathered for one side of one segment. */
interface SegText {
  readonly pieces: string[];
  len: number;
  /** Offset of the segment's first character in the paragraph's text on its side. */
  readonly base: number;
}

/** A span being marked with quality issues, open until its end tag (or `em`). */
interface PendingMark {
  readonly side: Side;
  readonly start: number;
  readonly inline?: ItsIssue;
  readonly ref?: string;
  readonly who: ItsProvenance;
}

interface SegmentBuild {
  id?: string;
  source?: SegText;
  target?: SegText;
  targetContent?: TextRange;
  emptyTarget?: TextRange;
  insertTargetAt?: number;
  stateTag?: TextRange;
  state?: string;
}

interface UnitBuild {
  readonly id: string;
  readonly start: number;
  readonly bodyStart: number;
  segments: SegmentBuild[];
  /** XLIFF 1.2 target segments by mid (seg-source order is the source's). */
  readonly targetSegs: SegmentBuild[];
  segmented: boolean;
  sourceCodes: InlineCode[];
  readonly codes: InlineCode[];
  readonly notes: string[];
  marks: { side: Side; start: number; end: number; inline?: ItsIssue; ref?: string; who: ItsProvenance }[];
  readonly standOff: StandOffGroup[];
  readonly targetRefs: string[];
  targetHasIssues: boolean;
  readonly targetTags: TextRange[];
  readonly sdl: Map<string, { tag: TextRange; conf?: string }>;
  targetEnd?: number;
  /** Open `sm` markers with issues, by id. */
  readonly openMarkers: Map<string, PendingMark>;
}

type Frame =
  | { readonly k: 'container'; readonly translate: boolean }
  | { readonly k: 'unit' }
  | { readonly k: 'segment' }
  | {
      readonly k: 'content';
      readonly side: Side;
      readonly seg?: SegText;
      readonly mark?: PendingMark;
      readonly tagStart: number;
      readonly segSource?: boolean;
    }
  | { readonly k: 'seg-mrk'; readonly seg: SegmentBuild }
  | { readonly k: 'pair'; readonly side: Side; readonly id?: string; readonly openIndex: number }
  | { readonly k: 'raw'; readonly side: Side; readonly start: number; readonly kind: InlineCode['kind']; readonly id?: string }
  | { readonly k: 'mark'; readonly mark: PendingMark }
  | { readonly k: 'note' }
  | { readonly k: 'standoff'; readonly id: string; readonly start: number; readonly issues: ItsIssue[] }
  | { readonly k: 'skip' }
  | { readonly k: 'other' };

/**
 * A reader for one document. `name` names the file in messages. Units are handed to `events.onUnit` as their end
 * tags are read.
 */
export function createXliffReader(name: string, events: XliffReaderEvents): XliffReader {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName: name });
  let failure: Failure | undefined;
  // The document text from `bufStart` on: the current unit's tags are cut from it for the codes' data.
  let buf = '';
  let bufStart = 0;
  let doc: XliffDocument | undefined;
  let ns = '';
  const stack: Frame[] = [];
  let unit: UnitBuild | undefined;
  let seg: SegmentBuild | undefined; // current XLIFF 2 segment
  let note: string[] | undefined;
  let skipDepth = 0;
  let rawDepth = 0;
  /** Text of the current side and segment, when text is being gathered. */
  let text: { side: Side; seg: SegText } | undefined;
  let openTagStart = 0;
  /** The side whose text (source, seg-source or target element) is open, if any. */
  let contentSide: Side | undefined;

  const slice = (start: number, end: number) => buf.slice(start - bufStart, end - bufStart);
  const tagStartBefore = (pos: number) => bufStart + buf.lastIndexOf('<', pos - bufStart - 1);
  const fail = (code: Failure['code'], message: string): never => {
    throw new XliffError(code, message);
  };
  const where = () => `${name}:${parser.line}:${parser.column + 1}`;

  /** The paragraph offset on a side right now (inside a segment, or after the segments read so far). */
  function sideOffset(side: Side): number {
    if (text && text.side === side) return text.seg.base + text.seg.len;
    return completedLength(side);
  }

  function sideSegments(side: Side): SegmentBuild[] {
    if (!unit) return [];
    return side === 'target' && unit.segmented ? unit.targetSegs : unit.segments;
  }

  function completedLength(side: Side): number {
    const segs = sideSegments(side);
    let n = 0;
    let first = true;
    for (const s of segs) {
      const t = side === 'source' ? s.source : s.target;
      if (!first) n += 1;
      first = false;
      n += t?.len ?? 0;
    }
    return n;
  }

  /** Starts gathering a segment's text on a side; the segment is the last one of its side's list. */
  function startText(side: Side, into: SegmentBuild): SegText {
    const segs = sideSegments(side);
    let base = 0;
    for (const s of segs) {
      if (s === into) break;
      base += ((side === 'source' ? s.source : s.target)?.len ?? 0) + 1;
    }
    const t: SegText = { pieces: [], len: 0, base };
    if (side === 'source') into.source = t;
    else into.target = t;
    text = { side, seg: t };
    return t;
  }

  function addCode(side: Side, code: InlineCode): void {
    if (!unit || !text || text.side !== side) return;
    const list = side === 'source' ? unit.sourceCodes : unit.codes;
    if (list.length >= MAX_INLINE_CODES) {
      fail('parse-error', `${where()}: unit ${unit.id} has more than ${MAX_INLINE_CODES} inline codes, more than Redline can keep.`);
    }
    const ch = inlineCodeChar(list.length);
    list.push(code);
    text.seg.pieces.push(ch);
    text.seg.len += 1;
  }

  function makeCode(kind: InlineCode['kind'], id: string | undefined, data: string, side: Side, labelIndex?: number): InlineCode {
    const index = labelIndex ?? (unit ? (side === 'source' ? unit.sourceCodes.length : unit.codes.length) : 0);
    return { kind, ...(id !== undefined ? { id } : {}), label: codeLabel(kind, id, index), data };
  }

  function isXliff(tag: SaxesTagNS): boolean {
    return tag.uri === ns;
  }

  function top(): Frame | undefined {
    return stack[stack.length - 1];
  }

  function translateHere(tag: SaxesTagNS): boolean {
    const parent = [...stack].reverse().find((f): f is Extract<Frame, { k: 'container' }> => f.k === 'container');
    const value = attr(tag, 'translate');
    return value === undefined ? (parent?.translate ?? true) : value !== 'no';
  }

  function onRoot(tag: SaxesTagNS): void {
    if (tag.local !== 'xliff') {
      fail('unsupported', `${name} is XML whose root element is <${tag.name}>, not XLIFF. Redline reads ${KNOWN_FORMATS_TEXT}.`);
    }
    const version = attr(tag, 'version') ?? '';
    if (tag.uri === XLIFF_20_NS || tag.uri === XLIFF_22_NS || version.startsWith('2')) {
      if (tag.uri !== XLIFF_20_NS && tag.uri !== XLIFF_22_NS) {
        fail(
          'unsupported',
          `${name} says it is XLIFF ${version} but its elements are not in the XLIFF 2 namespace. Redline reads ${KNOWN_FORMATS_TEXT}.`,
        );
      }
      const srcLang = attr(tag, 'srcLang');
      const trgLang = attr(tag, 'trgLang');
      doc = {
        dialect: 'xliff-2',
        version: version || '2.0',
        ns: tag.uri,
        ...(srcLang ? { srcLang } : {}),
        ...(trgLang ? { trgLang } : {}),
      };
    } else if (tag.uri === XLIFF_12_NS || tag.uri === '' || version.startsWith('1.')) {
      const sdl = Object.values(tag.attributes).some((a) => a.value === SDL_NS) || tag.ns['sdl'] === SDL_NS;
      doc = { dialect: sdl ? 'sdlxliff' : 'xliff-1.2', version: version || '1.2', ns: tag.uri };
    } else {
      fail('unsupported', `${name} is XLIFF in a namespace Redline does not know (${tag.uri}). Redline reads ${KNOWN_FORMATS_TEXT}.`);
    }
    ns = doc!.ns;
    events.onDocument?.(doc!);
    stack.push({ k: 'container', translate: true });
  }

  function beginUnit(tag: SaxesTagNS): void {
    unit = {
      id: attr(tag, 'id') ?? '',
      start: openTagStart,
      bodyStart: parser.position,
      segments: [],
      targetSegs: [],
      segmented: false,
      sourceCodes: [],
      codes: [],
      notes: [],
      marks: [],
      standOff: [],
      targetRefs: [],
      targetHasIssues: false,
      targetTags: [],
      sdl: new Map(),
      openMarkers: new Map(),
    };
    stack.push({ k: 'unit' });
  }

  /** An element inside a unit but outside source and target text. */
  function openInUnit(tag: SaxesTagNS): void {
    const u = unit!;
    if (tag.uri === ITS_NS && tag.local === 'locQualityIssues') {
      stack.push({ k: 'standoff', id: attr(tag, 'id', 'http://www.w3.org/XML/1998/namespace') ?? '', start: openTagStart, issues: [] });
      return;
    }
    if (tag.uri === SDL_NS && tag.local === 'seg') {
      const id = attr(tag, 'id') ?? '';
      const conf = attr(tag, 'conf');
      u.sdl.set(id, { tag: { start: openTagStart, end: parser.position }, ...(conf !== undefined ? { conf } : {}) });
      stack.push({ k: 'other' });
      return;
    }
    if (tag.uri === SDL_NS && tag.local === 'seg-defs') {
      stack.push({ k: 'other' });
      return;
    }
    if (!isXliff(tag)) return skip(tag);
    const dialect = doc!.dialect;
    if (dialect === 'xliff-2') {
      switch (tag.local) {
        case 'segment': {
          const state = attr(tag, 'state');
          seg = {
            ...(attr(tag, 'id') !== undefined ? { id: attr(tag, 'id') } : {}),
            stateTag: { start: openTagStart, end: parser.position },
            ...(state !== undefined ? { state } : {}),
          };
          u.segments.push(seg);
          stack.push({ k: 'segment' });
          return;
        }
        case 'source':
        case 'target': {
          if (!seg) return skip(tag);
          const side: Side = tag.local;
          if (side === 'target') {
            u.targetTags.push({ start: openTagStart, end: parser.position });
            if (tag.isSelfClosing) seg.emptyTarget = { start: openTagStart, end: parser.position };
            else seg.targetContent = { start: parser.position, end: parser.position };
          }
          return openContent(tag, side, seg);
        }
        case 'notes':
          stack.push({ k: 'other' });
          return;
        case 'note':
          note = [];
          stack.push({ k: 'note' });
          return;
        default:
          // originalData, ignorable and anything else: not text to review.
          return skip(tag);
      }
    }
    switch (tag.local) {
      case 'source': {
        if (u.segmented) return skip(tag);
        const s: SegmentBuild = u.segments[0] ?? {};
        if (u.segments.length === 0) u.segments.push(s);
        return openContent(tag, 'source', s);
      }
      case 'seg-source': {
        // The segmented source replaces the plain one: its markers name the segments the target repeats.
        u.segmented = true;
        u.segments = [];
        u.sourceCodes = [];
        u.marks = u.marks.filter((m) => m.side !== 'source');
        return openContent(tag, 'source', undefined, true);
      }
      case 'target': {
        const state = attr(tag, 'state');
        u.targetTags.push({ start: openTagStart, end: parser.position });
        if (u.segmented) {
          u.targetSegs.length = 0;
          for (const s of u.segments) {
            if (state !== undefined) s.state = state;
          }
          return openContent(tag, 'target', undefined);
        }
        const s: SegmentBuild = u.segments[0] ?? {};
        if (u.segments.length === 0) u.segments.push(s);
        s.stateTag = { start: openTagStart, end: parser.position };
        if (state !== undefined) s.state = state;
        if (tag.isSelfClosing) s.emptyTarget = { start: openTagStart, end: parser.position };
        else s.targetContent = { start: parser.position, end: parser.position };
        return openContent(tag, 'target', s);
      }
      case 'note':
        note = [];
        stack.push({ k: 'note' });
        return;
      default:
        // alt-trans (earlier translations), context and count groups: not the text under review.
        return skip(tag);
    }
  }

  function skip(tag: SaxesTagNS): void {
    if (!tag.isSelfClosing) skipDepth = 1;
    stack.push({ k: 'skip' });
  }

  function openContent(tag: SaxesTagNS, side: Side, into: SegmentBuild | undefined, segSource = false): void {
    const u = unit!;
    let segText: SegText | undefined;
    if (into) segText = startText(side, into);
    const mark = markOf(tag, side, side === 'target');
    stack.push({ k: 'content', side, ...(segText ? { seg: segText } : {}), ...(mark ? { mark } : {}), tagStart: openTagStart, segSource });
    contentSide = side;
    if (side === 'target' && mark) u.targetHasIssues = true;
  }

  /** The quality mark an element opens, if it carries quality markup. */
  function markOf(tag: SaxesTagNS, side: Side, isTarget: boolean): PendingMark | undefined {
    if (!lqiAttributes(tag)) return undefined;
    const ref = attr(tag, 'locQualityIssuesRef', ITS_NS);
    const inline = inlineIssue(tag, ITS_NS);
    if (isTarget && ref !== undefined) unit!.targetRefs.push(referencedId(ref));
    return {
      side,
      start: sideOffset(side),
      ...(inline ? { inline } : {}),
      ...(ref !== undefined ? { ref: referencedId(ref) } : {}),
      who: provenance(tag),
    };
  }

  function closeMark(mark: PendingMark): void {
    unit!.marks.push({
      side: mark.side,
      start: mark.start,
      end: sideOffset(mark.side),
      ...(mark.inline ? { inline: mark.inline } : {}),
      ...(mark.ref !== undefined ? { ref: mark.ref } : {}),
      who: mark.who,
    });
  }

  /** An element inside source or target text: an inline code, a quality mark or a segment marker. */
  function openInline(tag: SaxesTagNS, side: Side): void {
    const u = unit!;
    const dialect = doc!.dialect;
    const local = isXliff(tag) ? tag.local : '';
    // XLIFF 1.2 segment markers directly inside seg-source or a segmented target.
    if (local === 'mrk' && attr(tag, 'mtype') === 'seg' && dialect !== 'xliff-2' && u.segmented && !text) {
      const mid = attr(tag, 'mid') ?? String(side === 'source' ? u.segments.length : u.targetSegs.length);
      let s: SegmentBuild;
      if (side === 'source') {
        s = { id: mid };
        u.segments.push(s);
      } else {
        s = { id: mid };
        u.targetSegs.push(s);
        if (tag.isSelfClosing) s.emptyTarget = { start: openTagStart, end: parser.position };
        else s.targetContent = { start: parser.position, end: parser.position };
      }
      startText(side, s);
      stack.push({ k: 'seg-mrk', seg: s });
      if (tag.isSelfClosing) text = undefined;
      return;
    }
    if (u.segmented && !text) {
      // Text and codes between segment markers belong to no segment: they stay in the file as they are, and
      // segment markers inside them (a Trados `g` around a segment) are still read.
      stack.push({ k: 'other' });
      return;
    }
    const id = attr(tag, 'id');
    if ((local === 'mrk' || local === 'sm') && lqiAttributes(tag)) {
      const mark = markOf(tag, side, side === 'target')!;
      if (side === 'target') u.targetHasIssues = true;
      if (local === 'sm') {
        u.openMarkers.set(id ?? '', mark);
        stack.push({ k: 'other' });
      } else if (tag.isSelfClosing) {
        closeMark(mark);
        stack.push({ k: 'other' });
      } else {
        stack.push({ k: 'mark', mark });
      }
      return;
    }
    if (local === 'em' && dialect === 'xliff-2') {
      const ref = attr(tag, 'startRef') ?? '';
      const mark = u.openMarkers.get(ref);
      if (mark) {
        u.openMarkers.delete(ref);
        closeMark(mark);
        if (tag.isSelfClosing) stack.push({ k: 'other' });
        else skip(tag);
        return;
      }
    }
    const paired = dialect === 'xliff-2' ? local === 'pc' || local === 'mrk' : local === 'g' || local === 'mrk';
    if (paired) {
      if (tag.isSelfClosing) {
        addCode(side, makeCode('standalone', id, slice(openTagStart, parser.position), side));
        stack.push({ k: 'other' });
      } else {
        const openIndex = side === 'source' ? u.sourceCodes.length : u.codes.length;
        addCode(side, makeCode('open', id, slice(openTagStart, parser.position), side));
        stack.push({ k: 'pair', side, ...(id !== undefined ? { id } : {}), openIndex });
      }
      return;
    }
    // Everything else is one code whose whole element (with any content, as bpt and ph have) is its data.
    let kind: InlineCode['kind'] = 'standalone';
    let codeId = id;
    if (local === 'bx' || local === 'bpt' || local === 'sc' || local === 'sm') kind = 'open';
    else if (local === 'ex' || local === 'ept' || local === 'ec' || local === 'em') kind = 'close';
    else if (local === 'it') kind = attr(tag, 'pos') === 'close' ? 'close' : attr(tag, 'pos') === 'open' ? 'open' : 'standalone';
    if (local === 'ec' || local === 'em') codeId = attr(tag, 'startRef') ?? id;
    if (local === 'bx' || local === 'ex') codeId = attr(tag, 'rid') ?? id;
    if (tag.isSelfClosing) {
      addCode(side, makeCode(kind, codeId, slice(openTagStart, parser.position), side));
      stack.push({ k: 'other' });
      return;
    }
    rawDepth = 1;
    stack.push({ k: 'raw', side, start: openTagStart, kind, ...(codeId !== undefined ? { id: codeId } : {}) });
  }

  function endUnit(end: number): void {
    const u = unit!;
    unit = undefined;
    const dialect = doc!.dialect;
    // SDLXLIFF keeps each segment's confirmation level beside the target: it is the segment's state.
    const targets = u.segmented ? u.targetSegs : u.segments;
    const byMid = new Map(u.targetSegs.map((s) => [s.id ?? '', s]));
    const segments: XliffSegment[] = u.segments.map((s) => {
      const t = u.segmented ? byMid.get(s.id ?? '') : s;
      const sdl = u.sdl.get(s.id ?? '');
      const state = sdl?.conf ?? t?.state ?? s.state;
      const stateTag = dialect === 'xliff-2' ? s.stateTag : u.targetTags[0];
      return {
        ...(s.id !== undefined ? { id: s.id } : {}),
        ...(t?.target ? { target: t.target.pieces.join('') } : {}),
        ...(t?.targetContent ? { targetContent: t.targetContent } : {}),
        ...(t?.emptyTarget ? { emptyTarget: t.emptyTarget } : {}),
        ...(s.insertTargetAt !== undefined ? { insertTargetAt: s.insertTargetAt } : {}),
        ...(stateTag ? { stateTag } : {}),
        ...(state !== undefined ? { state } : {}),
      };
    });
    // Target segments with no source segment of the same id still show (and write back) in order.
    if (u.segmented) {
      const known = new Set(u.segments.map((s) => s.id ?? ''));
      for (const t of u.targetSegs) {
        if (!known.has(t.id ?? '')) {
          segments.push({
            ...(t.id !== undefined ? { id: t.id } : {}),
            ...(t.target ? { target: t.target.pieces.join('') } : {}),
            ...(t.targetContent ? { targetContent: t.targetContent } : {}),
          });
        }
      }
    }
    const anyTarget = targets.some((s) => s.target !== undefined);
    const target = anyTarget ? (u.segmented ? u.targetSegs : u.segments).map((s) => s.target?.pieces.join('') ?? '').join(' ') : '';
    const source = u.segments.map((s) => s.source?.pieces.join('') ?? '').join(' ');
    const standOff = new Map(u.standOff.map((g) => [g.id, g]));
    const flags: ImportedFlagValues[] = [];
    for (const m of u.marks) {
      const issues = m.inline
        ? [m.inline]
        : m.ref !== undefined
          ? (standOff.get(m.ref)?.issues ?? documentStandOff.get(m.ref)?.issues ?? [])
          : [];
      for (const issue of issues) flags.push(flagFromIts(issue, m.who, m.side, m.start, m.end));
    }
    const states = [...new Set(segments.map((s) => s.state).filter((s): s is string => s !== undefined))];
    for (const g of u.standOff) documentStandOff.set(g.id, g);
    events.onUnit({
      id: u.id,
      text: slice(u.start, end),
      dialect,
      range: { start: u.start, end },
      bodyStart: u.bodyStart,
      segments,
      target,
      source,
      codes: u.codes,
      sourceCodes: u.sourceCodes,
      notes: u.notes,
      ...(states.length > 0 ? { state: states.join(', ') } : {}),
      flags,
      targetHasIssues: u.targetHasIssues,
      targetTags: u.targetTags,
      standOff: u.standOff,
      targetRefs: u.targetRefs,
      sdlSegments: u.sdl,
      segmented: u.segmented,
      ...(u.targetEnd !== undefined ? { targetEnd: u.targetEnd } : {}),
    });
  }

  /** XLIFF 1.2 states languages on `<file>`: the first file's are the document's. */
  let languages: { srcLang?: string | undefined; trgLang?: string | undefined } = {};

  /** Stand-off groups of units read so far, for references to a group kept in an earlier unit. */
  const documentStandOff = new Map<string, StandOffGroup>();

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail(
        'unsupported',
        `${where()}: ${name} declares XML entities in its DOCTYPE. Redline does not expand declared entities (a few lines of them can grow to gigabytes), so it does not open the file.`,
      );
    }
  });
  parser.on('opentagstart', () => {
    openTagStart = tagStartBefore(parser.position);
  });
  parser.on('opentag', (tag) => {
    if (skipDepth > 0 || rawDepth > 0) {
      if (!tag.isSelfClosing) {
        if (skipDepth > 0) skipDepth++;
        else rawDepth++;
      }
      return;
    }
    if (!doc) return onRoot(tag);
    const t = top();
    if (t?.k === 'standoff') {
      if (tag.uri === ITS_NS && tag.local === 'locQualityIssue') {
        const issue = inlineIssue(tag, '');
        t.issues.push(issue ?? { enabled: attr(tag, 'locQualityIssueEnabled') !== 'no' });
      }
      return skip(tag);
    }
    if (t?.k === 'note' || (t?.k === 'other' && !unit)) return skip(tag);
    if (contentSide) return openInline(tag, contentSide);
    if (unit) return openInUnit(tag);
    if (!isXliff(tag)) return skip(tag);
    const dialect = doc.dialect;
    const isUnit = dialect === 'xliff-2' ? tag.local === 'unit' : tag.local === 'trans-unit';
    if (isUnit) {
      if (!translateHere(tag)) return skip(tag);
      return beginUnit(tag);
    }
    if (tag.local === 'file' && doc.dialect !== 'xliff-2' && languages.srcLang === undefined) {
      languages = { srcLang: attr(tag, 'source-language'), trgLang: attr(tag, 'target-language') };
    }
    if (tag.local === 'file' || tag.local === 'group' || tag.local === 'body') {
      stack.push({ k: 'container', translate: translateHere(tag) });
      return;
    }
    // Headers, skeletons, bin-units, metadata: nothing to review.
    return skip(tag);
  });
  parser.on('text', (t) => {
    if (skipDepth > 0 || rawDepth > 0) return;
    if (note) {
      note.push(t);
      return;
    }
    if (text) {
      text.seg.pieces.push(t);
      text.seg.len += t.length;
    }
  });
  parser.on('cdata', (t) => {
    if (skipDepth > 0 || rawDepth > 0 || !text) return;
    text.seg.pieces.push(t);
    text.seg.len += t.length;
  });
  parser.on('closetag', () => {
    if (skipDepth > 1 || rawDepth > 1) {
      if (skipDepth > 1) skipDepth--;
      else rawDepth--;
      return;
    }
    const frame = stack.pop();
    if (!frame) return;
    const end = parser.position;
    switch (frame.k) {
      case 'skip':
        skipDepth = 0;
        return;
      case 'raw':
        rawDepth = 0;
        addCode(frame.side, makeCode(frame.kind, frame.id, slice(frame.start, end), frame.side));
        return;
      case 'pair':
        // The closing code is labelled like its opening one (`</1>` after `<1>`), id or not.
        addCode(frame.side, makeCode('close', frame.id, slice(tagStartBefore(end), end), frame.side, frame.openIndex));
        return;
      case 'mark':
        closeMark(frame.mark);
        return;
      case 'seg-mrk': {
        const closeStart = tagStartBefore(end);
        if (frame.seg.targetContent) frame.seg.targetContent = { start: frame.seg.targetContent.start, end: closeStart };
        text = undefined;
        return;
      }
      case 'content': {
        const u = unit!;
        if (frame.mark) closeMark(frame.mark);
        const closeStart = tagStartBefore(end);
        text = undefined;
        contentSide = undefined;
        if (frame.side === 'target') {
          if (doc!.dialect !== 'xliff-2') u.targetEnd = end;
          const owner = doc!.dialect === 'xliff-2' ? seg : u.segmented ? undefined : u.segments[0];
          if (owner?.targetContent) owner.targetContent = { start: owner.targetContent.start, end: closeStart };
        } else {
          // A target that is missing goes right after the source (XLIFF 2) or the source and seg-source (1.2).
          if (doc!.dialect === 'xliff-2') {
            if (seg) seg.insertTargetAt = end;
          } else {
            for (const s of u.segments) s.insertTargetAt = end;
          }
        }
        return;
      }
      case 'segment':
        seg = undefined;
        return;
      case 'note':
        if (unit && note) unit.notes.push(note.join('').trim());
        note = undefined;
        return;
      case 'standoff':
        unit?.standOff.push({ id: frame.id, range: { start: frame.start, end }, issues: frame.issues });
        return;
      case 'unit':
        endUnit(end);
        return;
      case 'container':
      case 'other':
        return;
    }
  });
  parser.on('error', (err) => {
    // saxes puts "file:line:column: " before its message; the column it counts from 0, editors from 1.
    const m = /^(.*):(\d+):(\d+): (.*)$/s.exec(err.message);
    const message = m
      ? `${m[1]} is not well-formed XML: line ${m[2]}, column ${Number(m[3]) + 1}: ${m[4]}`
      : `${name} is not well-formed XML: ${err.message}`;
    throw new XliffError('parse-error', message);
  });

  function guard(run: () => void): void {
    if (failure) return;
    try {
      run();
    } catch (e) {
      if (e instanceof XliffError) failure = { code: e.code, message: e.message };
      else throw e;
    }
  }

  return {
    write(chunk) {
      guard(() => {
        buf += chunk;
        parser.write(chunk);
        // Keep only what the unit being read may still need, or outside a unit a tag the chunk may have ended in.
        // (Between two writes the parser's `position` is past where it stopped by the chunk's length: it is read
        // only while the parser is reading.)
        const lastTag = buf.lastIndexOf('<');
        const keep = unit ? unit.start : bufStart + (lastTag < 0 ? buf.length : lastTag);
        if (keep - bufStart > 0) {
          buf = buf.slice(keep - bufStart);
          bufStart = keep;
        }
      });
    },
    close() {
      guard(() => {
        parser.close();
        if (!doc) fail('unsupported', `${name} holds no XML element. Redline reads ${KNOWN_FORMATS_TEXT}.`);
      });
    },
    get failure() {
      return failure;
    },
    languages() {
      const srcLang = doc?.srcLang ?? languages.srcLang;
      const trgLang = doc?.trgLang ?? languages.trgLang;
      return { ...(srcLang ? { srcLang } : {}), ...(trgLang ? { trgLang } : {}) };
    },
  };
}

/** Reads a whole document at once: for export and tests. */
export function readXliff(
  name: string,
  text: string,
): { readonly document?: XliffDocument; readonly units: XliffUnit[]; readonly failure?: Failure } {
  const units: XliffUnit[] = [];
  let document: XliffDocument | undefined;
  const reader = createXliffReader(name, { onDocument: (d) => (document = d), onUnit: (u) => units.push(u) });
  reader.write(text);
  reader.close();
  return {
    ...(document ? { document: { ...document, ...reader.languages() } } : {}),
    units,
    ...(reader.failure ? { failure: reader.failure } : {}),
  };
}

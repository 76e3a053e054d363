/**
 * Writes XLIFF: (1) the original file with corrected targets, by text surgery — the file is read again, each unit
 * whose target text or quality flags changed gets new target content, a state saying it was revised, and its
 * quality markup rewritten from the review's flags; every other byte stays as it was; (2) a new XLIFF 2.1 document
 * carrying every flag as ITS 2.0 Localization Quality Issue markup, from an article of any format.
 *
 * Quality markup: one issue on a span is written inline (`its:locQualityIssueType`, `...Severity`, `...Comment`
 * on the marker); several issues on one span by one rater go into a stand-off `its:locQualityIssues` element of
 * the unit, which the marker references with `its:locQualityIssuesRef`; a marker never carries both forms. Spans
 * that nest are `mrk` elements; a span that crosses another span or a paired code is written with `sm`/`em`
 * (XLIFF 2), or cut back to where it still nests (XLIFF 1.2, which has no such markers). Who raised an issue goes
 * in ITS Provenance (`its:revPerson`, or `its:revTool` for an automatic check); the exact MQM category and a
 * `fixed` status, which ITS cannot say, go in attributes of Redline's own namespace that other tools ignore.
 */
import { applyEdits, type TextEdit } from '../text-edits';
import type { Annotation, InlineCode } from '../../model';
import { inlineCodeIndex } from '../../model';
import { fail, ok, type Result } from '../../result';
import { inlineCodeProblem, pairedClose } from '../inline-codes';
import { ITS_NS, itsTypeForCategory, REDLINE_NS, severityToIts, UNNAMED_RATER } from './xliff-its';
import { readXliff, XLIFF_20_NS, type TextRange, type XliffDialect, type XliffUnit } from './xliff-reader';

/** A flag to write: an annotation's values with its span in the text being written. */
export type FlagToWrite = Pick<Annotation, 'start' | 'end' | 'category' | 'severity' | 'comment' | 'rater' | 'origin' | 'status'>;

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** How the markup of a dialect is spelled. */
interface MarkupStyle {
  readonly dialect: 'xliff-1.2' | 'xliff-2';
  /** Whether several issues on one span go to stand-off markup (else each issue gets its own nested marker). */
  readonly standOff: boolean;
  /** Prefix bound to the ITS namespace where the markup goes, and to Redline's. */
  readonly its: string;
  readonly rl: string;
  /** A fresh marker id. */
  readonly newId: () => string;
  /** XML of a code in this output. */
  readonly codeXml: (code: InlineCode, index: number) => string;
}

interface Group {
  start: number;
  end: number;
  readonly flags: FlagToWrite[];
  form: 'mrk' | 'sm';
}

/** Attributes of one issue (without the ITS prefix on stand-off entries, where the names stand alone). */
function issueAttributes(flag: FlagToWrite, its: string, rl: string): string {
  const p = its === '' ? '' : `${its}:`;
  let out = ` ${p}locQualityIssueType="${itsTypeForCategory(flag.category)}" ${p}locQualityIssueSeverity="${severityToIts(flag.severity)}"`;
  if (flag.comment !== '') out += ` ${p}locQualityIssueComment="${escapeAttr(flag.comment)}"`;
  if (flag.status !== 'open') out += ` ${p}locQualityIssueEnabled="no"`;
  out += ` ${rl}:category="${escapeAttr(flag.category)}"`;
  if (flag.status === 'fixed') out += ` ${rl}:status="fixed"`;
  return out;
}

function provenanceAttributes(flag: FlagToWrite, its: string): string {
  // A flag read from a file that named no one keeps naming no one.
  if (flag.origin.kind === 'person' && flag.rater === UNNAMED_RATER) return '';
  return flag.origin.kind === 'check'
    ? ` ${its}:revTool="${escapeAttr(flag.origin.check)}"`
    : ` ${its}:revPerson="${escapeAttr(flag.rater)}"`;
}

function whoKey(flag: FlagToWrite): string {
  return flag.origin.kind === 'check' ? `tool:${flag.origin.check}` : `person:${flag.rater}`;
}

/** Ranges of paired codes that are elements (`g`, `pc`, `mrk`): markers must nest with them. */
function elementPairs(text: string, codes: readonly InlineCode[]): { start: number; end: number }[] {
  const at = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const index = inlineCodeIndex(text.charCodeAt(i));
    if (index >= 0) at.set(index, i);
  }
  const pairs: { start: number; end: number }[] = [];
  codes.forEach((code, index) => {
    if (code.kind !== 'open' || !/^<(?:[\w.-]+:)?(?:g|pc|mrk)[\s>]/.test(code.data)) return;
    const close = pairedClose(codes, index);
    const s = at.get(index);
    const e = close === undefined ? undefined : at.get(close);
    if (s !== undefined && e !== undefined) pairs.push({ start: s, end: e + 1 });
  });
  return pairs;
}

function crosses(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return (a.start < b.start && b.start < a.end && a.end < b.end) || (b.start < a.start && a.start < b.end && b.end < a.end);
}

/**
 * The XML content of one target (or segment): text escaped, codes as the style writes them, flags as quality
 * markup. Returns the stand-off groups it referenced, for the caller to place in the unit.
 */
function renderContent(
  text: string,
  codes: readonly InlineCode[],
  flags: readonly FlagToWrite[],
  style: MarkupStyle,
): { xml: string; standOff: string[] } {
  const groups: Group[] = [];
  const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const f of sorted) {
    const start = Math.max(0, Math.min(f.start, text.length));
    const end = Math.max(start, Math.min(f.end, text.length));
    const same = style.standOff ? groups.find((g) => g.start === start && g.end === end && whoKey(g.flags[0]!) === whoKey(f)) : undefined;
    if (same) same.flags.push(f);
    else groups.push({ start, end, flags: [f], form: 'mrk' });
  }
  const pairs = elementPairs(text, codes);
  const accepted: Group[] = [];
  for (const g of groups) {
    const blocked = [...pairs, ...accepted].filter((o) => crosses(g, o));
    if (blocked.length > 0) {
      if (style.dialect === 'xliff-2') g.form = 'sm';
      else {
        // XLIFF 1.2 has no empty markers: the span is cut back to end where it still nests.
        const cut = Math.min(...blocked.map((o) => (o.start > g.start ? o.start : o.end)));
        g.end = Math.max(g.start, cut);
      }
    }
    if (g.form === 'mrk') accepted.push(g);
  }
  const standOff: string[] = [];
  const opens = new Map<number, string[]>();
  const closes = new Map<number, { xml: string; seq: number }[]>();
  const empties = new Map<number, string[]>();
  const add = <T>(m: Map<number, T[]>, at: number, v: T) => {
    const list = m.get(at);
    if (list) list.push(v);
    else m.set(at, [v]);
  };
  // Markers open widest first and close innermost first, so `mrk` elements nest.
  const order = [...groups].sort((a, b) => a.start - b.start || b.end - a.end);
  order.forEach((g, seq) => {
    const first = g.flags[0]!;
    let attrs: string;
    if (g.flags.length === 1) attrs = issueAttributes(first, style.its, style.rl);
    else {
      const id = `${style.newId()}-issues`;
      standOff.push(
        `<${style.its}:locQualityIssues xml:id="${id}">` +
          g.flags.map((f) => `<${style.its}:locQualityIssue${issueAttributes(f, '', style.rl)}/>`).join('') +
          `</${style.its}:locQualityIssues>`,
      );
      attrs = ` ${style.its}:locQualityIssuesRef="${style.dialect === 'xliff-2' ? '#its=' : '#'}${id}"`;
    }
    attrs += provenanceAttributes(first, style.its);
    let open: string;
    let close: string;
    if (style.dialect === 'xliff-1.2') {
      open = `<mrk mtype="x-its"${attrs}>`;
      close = '</mrk>';
    } else if (g.form === 'mrk') {
      open = `<mrk id="${style.newId()}" type="its:generic"${attrs}>`;
      close = '</mrk>';
    } else {
      const id = style.newId();
      open = `<sm id="${id}" type="its:generic"${attrs}/>`;
      close = `<em startRef="${id}"/>`;
    }
    // A zero-length span (an omission point) opens and closes at once.
    if (g.start === g.end) add(empties, g.start, open + close);
    else {
      add(opens, g.start, open);
      add(closes, g.end, { xml: close, seq });
    }
  });
  const markupAt = (i: number) =>
    (closes.get(i) ?? [])
      .sort((a, b) => b.seq - a.seq)
      .map((c) => c.xml)
      .join('') +
    (opens.get(i) ?? []).join('') +
    (empties.get(i) ?? []).join('');

  let xml = '';
  let run = 0;
  const flushText = (to: number) => {
    if (to > run) xml += escapeText(text.slice(run, to));
    run = to;
  };
  for (let i = 0; i <= text.length; i++) {
    if (opens.has(i) || closes.has(i) || empties.has(i)) {
      flushText(i);
      xml += markupAt(i);
    }
    if (i === text.length) break;
    const index = inlineCodeIndex(text.charCodeAt(i));
    if (index >= 0) {
      flushText(i);
      const code = codes[index];
      xml += code ? style.codeXml(code, index) : '';
      run = i + 1;
    }
  }
  flushText(text.length);
  return { xml, standOff };
}

/** Offsets of `old` mapped into `next` through a character diff given as same/insert/delete runs. */
export type OffsetMapper = (offset: number, bias: 'left' | 'right') => number;

/** One unit's new state, as the review holds it. */
export interface UnitRevision {
  /** The target text of the chosen version (with code characters). */
  readonly text: string;
  /** The unit's target-side flags, spans in `text`. */
  readonly flags: readonly FlagToWrite[];
  /** Maps an offset of the machine translation into `text`. */
  readonly map: OffsetMapper;
}

function sameFlags(a: readonly FlagToWrite[], b: readonly FlagToWrite[]): boolean {
  if (a.length !== b.length) return false;
  const key = (f: FlagToWrite) => JSON.stringify([f.start, f.end, f.category, f.severity, f.comment, f.status, whoKey(f)]);
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((k, i) => k === right[i]);
}

/** The state a revised segment gets, by dialect. */
export const REVISED_STATE: Readonly<Record<XliffDialect, string>> = {
  'xliff-2': 'reviewed',
  'xliff-1.2': 'translated',
  sdlxliff: 'ApprovedTranslation',
};

/** Sets (or removes, for undefined) attributes in a start tag's text, leaving the rest of it as it was. */
export function setTagAttributes(tag: string, changes: Readonly<Record<string, string | undefined>>): string {
  let out = tag;
  for (const [name, value] of Object.entries(changes)) {
    const re = new RegExp(`(\\s+)${name.replace(/[.:-]/g, (c) => `\\${c}`)}\\s*=\\s*("[^"]*"|'[^']*')`);
    if (re.test(out)) {
      out = value === undefined ? out.replace(re, '') : out.replace(re, (_m, space: string) => `${space}${name}="${escapeAttr(value)}"`);
    } else if (value !== undefined) {
      out = out.replace(/\s*(\/?>)$/, (_m, end: string) => ` ${name}="${escapeAttr(value)}"${end}`);
    }
  }
  return out;
}

/** Removes quality-issue attributes (any prefix) from a start tag. */
function withoutIssueAttributes(tag: string): string {
  return tag.replace(/\s+[\w.-]+:locQualityIssue(?:s?Ref|Type|Severity|Comment|Enabled|ProfileRef)\s*=\s*("[^"]*"|'[^']*')/g, '');
}

/** The prefixes a document binds to a namespace URI on its root element, if any. */
function prefixFor(original: string, uri: string): string | undefined {
  const root = /<(?:[\w.-]+:)?xliff\b[^>]*>/.exec(original)?.[0] ?? '';
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${uri.replace(/[.:/]/g, (c) => `\\${c}`)}["']`).exec(root);
  return m?.[1];
}

/**
 * The original XLIFF file with the review's targets and flags written in. `revisions[i]` is the state of the
 * i-th unit the reader finds (the i-th paragraph). Fails when the file no longer has the units the review was
 * made from, or when a text breaks its inline codes.
 */
export function reviseXliff(
  name: string,
  original: string,
  revisions: readonly UnitRevision[],
): Result<{ readonly text: string; readonly changedUnits: number }> {
  const read = readXliff(name, original);
  if (read.failure) return { ok: false, error: read.failure };
  const dialect = read.document!.dialect;
  const units = read.units;
  if (units.length !== revisions.length) {
    return fail(
      'conflict',
      `${name} has changed since the review began: it now has ${units.length} translation units, the review ${revisions.length}. Export as XLIFF 2.1 instead, which is written from the review alone.`,
    );
  }
  const edits: TextEdit[] = [];
  let changedUnits = 0;
  // Markup is added to the root element once, when a rewritten unit needs a namespace the file does not declare.
  let its = prefixFor(original, ITS_NS);
  let rl = prefixFor(original, REDLINE_NS);
  const declare: string[] = [];
  let markerCount = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const rev = revisions[i]!;
    const textChanged = rev.text !== unit.target;
    const fileFlags = unit.flags.filter((f) => f.side === 'target');
    const flagsChanged = !sameFlags(fileFlags, rev.flags);
    if (!textChanged && !flagsChanged) continue;
    const problem = inlineCodeProblem(rev.text, unit.codes);
    if (problem) return fail('bad-request', `Paragraph ${i + 1} (unit ${unit.id}) cannot be written: ${problem}.`);
    if (rev.flags.length > 0) {
      if (its === undefined) {
        its = 'its';
        declare.push(`xmlns:its="${ITS_NS}"`);
      }
      if (rl === undefined) {
        rl = 'rl';
        declare.push(`xmlns:rl="${REDLINE_NS}"`);
      }
    }
    changedUnits++;
    const result = reviseUnit(unit, rev, dialect, {
      dialect: dialect === 'xliff-2' ? 'xliff-2' : 'xliff-1.2',
      standOff: false,
      its: its ?? 'its',
      rl: rl ?? 'rl',
      newId: () => `rl-q${++markerCount}`,
      codeXml: (code) => code.data,
    });
    if (!result.ok) return result;
    edits.push(...result.value);
  }
  if (declare.length > 0) {
    const root = /<(?:[\w.-]+:)?xliff\b[^>]*?(\/?>)/.exec(original);
    if (root) {
      const at = root.index + root[0].length - root[1]!.length;
      edits.push({ start: at, end: at, text: ` ${declare.join(' ')}` });
    }
  }
  return ok({ text: applyEdits(original, edits), changedUnits });
}

/** The pieces of a revised text that belong to each segment, the separators between them mapped through the edit. */
function splitSegments(unit: XliffUnit, rev: UnitRevision): string[] {
  const count = unit.segments.length;
  if (count <= 1) return [rev.text];
  const out: string[] = [];
  let oldBase = 0;
  let from = 0;
  for (let k = 0; k < count - 1; k++) {
    oldBase += (unit.segments[k]!.target ?? '').length;
    const a = Math.max(from, rev.map(oldBase, 'left'));
    const b = Math.max(a, rev.map(oldBase + 1, 'right'));
    const between = rev.text.slice(a, b);
    out.push(rev.text.slice(from, a) + (between === ' ' ? '' : between));
    from = b;
    oldBase += 1;
  }
  out.push(rev.text.slice(from));
  return out;
}

function reviseUnit(unit: XliffUnit, rev: UnitRevision, dialect: XliffDialect, style: MarkupStyle): Result<TextEdit[]> {
  const edits: TextEdit[] = [];
  const pieces = splitSegments(unit, rev);
  const tagEdits = new Map<number, { range: TextRange; changes: Record<string, string | undefined>; clearIssues: boolean }>();
  const editTag = (range: TextRange, changes: Record<string, string | undefined>, clearIssues = false) => {
    const e = tagEdits.get(range.start) ?? { range, changes: {}, clearIssues: false };
    Object.assign(e.changes, changes);
    e.clearIssues ||= clearIssues;
    tagEdits.set(range.start, e);
  };
  // Element-level quality markup on the target goes: the review's flags are written inside the target instead.
  for (const t of unit.targetTags) editTag(t, {}, true);
  const oldPieces = unit.segments.map((s) => s.target ?? '');
  let base = 0;
  let anyChanged = false;
  const sdlConf = new Map<string, string>();
  for (let k = 0; k < unit.segments.length; k++) {
    const seg = unit.segments[k]!;
    const piece = pieces[k] ?? '';
    const segFlags = rev.flags
      .filter(
        (f) =>
          f.start >= base &&
          f.start <= base + piece.length &&
          (f.start < base + piece.length || f.end === f.start || k === unit.segments.length - 1),
      )
      .map((f) => ({ ...f, start: f.start - base, end: Math.min(f.end, base + piece.length) - base }));
    base += piece.length + 1;
    const changed = piece !== oldPieces[k];
    if (changed) anyChanged = true;
    const content = renderContent(piece, unit.codes, segFlags, style);
    if (content.standOff.length > 0) return fail('internal', 'Stand-off markup is not written into an original file.');
    if (seg.targetContent) {
      edits.push({ start: seg.targetContent.start, end: seg.targetContent.end, text: content.xml });
    } else if (seg.emptyTarget) {
      // `<target/>` (or an empty segment marker) becomes an element with content.
      const tag = unitText(unit, seg.emptyTarget);
      const qname = /^<([^\s/>]+)/.exec(tag)?.[1] ?? 'target';
      edits.push({
        start: seg.emptyTarget.start,
        end: seg.emptyTarget.end,
        text: `${tag.replace(/\s*\/>$/, '>')}${content.xml}</${qname}>`,
      });
    } else if (seg.insertTargetAt !== undefined && piece !== '') {
      if (dialect === 'xliff-2') {
        edits.push({ start: seg.insertTargetAt, end: seg.insertTargetAt, text: `<target>${content.xml}</target>` });
      } else if (!unit.segmented && k === 0) {
        edits.push({
          start: seg.insertTargetAt,
          end: seg.insertTargetAt,
          text: `<target state="${REVISED_STATE[dialect] === 'ApprovedTranslation' ? 'translated' : REVISED_STATE[dialect]}">${content.xml}</target>`,
        });
      }
    }
    if (changed && seg.stateTag && dialect === 'xliff-2') editTag(seg.stateTag, { state: REVISED_STATE[dialect] });
    if (changed && dialect === 'sdlxliff' && seg.id !== undefined) sdlConf.set(seg.id, REVISED_STATE.sdlxliff);
  }
  // XLIFF 1.2 segmented without any target: one target with a marker per segment.
  if (unit.segmented && unit.segments.every((s) => !s.targetContent && !s.emptyTarget) && rev.text !== '') {
    const at = unit.segments[0]?.insertTargetAt;
    if (at !== undefined) {
      const body = unit.segments
        .map(
          (s, k) =>
            `<mrk mtype="seg" mid="${escapeAttr(s.id ?? String(k))}">${renderContent(pieces[k] ?? '', unit.codes, [], style).xml}</mrk>`,
        )
        .join(' ');
      edits.push({
        start: at,
        end: at,
        text: `<target${dialect === 'sdlxliff' ? '' : ` state="${REVISED_STATE[dialect]}"`}>${body}</target>`,
      });
    }
  }
  if (anyChanged && dialect === 'xliff-1.2' && unit.targetTags[0]) editTag(unit.targetTags[0], { state: REVISED_STATE[dialect] });
  for (const [mid, conf] of sdlConf) {
    const sdl = unit.sdlSegments.get(mid);
    if (sdl) editTag(sdl.tag, { conf });
  }
  for (const { range, changes, clearIssues } of tagEdits.values()) {
    let tag = unitText(unit, range);
    if (clearIssues) tag = withoutIssueAttributes(tag);
    tag = setTagAttributes(tag, changes);
    // A `<target/>` replaced above already carries its new form; its start tag is not edited twice.
    if (edits.some((e) => e.start === range.start)) continue;
    edits.push({ start: range.start, end: range.end, text: tag });
  }
  // Stand-off issues the old target referred to are replaced by the markup written above.
  for (const group of unit.standOff) {
    if (!unit.targetRefs.includes(group.id)) continue;
    // The indentation before the group goes with it.
    const before = unitText(unit, { start: unit.range.start, end: group.range.start });
    const indent = /[ \t]*\r?\n?[ \t]*$/.exec(before)?.[0].length ?? 0;
    edits.push({ start: group.range.start - indent, end: group.range.end, text: '' });
  }
  return ok(edits);
}

/** The document text of a range inside the unit being revised (kept by the reader for this purpose). */
function unitText(unit: XliffUnit, range: TextRange): string {
  return unit.text.slice(range.start - unit.range.start, range.end - unit.range.start);
}

/** One paragraph for the XLIFF 2.1 export. */
export interface ParagraphToWrite {
  readonly id: string;
  /** The unit id of a paragraph read from XLIFF. */
  readonly ref?: string;
  readonly source?: string;
  readonly sourceCodes?: readonly InlineCode[];
  readonly target: string;
  readonly codes?: readonly InlineCode[];
  readonly notes?: readonly string[];
  readonly changed: boolean;
  readonly targetFlags: readonly FlagToWrite[];
  readonly sourceFlags: readonly FlagToWrite[];
}

export interface XliffDocumentInfo {
  readonly original: string;
  readonly srcLang?: string;
  readonly trgLang?: string;
}

const NMTOKEN = /^[\w.:-]+$/;

/** Inline codes in XLIFF 2 form: `sc`/`ec` for paired codes, `ph` for the rest; ids kept where they can be. */
function xliff2Codes(codes: readonly InlineCode[]): (code: InlineCode, index: number) => string {
  const ids: string[] = [];
  const used = new Set<string>();
  codes.forEach((code, index) => {
    if (code.kind === 'close') return;
    let id = code.id !== undefined && NMTOKEN.test(code.id) ? code.id : `c${index + 1}`;
    if (used.has(id)) id = `c${index + 1}`;
    used.add(id);
    ids[index] = id;
  });
  return (code, index) => {
    if (code.kind === 'standalone') return `<ph id="${escapeAttr(ids[index]!)}"/>`;
    if (code.kind === 'open')
      return pairedClose(codes, index) === undefined
        ? `<sc id="${escapeAttr(ids[index]!)}" isolated="yes"/>`
        : `<sc id="${escapeAttr(ids[index]!)}"/>`;
    let open: number | undefined;
    for (let i = index - 1; i >= 0; i--) {
      if (pairedClose(codes, i) === index) {
        open = i;
        break;
      }
    }
    return open === undefined ? `<ec id="c${index + 1}" isolated="yes"/>` : `<ec startRef="${escapeAttr(ids[open]!)}"/>`;
  };
}

/** A new XLIFF 2.1 document with every flag as ITS 2.0 quality-issue markup. */
export function writeXliff21(doc: XliffDocumentInfo, paragraphs: readonly ParagraphToWrite[]): string {
  return [...xliff21Pieces(doc, paragraphs, paragraphs.length)].join('');
}

/**
 * The file `writeXliff21` writes, in pieces of `perPiece` units each (the first with the file's head, the last with
 * its end): a caller that works in steps makes one piece a step.
 */
export function* xliff21Pieces(doc: XliffDocumentInfo, paragraphs: readonly ParagraphToWrite[], perPiece: number): Generator<string> {
  let out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    `<xliff xmlns="${XLIFF_20_NS}" version="2.1" srcLang="${escapeAttr(doc.srcLang ?? 'und')}" trgLang="${escapeAttr(doc.trgLang ?? 'und')}"` +
      ` xmlns:its="${ITS_NS}" xmlns:rl="${REDLINE_NS}" its:version="2.0">\n`,
  );
  out.push(` <file id="f1" original="${escapeAttr(doc.original)}">\n`);
  const usedIds = new Set<string>();
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0 && i % perPiece === 0) {
      yield out.join('');
      out = [];
    }
    const p = paragraphs[i]!;
    let id = p.ref !== undefined && NMTOKEN.test(p.ref) ? p.ref : p.id;
    if (usedIds.has(id)) id = `${id}-${p.id}`;
    usedIds.add(id);
    let marker = 0;
    const style = (codes: readonly InlineCode[]): MarkupStyle => ({
      dialect: 'xliff-2',
      standOff: true,
      its: 'its',
      rl: 'rl',
      newId: () => `q${i + 1}-${++marker}`,
      codeXml: xliff2Codes(codes),
    });
    const source = renderContent(p.source ?? '', p.sourceCodes ?? [], p.sourceFlags, style(p.sourceCodes ?? []));
    const target = renderContent(p.target, p.codes ?? [], p.targetFlags, style(p.codes ?? []));
    out.push(`  <unit id="${escapeAttr(id)}">\n`);
    for (const s of [...source.standOff, ...target.standOff]) out.push(`   ${s}\n`);
    if (p.notes && p.notes.length > 0) {
      out.push(`   <notes>\n${p.notes.map((n) => `    <note>${escapeText(n)}</note>\n`).join('')}   </notes>\n`);
    }
    const state = p.changed ? 'reviewed' : p.target === '' ? 'initial' : 'translated';
    out.push(`   <segment id="s1" state="${state}">\n`);
    out.push(`    <source>${source.xml}</source>\n`);
    out.push(`    <target>${target.xml}</target>\n`);
    out.push('   </segment>\n');
    out.push('  </unit>\n');
  }
  out.push(' </file>\n</xliff>\n');
  yield out.join('');
}

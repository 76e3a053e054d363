/**
 * XLIFF exports of a version: `xliff` writes the article's own XLIFF file again with the version's targets and the
 * review's flags (read from disk again, so everything the review did not change stays byte for byte), and
 * `xliff-its` writes a new XLIFF 2.1 document with every flag as ITS quality-issue markup, from any article.
 *
 * Writing the original file again means reading and parsing all of it, which takes a long article's service
 * seconds: the service gathers each unit's texts and flags (`revisedUnits`) and the export's thread (see
 * write-back.ts) writes the file from them (`xliffWrittenBack`).
 */
import { open } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { offsetMapper } from '../../shared/formats/xliff/offset-map';
import {
  reviseXliff,
  xliff21Pieces,
  type FlagToWrite,
  type ParagraphToWrite,
  type UnitRevision,
} from '../../shared/formats/xliff/xliff-writer';
import { annotationList, versionTextsInSteps, type ReviewState, type VersionRef } from '../../shared/journal/review-state';
import type { Annotation, Paragraph } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { decodeWholeFile, detectEncoding } from '../loader/encoding';

/**
 * A unit as the review holds it, in plain data that can go to another thread: the machine translation, the
 * version's text, and the unit's target flags with their spans still on the machine translation (they are moved
 * onto the version's text where the file is written, by the same character diff the writer uses for the unit).
 */
export interface RevisedUnit {
  readonly machine: string;
  readonly text: string;
  readonly flags: readonly FlagToWrite[];
}

function toWrite(a: FlagToWrite, map: (offset: number, bias: 'left' | 'right') => number): FlagToWrite {
  const start = map(a.start, 'right');
  const end = Math.max(start, map(a.end, 'left'));
  return { start, end, category: a.category, severity: a.severity, comment: a.comment, rater: a.rater, origin: a.origin, status: a.status };
}

/** The flags of each paragraph, by paragraph id. */
export function flagsByParagraph(state: ReviewState): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  for (const a of annotationList(state)) {
    const list = out.get(a.paragraphId);
    if (list) list.push(a);
    else out.set(a.paragraphId, [a]);
  }
  return out;
}

/** Encodes text back in the encoding the original file was read in. */
function encodeLike(text: string, encoding: string): Uint8Array | undefined {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) {
        const b = le[i]!;
        le[i] = le[i + 1]!;
        le[i + 1] = b;
      }
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    default:
      return undefined;
  }
}

/** Why the article's file cannot be written back: it cannot be read any more (`code`, as the system said). */
export function unreadableXliff(name: string, code: string): Result<never> {
  return fail('not-found', `${name} cannot be read any more (${code}), so it cannot be written back; export as XLIFF 2.1 instead.`);
}

/** Bytes of an XLIFF file read for its languages: its first 8,192 characters in any encoding it can be in. */
const HEAD_BYTES = 64 * 1024;

/**
 * The start of the article's file as text, for its languages; undefined when it cannot be read or decoded. Only the
 * start is read: reading and decoding a long file whole held the service for a tenth of a second and more.
 */
async function readHead(path: string, name: string): Promise<string | undefined> {
  let head: Uint8Array;
  let whole: boolean;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = new Uint8Array(HEAD_BYTES);
      const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
      whole = bytesRead < HEAD_BYTES;
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
  const detected = detectEncoding(head, whole, name);
  if (!detected.ok) return undefined;
  // Not fatal: the head may end inside a character, which only its last character shows.
  return new TextDecoder(detected.value.label, { ignoreBOM: true }).decode(head.subarray(detected.value.bomLength));
}

/**
 * The units at positions [from, to) of the review, whose texts in the version are `texts` (from position `from` on),
 * for `xliffWrittenBack`; `flags` is `flagsByParagraph` of the review.
 */
export function revisedUnits(
  state: ReviewState,
  texts: readonly string[],
  flags: ReadonlyMap<string, readonly Annotation[]>,
  from: number,
  to: number,
): RevisedUnit[] {
  const out: RevisedUnit[] = [];
  for (let i = from; i < to; i++) {
    const p = state.paragraphs[i]!;
    const mine = flags.get(p.id) ?? [];
    out.push({ machine: p.target, text: texts[i - from]!, flags: mine.filter((a) => a.side === 'target').map(flagToWrite) });
  }
  return out;
}

/** A flag's values as the writer takes them, its span as it is (on the machine translation). */
function flagToWrite(a: Annotation): FlagToWrite {
  const { start, end, category, severity, comment, rater, origin, status } = a;
  return { start, end, category, severity, comment, rater, origin, status };
}

/**
 * The article's XLIFF file (its bytes as read from disk) with the units' texts and flags written in, in the file's
 * own encoding. Fails with `conflict` when the file no longer has the review's units, `bad-encoding` when it is no
 * longer valid text, `unsupported` for an encoding Redline does not write.
 */
export function xliffWrittenBack(name: string, original: Uint8Array, units: readonly RevisedUnit[]): Result<Uint8Array> {
  const decoded = decodeWholeFile(original, name);
  if (!decoded.ok) return fail(decoded.error.code, `${decoded.error.message} Export as XLIFF 2.1 instead.`);
  const revisions: UnitRevision[] = units.map((u) => {
    const map = offsetMapper(u.machine, u.text);
    return { text: u.text, map, flags: u.flags.map((f) => toWrite(f, map)) };
  });
  const revised = reviseXliff(name, decoded.value.text, revisions);
  if (!revised.ok) return revised;
  const content = encodeLike(revised.value.text, decoded.value.encoding);
  if (!content)
    return fail('unsupported', `${name} is in ${decoded.value.encoding}, which Redline does not write; export as XLIFF 2.1 instead.`);
  return ok(content);
}

/** Units of an XLIFF 2.1 file made between two breaths by `renderXliff21InSteps`. */
const UNITS_PER_STEP = 500;

/**
 * A version as XLIFF 2.1 with its quality issues, made five hundred units a step with the event loop free in
 * between, as pieces of text handed to `take` (which breathes after each) one after another.
 */
export async function renderXliff21InSteps(
  state: ReviewState,
  ref: VersionRef,
  breathe: () => Promise<void>,
  take: (piece: string) => Promise<void>,
): Promise<Result<{ readonly paragraphs: number }>> {
  const texts = await versionTextsInSteps(state, ref, breathe);
  if (!texts) return fail('bad-request', `The review has no such version; its versions are 0 to ${state.versions.length}.`);
  const { article } = state.header;
  const flags = flagsByParagraph(state);
  const languages = await xliffLanguages(article);
  const paragraphs: ParagraphToWrite[] = [];
  for (let from = 0; from < state.paragraphs.length; from += UNITS_PER_STEP) {
    for (let i = from; i < Math.min(state.paragraphs.length, from + UNITS_PER_STEP); i++) {
      const unit = unitToWrite(state.paragraphs[i]!, texts[i]!, flags);
      if (unit) paragraphs.push(unit);
    }
    await breathe();
  }
  for (const piece of xliff21Pieces({ original: article.name, ...languages }, paragraphs, UNITS_PER_STEP)) await take(piece);
  return ok({ paragraphs: paragraphs.length });
}

/** The languages an XLIFF article names, for the XLIFF 2.1 file made of it (none for another format). */
async function xliffLanguages(article: ReviewState['header']['article']): Promise<{ srcLang?: string; trgLang?: string }> {
  if (article.format !== 'xliff') return {};
  const text = await readHead(article.path, article.name);
  if (text === undefined) return {};
  const head = text.slice(0, 8192);
  const srcLang = /\s(?:srcLang|source-language)\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  const trgLang = /\s(?:trgLang|target-language)\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  return { ...(srcLang ? { srcLang } : {}), ...(trgLang ? { trgLang } : {}) };
}

/** A paragraph as an XLIFF 2.1 unit with its flags; undefined for a source-only one left untranslated. */
function unitToWrite(p: Paragraph, text: string, flags: ReadonlyMap<string, readonly Annotation[]>): ParagraphToWrite | undefined {
  if (p.alignment === 'source-only' && text === '') return undefined;
  const map = offsetMapper(p.target, text);
  const mine = flags.get(p.id) ?? [];
  return {
    id: p.id,
    ...(p.ref !== undefined ? { ref: p.ref } : {}),
    ...(p.source !== undefined ? { source: p.source } : {}),
    ...(p.sourceCodes !== undefined ? { sourceCodes: p.sourceCodes } : {}),
    target: text,
    ...(p.codes !== undefined ? { codes: p.codes } : {}),
    ...(p.notes !== undefined ? { notes: p.notes } : {}),
    changed: text !== p.target,
    targetFlags: mine.filter((a) => a.side === 'target').map((a) => toWrite(a, map)),
    sourceFlags: mine.filter((a) => a.side === 'source').map((a) => toWrite(a, (o) => o)),
  };
}

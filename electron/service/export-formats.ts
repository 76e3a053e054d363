/**
 * The files an export can write: the corrected article in the format it came in (plain text, Markdown, HTML, Word
 * with tracked changes and comments, the original XLIFF file, a bilingual table) or as XLIFF 2.1 with quality
 * issues, and the review itself for other tools (WMT MQM TSV, JSON, a CSV of the flags, a unified patch from the
 * machine translation). The app and the command line both export through `renderExportInSteps`. The article's
 * original file is read again where the format writes into it, in the export's own thread (see write-back.ts); when a
 * page or Word document is gone or has changed since the review began, a new file is written instead and a warning
 * says so.
 */
import { basename, extname } from 'node:path';
import { TextDecoder } from 'node:util';
import { bilingualTablePieces, tableField, type Delimiter } from '../../shared/formats/bilingual-tsv';
import { newDocxInSteps, type DocxExportParagraph } from '../../shared/formats/docx/docx-export';
import { joinBytes } from '../../shared/formats/docx/zip-archive';
import type { WordComment } from '../../shared/formats/docx/docx-writer';
import { newHtmlPieces } from '../../shared/formats/html/html-writer';
import { articlePieces, type ArticleTextBlock } from '../../shared/formats/write-article';
import { jsonPieces } from '../../shared/formats/json-pieces';
import { wmtTsvPieces } from '../../shared/formats/wmt-write';
import {
  annotationList,
  hasVersion,
  paragraphById,
  snapshotOf,
  versionTextsIn,
  versionTextsInSteps,
  type ReviewState,
  type VersionRef,
} from '../../shared/journal/review-state';
import type { Annotation, Paragraph } from '../../shared/model';
import { assertNever, fail, ok, type Result } from '../../shared/result';
import { flagsByParagraph, renderXliff21InSteps, revisedUnits } from './xliff-export';
import { writeBackInThread } from './write-back-thread';
import { writeBackHere, type WriteBackRunner, type WrittenBackPieces } from './write-back';
import { prepareWordSegmenter } from '../../shared/diff/tokenize';
import { unifiedPatchPieces, type PatchChunk } from '../../shared/diff/unified-patch';
import { exportParagraph } from '../../shared/formats/export-paragraph';

/** Every format `export` knows, in the order its help lists them. */
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'xliff', 'xliff-its', 'tsv', 'json', 'csv', 'patch', 'bitext'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportOptions {
  /** Word only: the corrected text without tracked changes and comments. */
  readonly clean?: boolean;
  /** The review file's path: names the system in a WMT file. */
  readonly reviewPath?: string;
  /** `bitext` only: the table's delimiter (from the target's extension). */
  readonly delimiter?: Delimiter;
  /** ISO time for changes without a time of their own (the current text); tests fix it. */
  readonly now?: string;
}

export interface RenderedExport {
  readonly content: string | Uint8Array;
  readonly paragraphs: number;
  readonly warnings: readonly string[];
}

interface VersionParagraph {
  readonly paragraph: Paragraph;
  readonly text: string;
}

/** An export as `renderExportInSteps` makes it: its text or bytes may come as pieces to write one after another. */
export interface RenderedInSteps {
  readonly content: string | Uint8Array | readonly string[] | readonly Uint8Array[];
  readonly paragraphs: number;
  readonly warnings: readonly string[];
}

/** Members of the review's JSON written between two breaths: a paragraph of the header is several hundred bytes. */
const JSON_MEMBERS_PER_STEP = 500;

/** Paragraphs of an export made between two breaths (a few milliseconds' work), and in one piece of its text. */
const EXPORTED_PER_STEP = 2000;

/**
 * `renderExport` for a caller that must keep its event loop free (the app's service): plain text, Markdown and a
 * new HTML page are made a few thousand paragraphs a step, as pieces of text that the caller writes one after
 * another, and a new Word document a thousand paragraphs a step; a page, Word document or XLIFF file written into
 * the original is written in the export's own thread from paragraphs handed over five hundred a step; only the
 * flags' table is made whole.
 */
export async function renderExportInSteps(
  state: ReviewState,
  ref: VersionRef,
  format: ExportFormat,
  options: ExportOptions,
  breathe: () => Promise<void>,
  /**
   * Takes the pieces as they are made (text, or the bytes of a file written back), for a caller that writes them
   * straight to a file: they are then not in the answer's content, and are let go of as soon as written.
   */
  write?: (piece: string | Uint8Array) => Promise<void>,
  /** Where a version is written into the original file: the export's own thread, unless the caller has nothing else to do. */
  writeBackIn: WriteBackRunner = writeBackInThread,
): Promise<Result<RenderedInSteps>> {
  const article = state.header.article;
  if (!hasVersion(state, ref)) return noSuchVersion(state);
  const into = writtenBack(format, article.format);
  if (into) return renderWrittenBack(state, ref, into, options, breathe, writeBackIn, write);
  if (format === 'csv') return ok({ content: flagsCsv(state), paragraphs: state.paragraphs.length, warnings: [] });
  const pieces: string[] = [];
  const take = async (piece: string) => {
    if (write) await write(piece);
    else pieces.push(piece);
    await breathe();
  };
  if (format === 'xliff-its') {
    const made = await renderXliff21InSteps(state, ref, breathe, take);
    return made.ok ? ok({ content: pieces, paragraphs: made.value.paragraphs, warnings: [] }) : made;
  }
  const texts = (await versionTextsInSteps(state, ref, breathe))!;
  await breathe();
  const list: VersionParagraph[] = [];
  for (let from = 0; from < state.paragraphs.length; from += EXPORTED_PER_STEP) {
    exportedInto(list, state, texts, from, Math.min(state.paragraphs.length, from + EXPORTED_PER_STEP));
    await breathe();
  }
  if (format === 'docx') {
    const comments = wordCommentsByParagraph(state);
    const paragraphs: DocxExportParagraph[] = [];
    for (let from = 0; from < list.length; from += EXPORTED_PER_STEP) {
      for (const { paragraph: p, text } of list.slice(from, from + EXPORTED_PER_STEP)) paragraphs.push(docxParagraph(p, text, comments));
      await breathe();
    }
    // Tracked changes are word diffs, whose tokens of Chinese and Japanese need the segmenter: made in a step of its own.
    prepareWordSegmenter();
    await breathe();
    const steps = newDocxInSteps(paragraphs, docxOptionsOf(state, ref, options));
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) return ok({ content: next.value, paragraphs: list.length, warnings: [] });
      await breathe();
    }
  }
  if (format === 'patch') {
    const label = ref === 'current' ? 'current text' : `version ${ref}`;
    const header = { fileName: `${stem(article.name)}.txt`, oldLabel: 'machine translation', newLabel: label };
    const machine = (await versionTextsInSteps(state, 0, breathe))!;
    for (const piece of unifiedPatchPieces(header, patchChunks(state, machine, texts), EXPORTED_PER_STEP)) await take(piece);
    return ok({ content: pieces, paragraphs: list.length, warnings: [] });
  }
  if (format === 'json') {
    for (const piece of jsonPieces(reviewExport(state), JSON_MEMBERS_PER_STEP)) await take(piece);
    await take('\n');
    return ok({ content: pieces, paragraphs: state.paragraphs.length, warnings: [] });
  }
  const made =
    format === 'html'
      ? newHtmlPieces(
          list.map(({ paragraph: p, text }) => exportParagraph(p, text)),
          stem(article.name),
          EXPORTED_PER_STEP,
        )
      : format === 'tsv'
        ? wmtTsvPieces(
            [wmtSystem(state, options), stem(article.name), state.paragraphs, annotationList(state), [], wmtRater(state)],
            EXPORTED_PER_STEP,
          )
        : format === 'bitext'
          ? bilingualTablePieces(list.map(bilingualRow), options.delimiter ?? '\t', EXPORTED_PER_STEP)
          : articlePieces(list.map(articleBlock), format === 'md' ? 'md' : 'txt', EXPORTED_PER_STEP);
  const paragraphs = format === 'tsv' ? state.paragraphs.length : list.length;
  await breathe();
  for (const piece of made) await take(piece);
  return ok({ content: pieces, paragraphs, warnings: [] });
}

/**
 * Whether `renderExportInSteps` makes a format in steps, handing its pieces to a `write` it is given as they are made:
 * all but the flags' table, a few rows a flag, made whole.
 */
export function exportedInSteps(format: ExportFormat): boolean {
  return format !== 'csv';
}

function noSuchVersion(state: ReviewState): Result<never> {
  return fail('bad-request', `The review has no such version; its versions are 0 to ${state.versions.length}.`);
}

/** The whole review as its JSON export holds it: the header and everything but the undo and redo history. */
function reviewExport(state: ReviewState): object {
  const { undo: _undo, redo: _redo, ...snapshot } = snapshotOf(state);
  return { format: 'redline-review-export', formatVersion: 1, header: state.header, ...snapshot };
}

/** The system a WMT file names: the review file's name, or the article's. */
function wmtSystem(state: ReviewState, options: ExportOptions): string {
  return options.reviewPath ? stem(options.reviewPath) : stem(state.header.article.name);
}

/** The rater a WMT file names for paragraphs nobody flagged. */
function wmtRater(state: ReviewState): string {
  return state.rater || 'reviewer';
}

/** A row of a bilingual table: the source and the version's text. */
function bilingualRow({ paragraph: p, text }: VersionParagraph): { source: string; target: string } {
  return { source: p.source ?? '', target: text };
}

/** A paragraph as plain text and Markdown write it: its shape and the version's text. */
function articleBlock({ paragraph: p, text }: VersionParagraph): ArticleTextBlock {
  return {
    kind: p.kind,
    ...(p.level !== undefined ? { level: p.level } : {}),
    ...(p.prefix !== undefined ? { prefix: p.prefix } : {}),
    ...(p.suffix !== undefined ? { suffix: p.suffix } : {}),
    text,
  };
}

/**
 * The plain text of the machine translation and of a version as a patch's chunks, a paragraph each: the lines of the
 * paragraph's text on each side where that side writes it (see `exportedInto`), after the blank line that parts it
 * from the paragraph before, so that the chunks' lines are the two texts `writePlainText` makes.
 */
function* patchChunks(state: ReviewState, machine: readonly string[], version: readonly string[]): Generator<PatchChunk> {
  let machineBegun = false;
  let versionBegun = false;
  for (let i = 0; i < state.paragraphs.length; i++) {
    const sourceOnly = state.paragraphs[i]!.alignment === 'source-only';
    const before: string[] = sourceOnly && machine[i] === '' ? [] : blockLines(machine[i]!, machineBegun);
    const after: string[] =
      machine[i] === version[i] && machineBegun === versionBegun
        ? before
        : sourceOnly && version[i] === ''
          ? []
          : blockLines(version[i]!, versionBegun);
    machineBegun ||= before.length > 0;
    versionBegun ||= after.length > 0;
    yield { before, after };
  }
}

/** A paragraph's lines in plain text: its text's, after a blank line unless it is the first written. */
function blockLines(text: string, afterAnother: boolean): string[] {
  const lines = text.split('\n');
  return afterAnother ? ['', ...lines] : lines;
}

/**
 * Adds the paragraphs at positions [from, to) that an export writes (all but source-only ones the reviewer left
 * untranslated) to `out`; `texts` holds the version's texts from position `textsFrom` on.
 */
function exportedInto(
  out: VersionParagraph[],
  state: ReviewState,
  texts: readonly string[],
  from: number,
  to: number,
  textsFrom = 0,
): VersionParagraph[] {
  for (let i = from; i < to; i++) {
    const paragraph = state.paragraphs[i]!;
    const text = texts[i - textsFrom]!;
    if (paragraph.alignment === 'source-only' && text === '') continue;
    out.push({ paragraph, text });
  }
  return out;
}

const stem = (name: string): string => basename(name, extname(name));

/** The words of a Word comment for a flag: severity, category, the reviewer's comment; the source span for source flags. */
function commentText(a: Annotation, p: Paragraph): string {
  const head = `${a.severity[0]!.toUpperCase()}${a.severity.slice(1)} · ${a.category}`;
  const where = a.side === 'source' ? ` (source: “${(p.source ?? '').slice(a.start, a.end)}”)` : '';
  return `${head}${where}${a.comment !== '' ? `\n${a.comment}` : ''}`;
}

/**
 * Each paragraph's flags as Word comments, by paragraph id, in the order the flags were made: one pass over the
 * flags (a pass per paragraph took half a minute for 100,000 paragraphs and 2,000 flags).
 */
function wordCommentsByParagraph(state: ReviewState): Map<string, WordComment[]> {
  const out = new Map<string, WordComment[]>();
  for (const a of annotationList(state)) {
    if (a.status === 'dismissed') continue;
    const p = paragraphById(state, a.paragraphId);
    if (!p) continue;
    // A flag on the source has no place in the translation: its comment sits at the paragraph's start.
    const [start, end] = a.side === 'target' ? [a.start, a.end] : [0, 0];
    const comment = { start, end, author: a.rater || 'Reviewer', date: a.created, text: commentText(a, p) };
    const list = out.get(a.paragraphId);
    if (list) list.push(comment);
    else out.set(a.paragraphId, [comment]);
  }
  return out;
}

function docxParagraph(p: Paragraph, text: string, comments: ReadonlyMap<string, WordComment[]>): DocxExportParagraph {
  return { ...exportParagraph(p, text), comments: comments.get(p.id) ?? [] };
}

/** Whether a Word export tracks its changes, and who made them when. */
function docxOptionsOf(state: ReviewState, ref: VersionRef, options: ExportOptions) {
  const now = options.now ?? new Date().toISOString();
  return { tracked: !options.clean, ...versionStamp(state, ref, now) };
}

/** Who made a version and when, for Word's tracked changes. */
function versionStamp(state: ReviewState, ref: VersionRef, now: string): { author: string; date: string } {
  if (typeof ref === 'number' && ref > 0) {
    const v = state.versions[ref - 1]!;
    return { author: v.author || state.rater || 'Reviewer', date: v.at };
  }
  return { author: state.rater || 'Reviewer', date: now };
}

/** Flags as CSV (RFC 4180): one row per flag, with the flagged words, for a spreadsheet. */
function flagsCsv(state: ReviewState): string {
  const head = [
    'paragraph',
    'side',
    'start',
    'end',
    'flagged text',
    'category',
    'severity',
    'status',
    'rater',
    'comment',
    'created',
    'origin',
  ];
  const rows = [head];
  for (const a of annotationList(state)) {
    const i = state.paragraphIndex.get(a.paragraphId);
    const p = i === undefined ? undefined : state.paragraphs[i];
    const text = (a.side === 'target' ? p?.target : p?.source) ?? '';
    rows.push([
      String((i ?? -1) + 1),
      a.side,
      String(a.start),
      String(a.end),
      text.slice(a.start, a.end),
      a.category,
      a.severity,
      a.status,
      a.rater,
      a.comment,
      a.created,
      a.origin.kind === 'person' ? 'person' : `check:${a.origin.check}`,
    ]);
  }
  return `${rows.map((r) => r.map((f) => tableField(f, ',')).join(',')).join('\r\n')}\r\n`;
}

/**
 * Renders a version of the review in a format, whole (the command line's export); fails with `bad-request` for an
 * unknown version. The same rendering as the app's, in steps, with no pause between them; a version written into
 * the original file is written in this thread, which has nothing else to do meanwhile.
 */
export async function renderExport(
  state: ReviewState,
  ref: VersionRef,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Result<RenderedExport>> {
  const made = await renderExportInSteps(state, ref, format, options, async () => undefined, undefined, writeBackHere);
  if (!made.ok) return made;
  const { content } = made.value;
  const whole =
    typeof content === 'string' || content instanceof Uint8Array ? content : isText(content) ? content.join('') : joinBytes(content);
  return ok({ ...made.value, content: whole });
}

function isText(pieces: readonly string[] | readonly Uint8Array[]): pieces is readonly string[] {
  return pieces.length === 0 || typeof pieces[0] === 'string';
}

/** The formats written into the original file: a page or Word document when the article was one, XLIFF always. */
type WrittenBackFormat = 'html' | 'docx' | 'xliff';

/** The format, if `renderExportInSteps` writes it into the article's original file (see `renderWrittenBack`). */
function writtenBack(format: ExportFormat, articleFormat: string): WrittenBackFormat | undefined {
  if (format === 'xliff') return format;
  return (format === 'html' || format === 'docx') && articleFormat === format ? format : undefined;
}

/**
 * Paragraphs sent to the export's thread in one message, with a breath after each: gathering and copying them takes
 * a few milliseconds (two thousand took up to 20 ms, and on a busy two-core machine 70).
 */
const WRITTEN_BACK_PER_STEP = 500;

/** Bytes of a page written back decoded into one piece of its text, between two breaths. */
const PAGE_PIECE_BYTES = 1 << 20;

/**
 * A version written into the article's original file (a page, a Word document, an XLIFF file), in the export's
 * thread (see write-back.ts) unless `writeBackIn` says otherwise: this thread only gathers each paragraph's texts
 * and flags, a few hundred a step, and takes the file's bytes back; a page's bytes are made text again a megabyte a
 * step.
 */
async function renderWrittenBack(
  state: ReviewState,
  ref: VersionRef,
  format: WrittenBackFormat,
  options: ExportOptions,
  breathe: () => Promise<void>,
  writeBackIn: WriteBackRunner,
  write: ((piece: string | Uint8Array) => Promise<void>) | undefined,
): Promise<Result<RenderedInSteps>> {
  const article = state.header.article;
  const original = { path: article.path, name: article.name };
  const count = state.paragraphs.length;
  // The version's texts are taken a batch at a time: all 100,000 at once took up to 25 ms of a busy service.
  const textsIn = (from: number, to: number) => versionTextsIn(state, ref, from, to)!;
  let paragraphs = 0;
  let written: Result<WrittenBackPieces>;
  switch (format) {
    case 'html': {
      const batches = inBatches(count, (from, to) => {
        const list = exportedInto([], state, textsIn(from, to), from, to, from).map(({ paragraph: p, text }) => exportParagraph(p, text));
        paragraphs += list.length;
        return list;
      });
      written = await writeBackIn({ format, ...original, title: stem(article.name) }, batches, breathe);
      break;
    }
    case 'docx': {
      const comments = wordCommentsByParagraph(state);
      await breathe();
      const batches = inBatches(count, (from, to) => {
        const list = exportedInto([], state, textsIn(from, to), from, to, from).map(({ paragraph: p, text }) =>
          docxParagraph(p, text, comments),
        );
        paragraphs += list.length;
        return list;
      });
      written = await writeBackIn({ format, ...original, options: docxOptionsOf(state, ref, options) }, batches, breathe);
      break;
    }
    case 'xliff': {
      if (article.format !== 'xliff')
        return fail('bad-request', `${article.name} did not come as XLIFF; export it as XLIFF 2.1 with quality issues instead.`);
      const flags = flagsByParagraph(state);
      await breathe();
      const batches = inBatches(count, (from, to) => revisedUnits(state, textsIn(from, to), flags, from, to));
      paragraphs = count;
      written = await writeBackIn({ format, ...original }, batches, breathe);
      break;
    }
    default:
      return assertNever(format, 'export format');
  }
  if (!written.ok) return written;
  const content = await takePieces(written.value, format === 'html', breathe, write);
  return content.ok ? ok({ content: content.value, paragraphs, warnings: written.value.warnings }) : content;
}

/**
 * A written-back file's pieces: handed to `write` one at a time as they come (a page's UTF-8 bytes are its text as
 * written), or gathered, a page's as text, a megabyte of it a step.
 */
async function takePieces(
  file: WrittenBackPieces,
  text: boolean,
  breathe: () => Promise<void>,
  write: ((piece: string | Uint8Array) => Promise<void>) | undefined,
): Promise<Result<readonly string[] | readonly Uint8Array[]>> {
  // A leading U+FEFF is part of the text: the decoder must not take it for a byte order mark and drop it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const texts: string[] = [];
  const bytes: Uint8Array[] = [];
  try {
    for (;;) {
      const piece = await file.next();
      if (!piece.ok) return piece;
      if (!piece.value) break;
      if (write) {
        await write(piece.value);
      } else if (text) {
        for (let at = 0; at < piece.value.length; at += PAGE_PIECE_BYTES) {
          texts.push(decoder.decode(piece.value.subarray(at, at + PAGE_PIECE_BYTES), { stream: true }));
          await breathe();
        }
      } else {
        bytes.push(piece.value);
      }
      await breathe();
    }
  } finally {
    file.close();
  }
  const rest = decoder.decode();
  if (rest !== '') texts.push(rest);
  return ok(text ? texts : bytes);
}

/** The paragraphs at positions [0, count), made `WRITTEN_BACK_PER_STEP` at a time by `make(from, to)` as asked for. */
function* inBatches<T>(count: number, make: (from: number, to: number) => T[]): Generator<T[]> {
  for (let from = 0; from < count; from += WRITTEN_BACK_PER_STEP) yield make(from, Math.min(count, from + WRITTEN_BACK_PER_STEP));
}

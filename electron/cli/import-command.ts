/**
 * `redline import FILE --out REVIEW.redline`: starts a review file from any article the app reads (plain text,
 * Markdown, Word, HTML, XLIFF, a bilingual table) or from one document of a WMT MQM annotation file, with each
 * rater's flags. Corrected texts given with `--version` become the review's versions 1, 2, ... in order. The file is
 * an ordinary review: its header and events are written through the journal, checksummed, as the app writes them.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { chooseWmtDocument, looksLikeWmtTsv, wmtReview, type WmtFlag } from '../../shared/formats/wmt-import';
import { parseWmtTsv } from '../../shared/formats/wmt-tsv';
import { UNNAMED_RATER } from '../../shared/formats/xliff/xliff-its';
import { makeHeader, type EventBody } from '../../shared/journal/journal-event';
import { saveVersionBody } from '../../shared/journal/review-state';
import { paragraphIdAt, type ArticleInfo, type Block, type Paragraph } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { ReviewJournal } from '../journal/review-journal';
import { readArticle } from '../loader/read-article';
import type { CommandModule } from './command';

const USAGE = `Usage: redline import FILE [--source FILE] [--doc ID] [--system NAME] [--rater NAME]
                     [--version FILE [--message TEXT]]... --out REVIEW.redline

Starts a review file from an article: plain text, Markdown, Word (.docx), HTML, XLIFF, a bilingual table
(.tsv/.csv: source and translation per row), or a WMT MQM annotation file (.tsv, 9 or 10 columns).

Options:
  --out REVIEW     the review file to create (NAME.redline); an existing file is never replaced
  --source FILE    the source text, paired paragraph by paragraph with the article
  --doc ID         WMT files: the document to review (required when the file holds several)
  --system NAME    WMT files: the system whose translation to review (required when there are several)
  --rater NAME     the reviewer's name in the new review (default: a WMT file's first rater, else "reviewer")
  --version FILE   a corrected text of the article, saved as the next version; repeat for versions 1, 2, ...
                   It must have as many paragraphs as the article: they are matched one for one.
  --message TEXT   the message of the --version before it (default "Version N")

A WMT document becomes one paragraph per segment, with its source; each rater's error rows become flags stamped
with that rater, on the target or (for source errors and omissions) the source, and the newer layout's note as
the comment; a row without a span flags the whole segment. The review is scored with the WMT profile; as with
any review, every rater who flagged something counts as having read every paragraph, so its score equals the
file's when each segment has one rater (as WMT assigns them).
Exit status: 0 created, 2 bad input or usage (the reason on stderr), 1 the review file could not be written.
`;

interface VersionArg {
  readonly path: string;
  message?: string;
}

interface ImportArgs {
  readonly file: string;
  readonly out: string;
  readonly source?: string;
  readonly doc?: string;
  readonly system?: string;
  readonly rater?: string;
  readonly versions: readonly VersionArg[];
}

/** Options in order, since each --message belongs to the --version before it. */
function parseImportArgs(args: readonly string[]): Result<ImportArgs> {
  const positional: string[] = [];
  const single = new Map<string, string>();
  const versions: VersionArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!['out', 'source', 'doc', 'system', 'rater', 'version', 'message'].includes(name))
      return fail('bad-request', `unknown option --${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) return fail('bad-request', `--${name} needs a value`);
    if (name === 'version') versions.push({ path: value });
    else if (name === 'message') {
      const last = versions[versions.length - 1];
      if (!last) return fail('bad-request', '--message belongs after the --version it describes');
      if (last.message !== undefined) return fail('bad-request', `--version ${last.path} has two messages`);
      last.message = value;
    } else if (single.has(name)) return fail('bad-request', `--${name} is given twice`);
    else single.set(name, value);
  }
  if (positional.length !== 1)
    return fail(
      'bad-request',
      positional.length === 0 ? 'name the article to import.' : `give one article to import, not ${positional.length}.`,
    );
  const out = single.get('out');
  if (out === undefined || out === '') return fail('bad-request', 'say where to write the review with --out REVIEW.redline.');
  if (extname(out).toLowerCase() !== '.redline')
    return fail('bad-request', `--out must name a review file ending in .redline, not "${out}".`);
  const get = (k: string) => (single.has(k) ? { [k]: single.get(k)! } : {});
  return ok({ file: positional[0]!, out, ...get('source'), ...get('doc'), ...get('system'), ...get('rater'), versions });
}

/** Paragraphs as the app builds them: ids in order, a given source paired by position. */
function paragraphsOf(target: readonly Block[], source: readonly Block[] | undefined): Paragraph[] {
  const count = Math.max(target.length, source?.length ?? 0);
  const out: Paragraph[] = [];
  for (let i = 0; i < count; i++) {
    const t = target[i];
    const s = source?.[i];
    const shape = (t ?? s)!;
    const { text, source: ownSource, flags: _flags, ...origin } = t ?? { text: '' };
    out.push({
      id: paragraphIdAt(i),
      index: i,
      ...(t ? origin : { kind: shape.kind, ...(shape.level !== undefined ? { level: shape.level } : {}) }),
      kind: shape.kind,
      target: text,
      ...(source ? (s ? { source: s.text } : {}) : ownSource !== undefined ? { source: ownSource } : {}),
      ...(source ? { alignment: t && s ? 'paired' : t ? 'target-only' : 'source-only' } : {}),
    } as Paragraph);
  }
  return out;
}

interface Imported {
  readonly info: ArticleInfo;
  readonly paragraphs: readonly Paragraph[];
  readonly flags: readonly WmtFlag[];
  readonly rater?: string;
  readonly wmt: boolean;
  readonly warnings: readonly string[];
}

async function readWmtIfItIs(path: string, shown: string, args: ImportArgs): Promise<Result<Imported | undefined>> {
  if (!/\.(tsv|txt|tab)$/i.test(path)) return ok(undefined);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return ok(undefined); // the loader reports what is wrong with the file
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ok(undefined);
  }
  if (!looksLikeWmtTsv(text)) return ok(undefined);
  if (args.source !== undefined) return fail('bad-request', `${shown} is a WMT file, which holds its own source text; leave out --source.`);
  const parsed = parseWmtTsv(text, shown);
  if (!parsed.ok) return parsed;
  const chosen = chooseWmtDocument(parsed.value, shown, args.doc, args.system);
  if (!chosen.ok) return chosen;
  const review = wmtReview(parsed.value, chosen.value.doc, chosen.value.system, new Date().toISOString());
  const paragraphs = paragraphsOf(review.blocks, undefined);
  const info: ArticleInfo = { path, name: basename(path), format: 'tsv', encoding: 'utf-8', bytes: bytes.length };
  return ok({
    info,
    paragraphs,
    flags: review.flags,
    ...(review.raters[0] !== undefined ? { rater: review.raters[0] } : {}),
    wmt: true,
    warnings: [...parsed.value.warnings, ...review.warnings.map((w) => `${shown} ${w}`)],
  });
}

async function readAny(path: string, args: ImportArgs, cwd: string): Promise<Result<Imported>> {
  const shown = args.file;
  const wmt = await readWmtIfItIs(path, shown, args);
  if (!wmt.ok || wmt.value) return wmt as Result<Imported>;
  if (args.doc !== undefined || args.system !== undefined)
    return fail('bad-request', '--doc and --system choose a document and system of a WMT file; this article is not one.');
  const target = await readArticle(path);
  if (!target.ok) return target;
  let source: readonly Block[] | undefined;
  let info = target.value.info;
  if (args.source !== undefined) {
    const read = await readArticle(resolve(cwd, args.source));
    if (!read.ok) return read;
    source = read.value.blocks;
    info = { ...info, sourcePath: read.value.info.path, sourceName: read.value.info.name, sourceEncoding: read.value.info.encoding };
  }
  const paragraphs = paragraphsOf(target.value.blocks, source);
  // Flags the article's own file carries (XLIFF quality issues) come along, as when the app opens it.
  const flags: WmtFlag[] = [];
  const created = new Date().toISOString();
  target.value.blocks.forEach((b, paragraph) => {
    for (const f of b.flags ?? []) flags.push({ ...f, created, paragraph });
  });
  const warnings: string[] = [];
  if (source && source.length !== target.value.blocks.length) {
    warnings.push(
      `${args.source} has ${source.length} paragraphs and ${shown} ${target.value.blocks.length}; they are paired by position.`,
    );
  }
  return ok({ info, paragraphs, flags, wmt: false, warnings });
}

/** The texts of a corrected version, one per paragraph of the article. */
async function readVersion(path: string, shown: string, paragraphs: readonly Paragraph[]): Promise<Result<string[]>> {
  const read = await readArticle(path);
  if (!read.ok) return read;
  const translated = paragraphs.filter((p) => p.alignment !== 'source-only');
  const blocks = read.value.blocks;
  if (blocks.length !== translated.length) {
    return fail(
      'bad-request',
      `${shown} has ${blocks.length} paragraphs and the article ${translated.length}; a corrected version must keep the article's paragraphs one for one.`,
    );
  }
  const texts = paragraphs.map((p) => p.target);
  let next = 0;
  paragraphs.forEach((p, i) => {
    if (p.alignment !== 'source-only') texts[i] = blocks[next++]!.text;
  });
  return ok(texts);
}

export const importCommand: CommandModule = {
  name: 'import',
  usage: USAGE,
  async run(argv, io) {
    const usageError = (message: string): number => {
      io.stderr(`redline import: ${message}\nRun "redline import --help" for the options.\n`);
      return 2;
    };
    const parsed = parseImportArgs(argv);
    if (!parsed.ok) return usageError(parsed.error.message);
    const args = parsed.value;
    const out = resolve(io.cwd, args.out);
    if (
      await stat(out).then(
        () => true,
        () => false,
      )
    ) {
      io.stderr(`redline import: ${args.out} already exists; choose another --out (a review file is never replaced).\n`);
      return 2;
    }
    const imported = await readAny(resolve(io.cwd, args.file), args, io.cwd);
    if (!imported.ok) {
      io.stderr(`redline import: ${imported.error.message}\n`);
      return 2;
    }
    const { info, paragraphs, flags } = imported.value;
    // Every version is read and checked before the review file exists, so bad input leaves nothing behind.
    const versions: { texts: string[]; message: string }[] = [];
    for (const v of args.versions) {
      const texts = await readVersion(resolve(io.cwd, v.path), v.path, paragraphs);
      if (!texts.ok) {
        io.stderr(`redline import: ${texts.error.message}\n`);
        return 2;
      }
      versions.push({ texts: texts.value, message: v.message ?? `Version ${versions.length + 1}` });
    }
    for (const w of imported.value.warnings) io.stderr(`redline import: warning: ${w}\n`);

    const now = new Date().toISOString();
    const created = await ReviewJournal.create(out, makeHeader(info, paragraphs, now));
    if (!created.ok) {
      io.stderr(`redline import: ${created.error.message}\n`);
      return created.error.code === 'conflict' ? 2 : 1;
    }
    const journal = created.value;
    const rater = args.rater ?? imported.value.rater ?? 'reviewer';
    const events: EventBody[] = [{ type: 'rater-set', rater }];
    if (imported.value.wmt) events.push({ type: 'settings-changed', settings: { scoringProfile: 'wmt' } });
    for (const f of flags) {
      const { paragraph, ...fields } = f;
      events.push({ type: 'annotation-added', annotation: { ...fields, id: randomUUID(), paragraphId: paragraphIdAt(paragraph) } });
    }
    try {
      for (const e of events) {
        const r = await journal.append(e);
        if (!r.ok) throw new Error(r.error.message);
      }
      for (const v of versions) {
        for (let i = 0; i < paragraphs.length; i++) {
          const p = paragraphs[i]!;
          const now = journal.state.drafts.get(p.id) ?? p.target;
          if (v.texts[i] === now) continue;
          const r = await journal.append({ type: 'paragraph-edited', paragraphId: p.id, text: v.texts[i]! });
          if (!r.ok) throw new Error(r.error.message);
        }
        const r = await journal.append(saveVersionBody(journal.state, v.message, rater));
        if (!r.ok) throw new Error(r.error.message);
      }
    } catch (e) {
      await journal.close();
      io.stderr(`redline import: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    await journal.close();
    // Flags a file gives without a rater are counted, not credited to a rater called "imported".
    const raters = [...new Set(flags.map((f) => f.rater))].filter((r) => r !== UNNAMED_RATER);
    io.stderr(
      `Created ${args.out}: ${paragraphs.length} paragraphs from ${info.name} (${info.format}), ${flags.length} flags` +
        (raters.length > 0 ? ` by ${raters.join(', ')}` : '') +
        `, ${versions.length} version${versions.length === 1 ? '' : 's'}.\n`,
    );
    return 0;
  },
};

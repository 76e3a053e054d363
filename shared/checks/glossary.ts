/**
 * A glossary: for each source term, the translation the client requires and the variants it forbids. Read from
 * a tab-separated file (source, required translation, forbidden variants separated by `;` or `|`; `#` starts a
 * comment; a header row naming the columns is skipped) or from TBX (TBX 2 `termEntry`/`langSet`/`tig` or TBX 3
 * `conceptEntry`/`langSec`/`termSec`, with deprecated and superseded terms as the forbidden variants).
 */
import { fail, ok, type Result } from '../result';

export interface GlossaryEntry {
  /** The source term; '' when the entry only forbids variants. */
  readonly source: string;
  readonly target: string;
  readonly forbidden: readonly string[];
}

export type Glossary = readonly GlossaryEntry[];

/** Reads a glossary, as TBX when the text is XML and as TSV otherwise. `name` is used in error messages. */
export function parseGlossary(text: string, name: string): Result<Glossary> {
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*</.test(body) ? parseTbx(body, name) : parseTsv(body, name);
}

function parseTsv(text: string, name: string): Result<Glossary> {
  const entries: GlossaryEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const cells = line.split('\t').map((c) => c.trim());
    if (i === 0 && /^source/i.test(cells[0] ?? '') && /^(target|translation)/i.test(cells[1] ?? '')) continue;
    if (cells.length < 2 || !cells[1]) {
      return fail('parse-error', `${name} line ${i + 1}: a glossary row needs a source term and its translation separated by a tab.`);
    }
    const forbidden = (cells[2] ?? '')
      .split(/[;|]/)
      .map((v) => v.trim())
      .filter(Boolean);
    entries.push({ source: cells[0]!, target: cells[1]!, forbidden });
  }
  return entries.length > 0 ? ok(entries) : fail('empty', `${name} holds no glossary entries.`);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (ENTITIES[e] ?? all),
    )
    .trim();
}

function parseTbx(text: string, name: string): Result<Glossary> {
  const entries: GlossaryEntry[] = [];
  const entryRe = /<(termEntry|conceptEntry)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const entry of text.matchAll(entryRe)) {
    let source = '';
    let target = '';
    const forbidden: string[] = [];
    for (const lang of entry[2]!.matchAll(/<(langSet|langSec)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      const code = /xml:lang\s*=\s*["']([^"']+)["']/.exec(lang[2]!)?.[1]?.toLowerCase() ?? '';
      const isTarget = code.startsWith('en');
      for (const term of lang[3]!.matchAll(/<(tig|ntig|termSec)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
        const value = unescapeXml(/<term\b[^>]*>([\s\S]*?)<\/term>/.exec(term[2]!)?.[1] ?? '');
        if (!value) continue;
        const status = /administrativeStatus[^>]*>([^<]*)</.exec(term[2]!)?.[1] ?? '';
        const banned = /deprecated|superseded|forbidden/i.test(status);
        if (!isTarget) source ||= value;
        else if (banned) forbidden.push(value);
        else target ||= value;
      }
    }
    if (target || forbidden.length > 0) entries.push({ source, target, forbidden });
  }
  if (entries.length === 0)
    return fail(
      'parse-error',
      `${name}: no term entries with an English term were found (expected TBX termEntry or conceptEntry elements).`,
    );
  return ok(entries);
}

/**
 * The typology a review uses, kept inside the review file so the review stays self-contained: a quality lead
 * who opens the file on another machine scores it with the same categories and weights.
 *
 * The journal's `ReviewSettings.typology` is text. It holds `mqm-core` for the scoring profile's built-in typology
 * (MQM-Core, or the WMT typology for the WMT profiles; the value predates that choice), or, for a
 * custom one, the typology file's JSON (validated, re-serialised without white space). It is stored through an
 * ordinary `settings-changed` event, so compaction and undo-free history keep it with no journal change. The
 * review view shows the typology's name in `settings.typology`, never the JSON.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import type { ScoringProfile } from '../../shared/scoring/wmt-weights';
import { builtInTypology } from '../../shared/typology/built-in';
import { parseTypology } from '../../shared/typology/parse-typology';
import type { Typology } from '../../shared/typology/typology';

/** A typology file larger than this is not a typology: refusing it keeps a wrong pick from filling the review. */
export const MAX_TYPOLOGY_BYTES = 1024 * 1024;

/** A custom typology as loaded: the parsed typology and the text to keep in the review. */
export interface LoadedTypology {
  readonly typology: Typology;
  readonly setting: string;
}

/** The typology a settings value names: the profile's built-in one by default, or the custom typology its JSON describes. */
export function typologyFromSetting(setting: string, profile: ScoringProfile): Result<Typology> {
  if (!setting.trimStart().startsWith('{')) return ok(builtInTypology(profile));
  return parseTypology(setting, 'the typology stored in the review');
}

/** Reads and validates a typology file; failures name the file and the field at fault (`parse-error`). */
export async function loadTypologyFile(path: string): Promise<Result<LoadedTypology>> {
  const name = basename(path);
  let text: string;
  try {
    const s = await stat(path);
    if (!s.isFile()) return fail('not-a-file', `${path} is ${s.isDirectory() ? 'a folder' : 'not a regular file'}, not a typology file.`);
    if (s.size > MAX_TYPOLOGY_BYTES) {
      return fail('too-large', `${name} is ${s.size} bytes; a typology file is at most ${MAX_TYPOLOGY_BYTES} bytes.`);
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `The typology file ${path} does not exist.`);
    return fail('io-error', `The typology file ${path} cannot be read (${code ?? String(e)}).`);
  }
  // Whatever file was named, no message quotes it: the path may be a private file picked by mistake (or by a
  // page that hopes to read it through an error), so failures say what is wrong and where, never what is there.
  if (text.includes('\0')) return fail('parse-error', `${name} is not a typology file: it holds binary data.`);
  const json = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    const at = jsonSyntaxError(json);
    if (!at) return fail('parse-error', `${name} is not a typology file: it is not valid JSON.`);
    const { line, column } = lineAndColumn(json, at.offset);
    return fail('parse-error', `${name} line ${line}, column ${column}: not valid JSON (${at.problem}).`);
  }
  if (!looksLikeTypology(data)) {
    return fail('parse-error', `${name} is not a typology file: a typology is a JSON object with "name" and "categories".`);
  }
  const parsed = parseTypology(json, name);
  if (!parsed.ok) return parsed;
  // Stored without white space so the settings line stays compact.
  return ok({ typology: parsed.value, setting: JSON.stringify(data) });
}

/**
 * Only a file that sets out to be a typology gets field-by-field messages (which name its fields): for any
 * other JSON, naming its fields would reveal what it holds.
 */
function looksLikeTypology(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'name' in data && 'categories' in data;
}

/** 1-based line and column of an offset. */
function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Where JSON text first goes wrong, and what is wrong there in words that quote none of it. The engine's own
 * message quotes the text, so it is never shown. Iterative, so deep nesting cannot exhaust the stack.
 */
export function jsonSyntaxError(text: string): { readonly offset: number; readonly problem: string } | undefined {
  const open: string[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const error = (problem: string) => ({ offset: i, problem: i >= text.length ? 'the text ends too early' : problem });
  /** Moves past a string starting at i; a problem when it is not a valid one. */
  const string = (): string | undefined => {
    i++;
    for (;;) {
      if (i >= text.length) return 'a string is not closed';
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return 'a control character inside a string';
      if (c === 0x5c) {
        const next = text[i + 1] ?? '';
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'a malformed \\u escape';
          i += 6;
        } else if (ESCAPES.has(next)) i += 2;
        else return 'an unknown escape';
      } else i++;
    }
  };
  let expectValue = true;
  for (;;) {
    skip();
    if (expectValue) {
      const c = text[i];
      if (c === '{') {
        i++;
        skip();
        if (text[i] === '}') {
          i++;
          expectValue = false;
          continue;
        }
        open.push('{');
        if (text[i] !== '"') return error('a property name in double quotes was expected');
        const bad = string();
        if (bad) return error(bad);
        skip();
        if (text[i] !== ':') return error("':' was expected after a property name");
        i++;
        continue;
      }
      if (c === '[') {
        i++;
        skip();
        if (text[i] === ']') {
          i++;
          expectValue = false;
          continue;
        }
        open.push('[');
        continue;
      }
      if (c === '"') {
        const bad = string();
        if (bad) return error(bad);
      } else if (c !== undefined && (c === '-' || (c >= '0' && c <= '9'))) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return error('a malformed number');
        i = NUMBER.lastIndex;
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return error('a value was expected');
        i += word.length;
      }
      expectValue = false;
      continue;
    }
    const top = open[open.length - 1];
    if (top === undefined) return i < text.length ? error('more text follows the end of the JSON value') : undefined;
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === '{') {
        skip();
        if (text[i] !== '"') return error('a property name in double quotes was expected');
        const bad = string();
        if (bad) return error(bad);
        skip();
        if (text[i] !== ':') return error("':' was expected after a property name");
        i++;
      }
      expectValue = true;
    } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      i++;
      open.pop();
    } else return error(top === '{' ? "',' or '}' was expected" : "',' or ']' was expected");
  }
}

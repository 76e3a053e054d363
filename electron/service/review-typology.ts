/**
 * The typology a review uses, kept inside the review file so the review stays self-contained: a quality lead
 * who opens the file on another machine scores it with the same categories and weights.
 *
 * The journal's `ReviewSettings.typology` is text. It holds `mqm-core` for the default typology, or, for a
 * custom one, the typology file's JSON (validated, re-serialised without white space). It is stored through an
 * ordinary `settings-changed` event, so compaction and undo-free history keep it with no journal change. The
 * review view shows the typology's name in `settings.typology`, never the JSON.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { MQM_CORE } from '../../shared/typology/mqm-core';
import { parseTypology } from '../../shared/typology/parse-typology';
import type { Typology } from '../../shared/typology/typology';

/** A typology file larger than this is not a typology: refusing it keeps a wrong pick from filling the review. */
export const MAX_TYPOLOGY_BYTES = 1024 * 1024;

/** A custom typology as loaded: the parsed typology and the text to keep in the review. */
export interface LoadedTypology {
  readonly typology: Typology;
  readonly setting: string;
}

/** The typology a settings value names: MQM-Core by default, or the custom typology its JSON describes. */
export function typologyFromSetting(setting: string): Result<Typology> {
  if (!setting.trimStart().startsWith('{')) return ok(MQM_CORE);
  return parseTypology(setting, 'the typology stored in the review');
}

/** Reads and validates a typology file; failures name the file and the field at fault (`parse-error`). */
export async function loadTypologyFile(path: string): Promise<Result<LoadedTypology>> {
  const name = basename(path);
  let text: string;
  try {
    const s = await stat(path);
    if (!s.isFile()) return fail('not-a-file', `${path} is a folder, not a typology file.`);
    if (s.size > MAX_TYPOLOGY_BYTES) {
      return fail('too-large', `${name} is ${s.size} bytes; a typology file is at most ${MAX_TYPOLOGY_BYTES} bytes.`);
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `The typology file ${path} does not exist.`);
    return fail('io-error', `The typology file ${path} cannot be read (${code ?? String(e)}).`);
  }
  const parsed = parseTypology(text, name);
  if (!parsed.ok) return parsed;
  // Valid JSON by now; stored without white space so the settings line stays compact.
  const setting = JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown);
  return ok({ typology: parsed.value, setting });
}

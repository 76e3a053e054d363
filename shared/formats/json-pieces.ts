/**
 * JSON as `JSON.stringify(value, null, 2)` writes it (or `JSON.stringify(value)`, without spaces), in pieces: a
 * caller that works in steps (the app exporting a long review, the browser host answering with thousands of flags)
 * makes one piece a step instead of the whole text at once. Containers at the top, and any large one, are written
 * member by member; the rest is written by `JSON.stringify` itself, indented where it stands.
 */

/** Containers this shallow are always written member by member; deeper ones only when they have more members. */
const OPENED_DEPTH = 2;
const OPENED_FROM_MEMBERS = 256;

/**
 * The pieces of `value`'s JSON, each holding about `perPiece` members written whole; joined, the text of
 * `JSON.stringify(value, null, 2)`, or of `JSON.stringify(value)` when `spaced` is false.
 */
export function* jsonPieces(value: unknown, perPiece: number, spaced = true): Generator<string> {
  const space = spaced ? 2 : undefined;
  const newline = spaced ? '\n' : '';
  const colon = spaced ? ': ' : ':';
  let out = '';
  let members = 0;
  function* written(text: string): Generator<string> {
    out += text;
    if (++members % perPiece === 0) {
      yield out;
      out = '';
    }
  }
  function* write(v: unknown, depth: number, indent: string): Generator<string> {
    const container = asContainer(v);
    if (!container || (depth >= OPENED_DEPTH && container.size <= OPENED_FROM_MEMBERS)) {
      // A value JSON leaves out (undefined, a function) never reaches here: objects skip it, arrays write null.
      const text = JSON.stringify(v, null, space) ?? 'null';
      yield* written(indent === '' ? text : text.replace(/\n/g, `\n${indent}`));
      return;
    }
    const inner = spaced ? `${indent}  ` : '';
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (container.size === 0) {
      out += `${open}${close}`;
      return;
    }
    out += `${open}${newline}`;
    for (let k = 0; k < container.size; k++) {
      const key = container.keyAt(k);
      out += key === undefined ? inner : `${inner}${JSON.stringify(key)}${colon}`;
      yield* write(container.memberAt(k), depth + 1, inner);
      out += k < container.size - 1 ? `,${newline}` : newline;
    }
    out += `${indent}${close}`;
  }
  yield* write(value, 0, '');
  yield out;
}

/** A container's members as JSON writes them, by position: an array's without keys. */
interface Members {
  readonly size: number;
  keyAt(k: number): string | undefined;
  memberAt(k: number): unknown;
}

/**
 * A plain object's or an array's members as JSON writes them (an object's without the values JSON leaves out; an
 * array's with null for them), or undefined for anything JSON writes otherwise (a value, or an object with
 * `toJSON`). An array is read in place: a list of 100,000 members is not copied first.
 */
function asContainer(v: unknown): Members | undefined {
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return undefined;
  if (Array.isArray(v)) {
    const list: readonly unknown[] = v;
    return { size: list.length, keyAt: () => undefined, memberAt: (k) => (skipped(list[k]) ? null : list[k]) };
  }
  const entries = Object.entries(v).filter(([, member]) => !skipped(member));
  return { size: entries.length, keyAt: (k) => entries[k]![0], memberAt: (k) => entries[k]![1] };
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

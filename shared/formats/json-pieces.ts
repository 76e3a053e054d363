/**
 * JSON as `JSON.stringify(value, null, 2)` writes it, in pieces: a caller that works in steps (the app exporting a
 * long review) makes one piece a step instead of the whole text at once. Containers at the top, and any large one,
 * are written member by member; the rest is written by `JSON.stringify` itself, indented where it stands.
 */

/** Containers this shallow are always written member by member; deeper ones only when they have more members. */
const OPENED_DEPTH = 2;
const OPENED_FROM_MEMBERS = 256;

/** The pieces of `value`'s JSON, each holding about `perPiece` members written whole; joined, `JSON.stringify`'s text. */
export function* jsonPieces(value: unknown, perPiece: number): Generator<string> {
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
    if (!container || (depth >= OPENED_DEPTH && container.length <= OPENED_FROM_MEMBERS)) {
      // A value JSON leaves out (undefined, a function) never reaches here: objects skip it, arrays write null.
      const text = JSON.stringify(v, null, 2) ?? 'null';
      yield* written(indent === '' ? text : text.replace(/\n/g, `\n${indent}`));
      return;
    }
    const inner = `${indent}  `;
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (container.length === 0) {
      out += `${open}${close}`;
      return;
    }
    out += `${open}\n`;
    for (let k = 0; k < container.length; k++) {
      const [key, member] = container[k]!;
      out += key === undefined ? inner : `${inner}${JSON.stringify(key)}: `;
      yield* write(member, depth + 1, inner);
      out += k < container.length - 1 ? ',\n' : '\n';
    }
    out += `${indent}${close}`;
  }
  yield* write(value, 0, '');
  yield out;
}

/**
 * A plain object's or an array's members as JSON writes them (an object's without the values JSON leaves out; an
 * array's with no key), or undefined for anything JSON writes otherwise (a value, or an object with `toJSON`).
 */
function asContainer(v: unknown): [string | undefined, unknown][] | undefined {
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return undefined;
  if (Array.isArray(v)) return v.map((member: unknown) => [undefined, skipped(member) ? null : member]);
  return Object.entries(v).filter(([, member]) => !skipped(member));
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

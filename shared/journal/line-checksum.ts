/**
 * The checksum every line of a review file carries, so that a changed byte is found and named by its line
 * instead of silently changing a flag or a draft.
 *
 * A checked line is a JSON object whose first member is `"crc32":"xxxxxxxx"`: eight lower-case hex digits of the
 * CRC-32 (IEEE 802.3, the one of zip, gzip and PNG) of the line's UTF-8 bytes with that member removed, that is of
 * `{` followed by everything after the member's comma, newline excluded. The line stays plain JSON, and anyone can
 * check it with a standard CRC-32 tool. Computed on the text itself, not on a re-serialisation, so a line is
 * checked exactly as written.
 */

const PREFIX = '{"crc32":"';
/** `{"crc32":"` + 8 hex digits + `",` */
const PREFIX_LENGTH = PREFIX.length + 8 + 2;

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** A CRC-32 under way: feed it text in pieces with `update`, read it with `crcHex`. */
export type Crc = number;

export const CRC_START: Crc = 0xffffffff | 0;

/**
 * A faster CRC-32 that a runtime may offer (Node's zlib has one), of a string's UTF-8 bytes or of bytes: given the
 * CRC of what came before (0 at the start), the CRC with `data` added. Used for long pieces; the code below is the
 * fallback.
 */
export type NativeCrc32 = (data: string | Uint8Array, previous: number) => number;
let native: NativeCrc32 | undefined;

/** Lets a runtime that has a native CRC-32 supply it (see electron/journal/review-journal.ts). */
export function useNativeCrc32(crc32: NativeCrc32): void {
  native = crc32;
}

/** Pieces shorter than this are checksummed in JavaScript: the native call costs more than it saves. */
const NATIVE_FROM = 4096;

/** Feeds the UTF-8 bytes of `text[from, to)` into a running CRC-32. A lone surrogate counts as U+FFFD, as UTF-8 encoders write it. */
export function crcUpdate(crc: Crc, text: string, from = 0, to = text.length): Crc {
  if (native && to - from >= NATIVE_FROM) {
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    return ~native(part, ~crc >>> 0) | 0;
  }
  return crcUpdateScript(crc, text, from, to);
}

function crcUpdateScript(crc: Crc, text: string, from: number, to: number): Crc {
  let c = crc;
  const byte = (b: number) => {
    c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  };
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      c = TABLE[(c ^ code) & 0xff]! ^ (c >>> 8);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    }
    if (code < 0x800) {
      byte(0xc0 | (code >> 6));
      byte(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      byte(0xe0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    } else {
      byte(0xf0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 0x3f));
      byte(0x80 | ((code >> 6) & 0x3f));
      byte(0x80 | (code & 0x3f));
    }
  }
  return c;
}

/** Feeds bytes (already UTF-8, as read from a file) into a running CRC-32. */
export function crcUpdateBytes(crc: Crc, bytes: Uint8Array, from = 0, to = bytes.length): Crc {
  if (native && to - from >= NATIVE_FROM) return ~native(bytes.subarray(from, to), ~crc >>> 0) | 0;
  let c = crc;
  for (let i = from; i < to; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

export function crcHex(crc: Crc): string {
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

/** CRC-32 of a whole string's UTF-8 bytes, as eight hex digits. */
export function crc32(text: string): string {
  return crcHex(crcUpdate(CRC_START, text));
}

/** Puts the checksum member into a JSON object's text (`{...}` with at least one member). */
export function withChecksum(json: string): string {
  return `${PREFIX}${crc32(json)}",${json.slice(1)}`;
}

/** The same for a line built in pieces: the CRC of `{` + `rest` was computed by the caller. */
export function checksumPrefix(crc: Crc): string {
  return `${PREFIX}${crcHex(crc)}",`;
}

/** What a line's checksum says: none written, it matches (with the line's JSON minus the member), or it does not. */
export type LineCheck =
  { readonly kind: 'none' } | { readonly kind: 'good' } | { readonly kind: 'bad'; readonly written: string; readonly actual: string };

/** True when a line starts the way a checked line does (the checksum member first). */
export function hasChecksum(line: string): boolean {
  return line.startsWith(PREFIX) && line.charCodeAt(PREFIX_LENGTH - 1) === 44 /* , */ && line.charCodeAt(PREFIX_LENGTH - 2) === 34; /* " */
}

/** Checks a line's checksum against its text. */
export function checkLine(line: string): LineCheck {
  if (!hasChecksum(line)) return { kind: 'none' };
  const written = line.slice(PREFIX.length, PREFIX.length + 8);
  const actual = crcHex(crcUpdate(crcUpdate(CRC_START, '{'), line, PREFIX_LENGTH));
  return written === actual ? { kind: 'good' } : { kind: 'bad', written, actual };
}

/** Index where the checked part of a line begins (after the member's comma): the CRC covers `{` + line from here. */
export const CHECKED_FROM = PREFIX_LENGTH;

/** Index in a checked line of its checksum's eight hex digits. */
export const CHECKSUM_AT = PREFIX.length;

/**
 * The CRC-32 of two byte strings one after the other, from the CRC-32 of each (as eight-hex-digit checksums are
 * computed: final values, not running registers) and the second's length: so pieces checksummed apart, in another
 * thread or as they were written, make the whole's checksum without reading it again. Multiplying by x^(8 * len2)
 * modulo the CRC polynomial is done by the operators that append 1, 2, 4, ... zero bytes, one for each 1 bit of the
 * length; those are made once (each the square of the one before), since a long load combines thousands of pieces.
 */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  let crc = crc1 >>> 0;
  let left = len2;
  for (let k = 0; left > 0; k++, left = Math.floor(left / 2)) if (left % 2 === 1) crc = times(zeroBytesOperator(k), crc);
  return (crc ^ crc2) >>> 0;
}

/** The operators that append 2^k zero bytes, made as they are first needed. */
const ZERO_BYTES: Uint32Array[] = [];

function zeroBytesOperator(k: number): Uint32Array {
  while (ZERO_BYTES.length <= k) {
    const before = ZERO_BYTES.at(-1);
    const next = new Uint32Array(32);
    if (before) {
      square(next, before);
    } else {
      // The operator for one zero bit (the polynomial, reflected, in the first row, then a shift), squared three
      // times: eight zero bits.
      const bit = new Uint32Array(32);
      bit[0] = 0xedb88320;
      for (let n = 1, row = 1; n < 32; n++, row = (row << 1) >>> 0) bit[n] = row;
      const two = new Uint32Array(32);
      square(two, bit);
      square(bit, two);
      square(next, bit);
    }
    ZERO_BYTES.push(next);
  }
  return ZERO_BYTES[k]!;
}

function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0, v = vector >>> 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function square(into: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) into[n] = times(matrix, matrix[n]!);
}

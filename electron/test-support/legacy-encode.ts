/**
 * Encodes text as GB18030 (two-byte part) or Big5 for tests. Node decodes these encodings but cannot encode
 * them, so the encoder is built by inverting the decoder over every two-byte sequence once.
 */
import { TextDecoder } from 'node:util';

const tables = new Map<string, Map<string, number>>();

function table(label: 'gb18030' | 'big5'): Map<string, number> {
  let t = tables.get(label);
  if (t) return t;
  t = new Map();
  const decoder = new TextDecoder(label);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !t.has(ch)) t.set(ch, (lead << 8) | trail);
    }
  }
  tables.set(label, t);
  return t;
}

/** The bytes of `text` in GB18030 or Big5; throws on a character the two-byte table lacks. */
export function encodeLegacy(text: string, label: 'gb18030' | 'big5'): Uint8Array {
  const t = table(label);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = t.get(ch);
    if (pair === undefined) throw new Error(`${ch} has no two-byte ${label} code`);
    out.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(out);
}

/** The bytes of `text` in UTF-16 with a byte-order mark. */
export function encodeUtf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), order === 'le');
  return out;
}

/**
 * Which encoding an article is in, judged from its first bytes: a byte-order mark settles it; otherwise valid
 * UTF-8 is UTF-8, and other text is GB18030 (which covers GBK and GB2312) or Big5, whichever decodes into more
 * of the common Chinese characters. Bytes that no text has (NUL in 8-bit text, image and archive signatures)
 * mean the file is not text at all.
 */
import { TextDecoder } from 'node:util';
import type { TextEncodingName } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';

export interface DetectedEncoding {
  readonly encoding: TextEncodingName;
  /** The decoder's label for TextDecoder. */
  readonly label: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

const SIGNATURES: readonly { readonly name: string; readonly bytes: readonly number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a ZIP archive (or a DOCX/XLSX file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

// The most frequent Chinese characters: text in the right encoding is full of them; the wrong one yields rarities.
const COMMON_HANZI = new Set(
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领深近們這個來說為時會對裡後麼動長見經頭從當開問與發現實點種聲無間處們學國過還進話邊會'.split(
    '',
  ),
);

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.length <= bytes.length && signature.every((b, i) => bytes[i] === b);
}

function commonShare(text: string): number {
  let cjk = 0;
  let common = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') replaced++;
    else if (ch >= '\u4e00' && ch <= '\u9fff') {
      cjk++;
      if (COMMON_HANZI.has(ch)) common++;
    }
  }
  return cjk === 0 ? -replaced : common / cjk - replaced / Math.max(1, text.length);
}

/**
 * The share of common characters among the Han characters a legacy decoding yields, below which the decoding is
 * judged wrong. Real Chinese text runs well above one half with this list; bytes of a European 8-bit encoding
 * read as GB18030 or Big5 give rare characters and replacement marks.
 */
const MIN_COMMON_SHARE = 0.3;

/**
 * Offset of the first byte that breaks UTF-8, or -1 when `bytes` is valid UTF-8 (a multi-byte character cut off
 * at the end of an incomplete sample is allowed).
 */
function utf8ErrorAt(bytes: Uint8Array, complete: boolean): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    if (i + len > n) return complete ? i : -1;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/**
 * Detects the encoding of an article from a sample of its first bytes.
 * @param sample the first bytes of the file (64 KiB is plenty)
 * @param complete whether the sample is the whole file
 * @param where the file name, for messages
 */
export function detectEncoding(sample: Uint8Array, complete: boolean, where: string): Result<DetectedEncoding> {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return ok({ encoding: 'utf-8-bom', label: 'utf-8', bomLength: 3 });
  if (sample[0] === 0xff && sample[1] === 0xfe) return ok({ encoding: 'utf-16le', label: 'utf-16le', bomLength: 2 });
  if (sample[0] === 0xfe && sample[1] === 0xff) return ok({ encoding: 'utf-16be', label: 'utf-16be', bomLength: 2 });
  for (const s of SIGNATURES) {
    if (startsWith(sample, s.bytes)) return fail('binary', `${where} is ${s.name}, not a text article.`);
  }
  const nul = sample.indexOf(0);
  if (nul >= 0) {
    return fail(
      'binary',
      `${where} is not a text article: it holds a NUL byte at offset ${nul} (binary data, or UTF-16 without a byte-order mark).`,
    );
  }
  let controls = 0;
  for (const b of sample) if ((b < 0x09 || (b > 0x0d && b < 0x20)) && b !== 0x1b) controls++;
  if (controls > 8 && controls / sample.length > 0.01) {
    return fail('binary', `${where} is not a text article: it is full of control bytes (${controls} in the first ${sample.length}).`);
  }
  const badAt = utf8ErrorAt(sample, complete);
  if (badAt < 0) return ok({ encoding: 'utf-8', label: 'utf-8', bomLength: 0 });
  const gb = commonShare(new TextDecoder('gb18030').decode(sample));
  const big5 = commonShare(new TextDecoder('big5').decode(sample));
  if (Math.max(gb, big5) < MIN_COMMON_SHARE) {
    // Neither reading gives Chinese text: most likely Latin-1 or Windows-1252, which would show as garbage.
    const at = badAt;
    return fail(
      'bad-encoding',
      `${where} is not in an encoding Redline reads (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK, Big5): ` +
        `byte 0x${sample[at]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${at} is not UTF-8, and the text does not read as Chinese. ` +
        'Save it as UTF-8 and open it again.',
    );
  }
  if (big5 > gb) return ok({ encoding: 'big5', label: 'big5', bomLength: 0 });
  return ok({ encoding: 'gb18030', label: 'gb18030', bomLength: 0 });
}

/**
 * A whole file's text, decoded as an article is loaded (its encoding detected from its start, its byte-order mark
 * left out), with that encoding; fails with `bad-encoding` when the bytes are not valid text in it.
 */
export function decodeWholeFile(
  bytes: Uint8Array,
  where: string,
): Result<{ readonly text: string; readonly encoding: DetectedEncoding['encoding'] }> {
  const detected = detectEncoding(bytes.subarray(0, 64 * 1024), bytes.length <= 64 * 1024, where);
  if (!detected.ok) return detected;
  try {
    const text = new TextDecoder(detected.value.label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(detected.value.bomLength));
    return ok({ text, encoding: detected.value.encoding });
  } catch {
    return fail('bad-encoding', `${where} is no longer valid ${detected.value.encoding} text.`);
  }
}

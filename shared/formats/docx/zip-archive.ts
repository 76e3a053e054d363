/**
 * Reading and writing the ZIP container of a Word document. The central directory is read here rather than by a
 * library so that the sizes it declares can be checked before anything is inflated, and each entry is inflated
 * in steps with its real output counted: a file of a few kilobytes that unzips to gigabytes (a zip bomb) is
 * refused before it fills the memory, whether or not its directory tells the truth about its sizes.
 */
import { DecodeUTF8, Inflate, strFromU8, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import { fail, ok, type Result } from '../../result';

/**
 * The most a document may unzip to, all entries together. Word documents of book length with images stay far
 * below 200 MB; past it the file is almost certainly built to exhaust memory.
 */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** Compressed bytes handed to the inflater at a time: the output is counted after each step. */
const INFLATE_STEP = 64 * 1024;

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  /** Offset of the entry's compressed data in the archive. */
  readonly dataOffset: number;
}

/** An opened archive: its entries, read on demand within one budget of unzipped bytes. */
export class ZipArchive {
  private spent = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly fileName: string,
    private readonly limit: number,
  ) {}

  /** Reads the central directory; refuses an archive whose declared sizes already pass `limit`. */
  static open(bytes: Uint8Array, fileName: string, limit = MAX_UNZIPPED_BYTES): Result<ZipArchive> {
    const entries = readDirectory(bytes, fileName);
    if (!entries.ok) return entries;
    let declared = 0;
    for (const e of entries.value.values()) declared += e.declaredSize;
    if (declared > limit) return fail('too-large', tooLarge(fileName, limit));
    return ok(new ZipArchive(bytes, entries.value, fileName, limit));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of an entry, or undefined when there is none; fails once the archive's budget is spent. */
  read(name: string): Result<Uint8Array | undefined> {
    if (!this.entries.has(name)) return ok(undefined);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const steps = this.unzipped(name);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        if (!step.value.ok) return step.value;
        break;
      }
      for (const chunk of step.value) {
        chunks.push(chunk);
        size += chunk.length;
      }
    }
    if (chunks.length === 1) return ok(chunks[0]!);
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return ok(out);
  }

  /**
   * An entry as UTF-8 text given to `onText` a piece at a time (a BOM dropped), `breathe` awaited between two;
   * answers false when there is no such entry. A long document's main part is never one string.
   */
  async readTextInSteps(name: string, onText: (text: string) => void, breathe: () => Promise<void>): Promise<Result<boolean>> {
    if (!this.entries.has(name)) return ok(false);
    let first = true;
    const decoder = new DecodeUTF8((text) => {
      onText(first ? text.replace(/^\uFEFF/, '') : text);
      if (text.length > 0) first = false;
    });
    const steps = this.unzipped(name);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        if (!step.value.ok) return step.value;
        break;
      }
      for (const chunk of step.value) decoder.push(chunk);
      await breathe();
    }
    decoder.push(new Uint8Array(0), true);
    return ok(true);
  }

  /**
   * An entry's bytes in steps: each step inflates `INFLATE_STEP` compressed bytes and yields what came out, counted
   * against the archive's budget; returns why not, if it fails.
   */
  private *unzipped(name: string): Generator<Uint8Array[], Result<void>> {
    const entry = this.entries.get(name)!;
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) {
      this.spent += data.length;
      if (this.spent > this.limit) return fail('too-large', tooLarge(this.fileName, this.limit));
      yield [data];
      return ok(undefined);
    }
    if (entry.method !== 8) {
      return fail('unsupported', `${this.fileName}: ${name} is compressed with method ${entry.method}, which Redline does not read.`);
    }
    let out: Uint8Array[] = [];
    let over = false;
    const inflater = new Inflate((chunk) => {
      this.spent += chunk.length;
      if (this.spent > this.limit) over = true;
      else out.push(chunk);
    });
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const end = Math.min(data.length, at + INFLATE_STEP);
      try {
        inflater.push(data.subarray(at, end), end === data.length);
      } catch (e) {
        return fail('parse-error', `${this.fileName}: ${name} is damaged (${e instanceof Error ? e.message : String(e)}).`);
      }
      if (over) return fail('too-large', tooLarge(this.fileName, this.limit));
      if (out.length > 0) yield out;
      out = [];
    }
    return ok(undefined);
  }

  /** An entry as UTF-8 text (a BOM dropped), or undefined when there is none. */
  readText(name: string): Result<string | undefined> {
    const bytes = this.read(name);
    if (!bytes.ok || bytes.value === undefined) return bytes as Result<undefined>;
    return ok(strFromU8(bytes.value).replace(/^\uFEFF/, ''));
  }

  /** Every entry's bytes, for rewriting the package with some entries replaced. */
  readAll(): Result<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for (const name of this.entries.keys()) {
      const r = this.read(name);
      if (!r.ok) return r;
      out.set(name, r.value!);
    }
    return ok(out);
  }
}

function tooLarge(fileName: string, limit: number): string {
  return `${fileName} unzips to more than ${Math.round(limit / 1024 / 1024)} MB, more than any real document; it was not opened.`;
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function readDirectory(b: Uint8Array, fileName: string): Result<Map<string, ZipEntry>> {
  const damaged = (why: string) => fail<Map<string, ZipEntry>>('parse-error', `${fileName} is not a readable Word document: ${why}.`);
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return damaged('it is not a ZIP archive (no central directory)');
  const count = u16(b, end + 10);
  let at = u32(b, end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return damaged('its central directory is cut short');
    const method = u16(b, at + 10);
    const compressedSize = u32(b, at + 20);
    const declaredSize = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const local = u32(b, at + 42);
    const name = strFromU8(b.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || local === 0xffffffff) {
      return fail('too-large', `${fileName} is a ZIP64 archive (entries over 4 GB), far larger than any real document; it was not opened.`);
    }
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return damaged(`the entry ${name} is missing`);
    const dataOffset = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataOffset + compressedSize > b.length) return damaged(`the entry ${name} is cut short`);
    entries.set(name, { name, method, compressedSize, declaredSize, dataOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return ok(entries);
}

/** How hard entries are deflated: zlib's default. */
const LEVEL = 6;

/** Writes a ZIP archive of the given entries, in the given order (Word wants `[Content_Types].xml` first). */
export function writeZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = [data, { level: LEVEL }];
  return zipSync(files);
}

/**
 * A ZIP archive written an entry at a time, in order, a large entry's data a piece at a time: a caller that works
 * in steps deflates one piece a step (deflating a long article's document at once took over a second). Each
 * entry's sizes and checksum follow its data, as ZIP allows for data written as it comes.
 */
export class ZipStream {
  private readonly out: Uint8Array[] = [];
  private failure: Error | undefined;
  private readonly zip = new Zip((err, chunk) => {
    if (err) this.failure = err;
    else this.out.push(chunk);
  });

  /** Adds an entry whose data is given whole. */
  add(name: string, data: Uint8Array): void {
    this.begin(name)(data, true);
  }

  /** Starts an entry: the function answered takes its data a piece at a time, `last` set with the final piece. */
  begin(name: string): (piece: Uint8Array, last: boolean) => void {
    const file = new ZipDeflate(name, { level: LEVEL });
    this.zip.add(file);
    return (piece, last) => file.push(piece, last);
  }

  /** Ends the archive and answers its bytes, in the pieces they were made in (one after another, they are the file). */
  end(): readonly Uint8Array[] {
    this.zip.end();
    if (this.failure) throw this.failure;
    return this.out;
  }
}

/** Pieces of bytes joined into one array. */
export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(pieces.reduce((n, piece) => n + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

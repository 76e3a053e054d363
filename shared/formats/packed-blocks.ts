/**
 * Paragraphs in a shape that is cheap for the service to keep (see `PackedBlocks`): handed over from a thread that
 * read them, or packed where they were read (`ownTexts`).
 */
import type { Block } from '../model';

/**
 * A batch of paragraphs as sent: their texts and sources joined into two strings (those whose characters all fit in
 * a byte, kept that way, and the others), each paragraph saying where its texts end. Taken in, each text is a slice of
 * its batch's string. A hundred thousand small strings, each kept, were what made the service's young-generation
 * collections long (each copies every kept object once): two long strings a batch are copied once, or not at all
 * (those over 128 kB are never moved), and a slice is a small object.
 */
export interface PackedBlocks {
  readonly blocks: readonly Omit<Block, 'text' | 'source'>[];
  readonly narrow: string;
  readonly wide: string;
  /** Per paragraph, the end of its text and of its source: `end` in `narrow`, `-1 - end` in `wide`; `NO_SOURCE`. */
  readonly ends: Int32Array;
}

const NO_SOURCE = 0x7fffffff;
/** A character that does not fit in a byte: a string holding one takes two bytes a character. */
const WIDE = /[\u0100-\uffff]/;

/** The texts of a batch, joined. */
type JoinedTexts = Omit<PackedBlocks, 'blocks'>;

type MutableBlock = { -readonly [K in keyof Block]: Block[K] };

/** Joins the texts and sources of `list` into the two strings, and says where each ends. */
function joinTexts(list: readonly Block[]): JoinedTexts {
  const narrow: string[] = [];
  const wide: string[] = [];
  let narrowAt = 0;
  let wideAt = 0;
  const ends = new Int32Array(list.length * 2);
  const place = (text: string): number => {
    if (WIDE.test(text)) {
      wide.push(text);
      wideAt += text.length;
      return -1 - wideAt;
    }
    narrow.push(text);
    narrowAt += text.length;
    return narrowAt;
  };
  for (let k = 0; k < list.length; k++) {
    const { text, source } = list[k]!;
    ends[2 * k] = place(text);
    ends[2 * k + 1] = source === undefined ? NO_SOURCE : place(source);
  }
  return { narrow: narrow.join(''), wide: wide.join(''), ends };
}

/**
 * Gives each paragraph object its texts as slices of the joined strings, in place: spreading a hundred thousand
 * objects into new ones took ten times as long, and made the objects slower to read.
 */
function placeTexts(blocks: readonly MutableBlock[], { narrow, wide, ends }: JoinedTexts): void {
  let narrowAt = 0;
  let wideAt = 0;
  const take = (end: number): string => {
    if (end >= 0) return narrow.slice(narrowAt, (narrowAt = end));
    return wide.slice(wideAt, (wideAt = -1 - end));
  };
  for (let k = 0; k < blocks.length; k++) {
    blocks[k]!.text = take(ends[2 * k]!);
    const source = ends[2 * k + 1]!;
    if (source !== NO_SOURCE) blocks[k]!.source = take(source);
  }
}

/** Packs a batch to be sent (in the thread that read it): the texts go once, in the joined strings. */
export function packBlocks(list: readonly Block[]): PackedBlocks {
  const blocks = list.map(({ text: _text, source: _source, ...rest }) => rest);
  return { blocks, ...joinTexts(list) };
}

/** The paragraphs of a batch as sent, each text a slice of the batch's strings. */
export function unpackBlocks(packed: PackedBlocks): Block[] {
  const blocks = packed.blocks as MutableBlock[];
  placeTexts(blocks, packed);
  return blocks;
}

/**
 * The same paragraphs, their texts and sources copied into two strings of their own and each a slice of them: a
 * reader's texts are pieces of the document it read, which keep the whole piece of the file they were cut from,
 * and a hundred thousand texts each copied apart are that many objects for each young-generation collection to copy.
 * The paragraphs are the reader's own, fresh objects: they are given their new texts in place.
 */
export function ownTexts(blocks: Block[]): Block[] {
  if (blocks.length > 0) placeTexts(blocks as MutableBlock[], joinTexts(blocks));
  return blocks;
}

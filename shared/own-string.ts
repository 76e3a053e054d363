/**
 * A string that holds its own characters. A piece cut from a longer string (by `slice`, a regular expression, or a
 * parser handing over text) is in V8 often a view of that string, and keeps all of it alive for as long as the
 * piece lives: a paragraph cut from a 256 kB piece of an XLIFF file kept the whole piece, markup and all, for as
 * long as the review was open (a 137 MB file then held 900 MB). A paragraph kept for the life of a review is
 * copied with this once, when it is made.
 */
export function ownString(text: string): string {
  // Joining makes a string of two parts; slicing it first writes the two parts out into a new string of its own,
  // and the slice is then a view of that new string alone (or, when short, a copy).
  return text.length === 0 ? text : (' ' + text).slice(1);
}

/**
 * The space characters above U+009F that both `\s` and Python's `str.split()` count as white space: no-break space,
 * the Ogham space mark, the typographic spaces U+2000-U+200A, the line and paragraph separators, the narrow no-break
 * space, the medium mathematical space and the ideographic space. (`\s` adds U+FEFF; Python adds U+0085.)
 */
export function isWideSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

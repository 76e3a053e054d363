/**
 * Source-script text left in an English translation: runs of Han characters (with the Chinese punctuation among
 * them), and Chinese punctuation marks on their own (、，。) where English punctuation belongs. A translation that is
 * itself mostly Chinese is not checked. A short name in brackets after its English form ("Lin Yawen (林雅文)") is a
 * convention of some newsrooms, not an error, and is left alone.
 */
import { finding, isHan, isMostlyHan, type CheckParagraph, type Finding } from './finding';

/** Chinese punctuation and full-width forms that belong to a run of Chinese text. */
function isCjkMark(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff5e) || code === 0x201c || code === 0x201d;
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]/;

export function checkUntranslated(p: CheckParagraph): Finding[] {
  const text = p.text;
  // Most paragraphs hold no Chinese at all: one native scan settles them.
  if (!text || !CJK.test(text) || isMostlyHan(text)) return [];
  const out: Finding[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isHan(c) && !(isCjkMark(c) && c !== 0x201c && c !== 0x201d)) {
      i += 1;
      continue;
    }
    let end = i;
    let han = 0;
    // A run: Han characters and Chinese marks, with nothing Latin between them.
    while (end < text.length) {
      const d = text.charCodeAt(end);
      if (isHan(d)) han += 1;
      else if (!isCjkMark(d)) break;
      end += 1;
    }
    const bracketed = text[i - 1] === '(' && text[end] === ')' && end - i <= 6;
    if (!bracketed) {
      if (han > 0) {
        out.push(finding('untranslated', p, i, end, 'Accuracy/Untranslated', 'major', 'Chinese text left untranslated.'));
      } else {
        out.push(
          finding(
            'untranslated',
            p,
            i,
            end,
            'Linguistic conventions/Punctuation',
            'minor',
            `Chinese punctuation “${text.slice(i, end)}” in English text.`,
          ),
        );
      }
    }
    i = end;
  }
  return out;
}

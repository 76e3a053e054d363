/**
 * Punctuation a machine translation gets wrong in English: doubled spaces, a space before a comma or full stop,
 * no space after one, brackets and quotation marks that do not pair, and straight quotes mixed with curly ones.
 *
 * A quotation that runs on into the next paragraph leaves its opening mark unclosed, as English typography wants,
 * so an opening quote without a close at the end of a paragraph is not reported; a closing mark with no opening
 * one is. Numbers (3,000 / 6:00), web addresses and abbreviations (a.m.) keep their own punctuation.
 */
import { finding, isMostlyHan, type CheckParagraph, type Finding } from './finding';

const CATEGORY = 'Linguistic conventions/Punctuation';

/** Spaces before a comma, full stop or other mark that ends a phrase. */
const SPACE_BEFORE = / +([,.;:!?])(?=\s|$)/g;
/** A comma, semicolon or full stop with a word right after it. */
const NO_SPACE_AFTER = /[,;](?=[A-Za-z])|\.(?=[A-Z][a-z])/g;
/** Every mark the checks for pairs and quote styles look at: a paragraph without any (most) skips them all. */
const PAIRED_OR_QUOTE = /[()[\]“”‘’"]/;

/** Finds punctuation problems in one paragraph. */
export function checkPunctuation(p: CheckParagraph): Finding[] {
  const text = p.text;
  if (text.length === 0 || isMostlyHan(text)) return [];
  const out: Finding[] = [];

  // Each pattern starts with a literal character, so the scan is cheap on the many paragraphs without it.
  if (text.includes('  ')) {
    for (const m of text.matchAll(/ {2,}/g)) {
      if (m.index > 0 && m.index + m[0].length < text.length && text[m.index - 1] !== '\n')
        add(out, p, m.index, m.index + m[0].length, 'Two spaces where one belongs.');
    }
  }
  // The two patterns below run on every paragraph: shared expressions walked with exec, not a copy of each made
  // by matchAll for every paragraph.
  SPACE_BEFORE.lastIndex = 0;
  for (let m = SPACE_BEFORE.exec(text); m; m = SPACE_BEFORE.exec(text)) {
    if (m.index > 0 && /[A-Za-z0-9”’)]/.test(text[m.index - 1]!)) add(out, p, m.index, m.index + m[0].length, `A space before “${m[1]}”.`);
  }
  // No space after a comma, semicolon or full stop between two words: "bridge,which" or "closed.The".
  NO_SPACE_AFTER.lastIndex = 0;
  for (let m = NO_SPACE_AFTER.exec(text); m; m = NO_SPACE_AFTER.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (!(m[0] === '.' ? /^[a-z]{3}$/ : /[a-z]{2}$/).test(before)) continue;
    if (/(?:https?:\/\/|www\.)\S*$/.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    add(out, p, m.index, m.index + 1, `No space after “${m[0]}”.`);
  }
  if (!PAIRED_OR_QUOTE.test(text)) return out;

  if (/[()]/.test(text)) out.push(...pairs(p, '(', ')', 'bracket'));
  if (/[[\]]/.test(text)) out.push(...pairs(p, '[', ']', 'bracket'));
  if (/[“”]/.test(text)) out.push(...pairs(p, '“', '”', 'quotation mark'));

  // Straight double quotes: an odd number cannot pair.
  const straight = text.includes('"') ? [...text.matchAll(/"/g)].map((m) => m.index) : [];
  if (straight.length % 2 === 1) add(out, p, straight.at(-1)!, straight.at(-1)! + 1, 'A straight quotation mark without its partner.');

  // Mixed styles: straight single marks among curly single ones (‘ ’ with '), straight double among curly double.
  // Curly double quotes with straight apostrophes is a common house style, not a mix.
  if (/[‘’]/.test(text))
    for (const m of text.matchAll(/'/g)) add(out, p, m.index, m.index + 1, 'A straight apostrophe among curly ones (’).');
  if (/[“”]/.test(text))
    for (const m of text.matchAll(/"/g)) add(out, p, m.index, m.index + 1, 'A straight quotation mark among curly ones (“ ”).');
  return out;
}

function add(out: Finding[], p: CheckParagraph, start: number, end: number, message: string): void {
  out.push(finding('punctuation', p, start, end, CATEGORY, 'minor', message));
}

/** Unpaired opening and closing marks. An opening mark left open at the paragraph's end may continue a quotation. */
function pairs(p: CheckParagraph, open: string, close: string, what: string): Finding[] {
  const text = p.text;
  const out: Finding[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === open) {
      if (open === '“' && stack.length > 0) {
        // “ … “ with no close between: the first quotation was never closed.
        const at = stack.pop()!;
        add(out, p, at, at + 1, `An opening ${what} that is never closed.`);
      }
      stack.push(i);
    } else if (c === close) {
      if (stack.length === 0) add(out, p, i, i + 1, `A closing ${what} with no opening one.`);
      else stack.pop();
    }
  }
  const quotationRunsOn = open === '“' && stack.length === 1;
  if (!quotationRunsOn) for (const at of stack) add(out, p, at, at + 1, `An opening ${what} that is never closed.`);
  return out;
}

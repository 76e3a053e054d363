/**
 * Page furniture: lines a scraper carried in with the article that are not part of it — navigation trails
 * ("Home > News > China"), related-links and read-more lines, share buttons, comment forms, cookie banners,
 * copyright lines, editor credits, and the headline repeated further down. Proposed for removal.
 *
 * Only short paragraphs are judged (a sentence of the article that happens to mention cookies is longer than a
 * banner's line is not), and every pattern is anchored on the whole line, so a phrase inside prose never matches.
 */
import { finding, type CheckParagraph, type Finding } from './finding';

/** Longest paragraph, in words, that is judged at all. */
const MAX_WORDS = 24;

const CATEGORY = 'Design and markup/Layout';

const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^(?:[\p{L}\p{N} .&'’-]{1,30}\s*[>›»|/]\s*){2,}[\p{L}\p{N} .&'’-]{1,40}$/u, 'a navigation trail'],
  [
    /^(?:related(?: (?:articles|stories|news|links|reading|coverage))?|read more|more on this story|see also|recommended|you may also like|further reading|most read|trending)(?:\s*[:：>»].*|\s*)$/i,
    'a related-links line',
  ],
  [
    /^(?:share(?: this(?: article| story| page)?)?(?: on)?|follow us(?: on)?)\b[\s:]*(?:(?:facebook|twitter|x|wechat|weibo|whatsapp|linkedin|telegram|email|e-mail|print|copy link)[\s,|/·]*)*$/i,
    'share buttons',
  ],
  [/^(?:(?:facebook|twitter|wechat|weibo|whatsapp|linkedin|telegram|email|print)\s*[|,/·]?\s*){2,}$/i, 'share buttons'],
  [
    /(?:leave a (?:comment|reply)|post (?:a )?comment|your email address will not be published|required fields are marked|comments are closed|log in to comment|\d+ comments?$)/i,
    'a comment form',
  ],
  [
    /(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie (?:settings|policy|preferences)|manage (?:your )?consent)/i,
    'a cookie banner',
  ],
  [/^(?:copyright\s*)?(?:©|\(c\))|^copyright\s+\d{4}/i, 'a copyright line'],
  [/all rights reserved\.?$/i, 'a copyright line'],
  [
    /^(?:editor|editor in charge|responsible editor|edited by|source|photo|photograph|image|reporter|correspondent)\s*[:：]\s*\S.*$/i,
    'a credit line',
  ],
  [
    /^(?:by\s+[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3}\s*(?:[|,·]\s*)?)?(?:published|updated|posted)(?: on| at)?\s*[:：]?\s*\d/iu,
    'a byline and date stamp',
  ],
  [
    /^(?:back to top|print this page|subscribe(?: now| to our newsletter)?|sign up for our newsletter|next article|previous article|next|previous|advertisement|sponsored|tags?\s*[:：].*)$/i,
    'a page link',
  ],
  [/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:source|来源)\s*[:：].*)?$/i, 'a date stamp'],
];

/** Finds furniture among an article's paragraphs (the headline repeated further down needs the whole article). */
export function checkFurniture(paragraphs: readonly CheckParagraph[]): Finding[] {
  const out: Finding[] = [];
  const headline = paragraphs[0]?.text.trim();
  paragraphs.forEach((p, i) => {
    const found = furnitureOf(p, i > 0 ? headline : undefined);
    if (found) out.push(found);
  });
  return out;
}

/** Whether one paragraph is furniture; `headline` is the article's first paragraph, when this is not it. */
export function furnitureOf(p: CheckParagraph, headline: string | undefined): Finding | undefined {
  // Most paragraphs are longer than any furniture line: settled by their length before any pattern runs.
  if (p.text.length > MAX_WORDS * 12) return undefined;
  const line = p.text.trim();
  if (!line || OVER_MAX_WORDS.test(line)) return undefined;
  if (headline !== undefined && line === headline && line.split(/\s+/).length >= 3) return remove(p, line, 'the headline repeated');
  for (const [re, what] of PATTERNS) if (re.test(line)) return remove(p, line, what);
  return undefined;
}

/**
 * A trimmed line of more than {@link MAX_WORDS} words (runs of non-white-space, as `split(/\s+/)` counts them):
 * the pattern stops at the word past the limit, and reads the line natively instead of a character at a time.
 */
const OVER_MAX_WORDS = new RegExp(String.raw`^\S+(?:\s+\S+){${MAX_WORDS}}`);

function remove(p: CheckParagraph, line: string, what: string): Finding {
  const start = p.text.indexOf(line);
  return finding('furniture', p, start, start + line.length, CATEGORY, 'minor', `Not part of the article (${what}): remove it.`);
}

/**
 * Reads the numbers a text states, with their values, so that a source and its translation can be compared by
 * value whatever the writing: 3.4亿 and "340 million", 1.5万 and "15,000", 百分之六十 and "60%", 四成 and "40%",
 * 9月28日 and "28 September", 三年 and "three years", ６ and "6".
 *
 * Chinese numerals count only where they are plainly numbers: with a digit and a unit character (三千, 九十二万),
 * written digit by digit (二〇二五), or followed by a measure word (三座, 五个月). Words that merely contain a numeral
 * (一些, 统一, 十分, 百姓, 千万) and weekdays (周二) are not numbers. "One" and "a" (一) are never counted: English
 * drops or rewrites them freely.
 */

export interface NumberMention {
  /** The values the mention may stand for (9 p.m. is 9 or 21). */
  readonly values: readonly number[];
  readonly start: number;
  readonly end: number;
  /** Written in digits (the translation's digits are held to the source; its number words are not). */
  readonly digits: boolean;
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/**
 * Measure words and units after which a bare Chinese numeral is a number. Kept to the common ones: a numeral
 * before anything else is more often part of a word.
 */
const MEASURE_WORDS =
  '年月日号天周岁个名人位次座条家项场跨颗盏辆台部件只头所层届批期栋间艘架本张份种队支点时分秒米元倍户辆吨股轮节棵块片套双对处门级年代';
const MULTI_CHAR_UNITS = ['公里', '公斤', '小时', '分钟', '个月', '周年', '千米', '平方米', '万元', '亿元', '美元'];

const FULL_WIDTH = /[０-９．，：％]/;

/** Full-width digits and signs as ASCII, one character for one, so offsets stay the same. */
function halfWidth(text: string): string {
  // Most texts hold none: a test is far cheaper than a replace that calls back for nothing.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[０-９．，：％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function cnValue(numeral: string): number {
  const hasUnit = [...numeral].some((c) => c in CN_SMALL_UNITS || c in CN_BIG_UNITS);
  if (!hasUnit) return Number([...numeral].map((c) => CN_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of numeral) {
    if (c in CN_DIGITS) digit = CN_DIGITS[c]!;
    else if (c in CN_SMALL_UNITS) {
      section += (digit || 1) * CN_SMALL_UNITS[c]!;
      digit = 0;
    } else if (c === '万') {
      total += (section + digit) * 1e4;
      section = 0;
      digit = 0;
    } else if (c === '亿') {
      total = (total + section + digit) * 1e8;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

function multiplierAfter(text: string, at: number): { factor: number; length: number } {
  let factor = 1;
  let i = at;
  while (i < text.length && (text[i] === '万' || text[i] === '亿' || (i === at && (text[i] === '千' || text[i] === '百')))) {
    factor *= text[i] === '万' ? 1e4 : text[i] === '亿' ? 1e8 : text[i] === '千' ? 1e3 : 1e2;
    i += 1;
  }
  return { factor, length: i - at };
}

function followedByMeasure(text: string, at: number): boolean {
  const c = text[at];
  if (c === undefined) return false;
  if (MULTI_CHAR_UNITS.some((u) => text.startsWith(u, at))) return true;
  return MEASURE_WORDS.includes(c);
}

/**
 * Numbers in a source text. Full-width digits and signs (１２，０００．５, ６：００) count as their ASCII forms: the
 * pattern takes both, and only a match that holds a full-width character is made ASCII before its value is read.
 * (Making the whole text ASCII first cost a copy of nearly every Chinese paragraph, which has full-width commas.)
 */
const SOURCE_NUMBER =
  /([\d０-９]{1,2})[:：]([\d０-９]{2})(?![\d０-９])|[\d０-９]+(?:[,，][\d０-９]{3})*(?:[.．][\d０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+/g;

/** Numbers stated in a Chinese (or any) source text: Arabic digits with Chinese units, and Chinese numerals. */
export function readSourceNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const re = SOURCE_NUMBER;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (m[1] !== undefined) {
      out.push({ values: [Number(halfWidth(m[1])) + Number(halfWidth(m[2]!)) / 60], start, end, digits: true });
      continue;
    }
    let value: number;
    let digits = true;
    const first = m[0].charCodeAt(0);
    if (isDigit(first) || (first >= 0xff10 && first <= 0xff19)) {
      if (start > 0 && isLatinLetter(text.charCodeAt(start - 1))) continue; // part of a code such as "G20", "LED2"
      value = digitsValue(halfWidth(m[0]));
      const mult = multiplierAfter(text, end);
      value *= mult.factor;
      end += mult.length;
    } else {
      digits = false;
      const numeral = m[0];
      if (/^[万亿千百]/.test(numeral)) continue; // 万一, 千万, 百姓: words, not numbers
      if (start > 0 && '周星期礼拜'.includes(text[start - 1]!)) continue; // 周二, 星期三: weekdays
      const hasDigit = [...numeral].some((c) => c in CN_DIGITS);
      const hasUnit = [...numeral].some((c) => c in CN_SMALL_UNITS || c in CN_BIG_UNITS);
      if (numeral === '十' && text[end] === '分' && text[end + 1] !== '钟') continue; // 十分: "very"
      const plainNumber = (hasUnit && (hasDigit || numeral.startsWith('十'))) || (!hasUnit && numeral.length >= 3);
      if (!plainNumber && !followedByMeasure(text, end) && text[end] !== '成') continue;
      value = cnValue(numeral);
    }
    if (start >= 3 && text.startsWith('百分之', start - 3)) {
      out.push({ values: [value], start: start - 3, end, digits });
      continue;
    }
    if (text[end] === '成') {
      // 四成: four tenths, written in English as 40%.
      out.push({ values: [value * 10], start, end: end + 1, digits });
      continue;
    }
    if (value === 1 || !Number.isFinite(value)) continue;
    const hourPm = value >= 1 && value <= 12 && text[end] === '时' && start >= 2 && AFTERNOON.has(text.slice(start - 2, start));
    out.push({ values: hourPm ? [value, value + 12] : [value], start, end, digits });
  }
  return out;
}

/** Words for the afternoon and evening before an hour (下午3时): the hour may be read either way. */
const AFTERNOON = new Set(['下午', '晚上', '傍晚']);

const UNITS_EN: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINALS_EN: Readonly<Record<string, number>> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const SCALES_EN: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Every word that may start a number, a month or an ordinal. */
const NUMBER_WORDS = new Set([
  'a',
  ...Object.keys(UNITS_EN),
  ...Object.keys(ORDINALS_EN),
  ...Object.keys(SCALES_EN),
  ...Object.keys(MONTHS),
]);

/**
 * Clock times, digits with their scale words, and words from the number vocabulary: one regular expression, so
 * that the ordinary words between numbers cost no JavaScript at all.
 */
const TARGET_NUMBER = new RegExp(
  String.raw`(\d{1,2}):(\d{2})(?!\d)|(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(st|nd|rd|th|s)\b)?((?:[\s-]+(?:hundred|thousand|million|billion|trillion|ten-thousands?|ten thousands?))*)(?:(bn|m|k)(?![A-Za-z]))?(?!\d)|\b(?:` +
    [...NUMBER_WORDS].sort((x, y) => y.length - x.length).join('|') +
    String.raw`)\b(?:-[A-Za-z]+)?`,
  'gi',
);

/** Numbers stated in an English translation: digits with scale words, number words, month names and clock times. */
export function readTargetNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const re = TARGET_NUMBER;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      out.push({ values: [Number(m[1]) + Number(m[2]) / 60], start, end, digits: true });
      continue;
    }
    if (m[3] !== undefined) {
      if (start > 0 && isLatinLetter(text.charCodeAt(start - 1))) continue; // "G20"
      let value = m[4] === undefined ? digitsValue(m[3]) : Number(withoutCommas(m[3]) + m[4]);
      // "92 ten-thousands" (a literal rendering of 92万) is 920,000. Most numbers have no scale words.
      if (m[6]) {
        const scales = m[6]
          .toLowerCase()
          .replace(/ten[\s-]+thousands?/g, 'myriad')
          .split(/[\s-]+/)
          .filter(Boolean);
        for (const word of scales) value *= word === 'myriad' ? 1e4 : (SCALES_EN[word.replace(/s$/, '')] ?? 1);
      }
      const suffix = m[7]?.toLowerCase();
      if (suffix === 'bn') value *= 1e9;
      else if (suffix === 'm') value *= 1e6;
      else if (suffix === 'k') value *= 1e3;
      const pm = mayStartTime(text, end) && /^\s*p\.?m\b/.test(text.slice(end, end + 6).toLowerCase());
      out.push({ values: pm && value <= 12 ? [value, value + 12] : [value], start, end, digits: true });
      continue;
    }
    const word = m[0].toLowerCase();
    // Most words are no number: one lookup settles them.
    const hyphen = word.indexOf('-');
    if (!NUMBER_WORDS.has(hyphen < 0 ? word : word.slice(0, hyphen))) continue;
    const month = MONTHS[word];
    if (month !== undefined && /^[A-Z]/.test(m[0])) {
      // "May" and "March" are also a verb and a month only beside a day or year.
      const near = /\d/.test(text.slice(Math.max(0, start - 4), start)) || /^\.?\s*\d/.test(text.slice(end, end + 3));
      if ((word !== 'may' && word !== 'march' && word.length > 3) || near) out.push({ values: [month], start, end, digits: false });
      continue;
    }
    if (word in ORDINALS_EN) {
      out.push({ values: [ORDINALS_EN[word]!], start, end, digits: false });
      continue;
    }
    if (!((hyphen < 0 ? word : word.slice(0, hyphen)) in UNITS_EN) && !(word in SCALES_EN) && word !== 'a') continue;
    // The article "a" is the commonest match and nearly always starts no number: settled by the word after it.
    if (word === 'a' && !mayFollowA(text, end)) continue;
    // A run of number words: "three hundred and twenty-five thousand".
    let value = 0;
    let section = 0;
    let seen = false;
    let last = end;
    let at = start;
    const wordRe = /[A-Za-z]+(?:-[A-Za-z]+)?/y;
    for (;;) {
      wordRe.lastIndex = at;
      const w = wordRe.exec(text);
      if (!w) break;
      const lower = w[0].toLowerCase();
      const parts = lower.includes('-') ? lower.split('-') : undefined;
      if (parts === undefined ? lower in UNITS_EN : parts.every((p) => p in UNITS_EN)) {
        section += parts === undefined ? UNITS_EN[lower]! : parts.reduce((s, p) => s + UNITS_EN[p]!, 0);
        seen = true;
      } else if (lower in SCALES_EN && (seen || section === 0)) {
        const scale = SCALES_EN[lower]!;
        if (scale === 100) section = (section || 1) * 100;
        else {
          value += (section || 1) * scale;
          section = 0;
        }
        seen = true;
      } else if ((lower === 'and' || lower === 'a') && seen === (lower === 'and')) {
        // "a hundred", "three hundred and five"
      } else break;
      last = at + w[0].length;
      at = last;
      while (text.charCodeAt(at) === 32) at += 1;
      if (at === last) break;
    }
    if (!seen) continue;
    value += section;
    // A trailing "and"/"a" is not part of the number.
    const mention = text.slice(start, last).replace(/\s+(and|a)$/i, '');
    re.lastIndex = start + mention.length;
    if (value !== 1) out.push({ values: [value], start, end: start + mention.length, digits: false });
  }
  return out;
}

/** First letters (lower case) of the words a run of number words may go on with after "a": units, scales, "a". */
const AFTER_A = new Set([...Object.keys(UNITS_EN), ...Object.keys(SCALES_EN), 'a'].map((w) => w.charCodeAt(0)));

/**
 * Whether a run of number words may go on after an "a" that ends at `end`: spaces, then a word beginning with a
 * letter a unit, a scale or "a" begins with. Otherwise the run is the "a" alone, which is no number.
 */
function mayFollowA(text: string, end: number): boolean {
  let at = end;
  while (text.charCodeAt(at) === 32) at += 1;
  // `| 32` lower-cases an ASCII capital; no other character becomes a lower-case letter by it.
  return at > end && AFTER_A.has(text.charCodeAt(at) | 32);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function withoutCommas(digits: string): string {
  return digits.includes(',') ? digits.replace(/,/g, '') : digits;
}

/**
 * The value of digits grouped by commas, perhaps with a decimal part ("1,234", "3.4"). Whole numbers of up to 15
 * digits are added up as they are read: every step is exact below 2^53, so the value is the one `Number` reads,
 * without a copy of the text made first to take its commas out. Longer or decimal numbers are left to `Number`.
 */
function digitsValue(digits: string): number {
  const n = digits.length;
  if (n > 19) return Number(withoutCommas(digits));
  let value = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = digits.charCodeAt(i);
    if (c === 44) continue;
    if (c < 48 || c > 57) return Number(withoutCommas(digits));
    value = value * 10 + (c - 48);
    count += 1;
  }
  return count > 15 ? Number(withoutCommas(digits)) : value;
}

/**
 * Whether "p.m." may follow a number that ends at `at`: white space or a "p" comes next, and there is a "p"
 * among the six characters the pattern is tried on. Settles most numbers without copying and lower-casing what
 * follows them.
 */
function mayStartTime(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (!(code === 112 || code === 80 || code === 32 || (code >= 9 && code <= 13) || code >= 0xa0)) return false;
  const until = Math.min(text.length, at + 6);
  for (let i = at; i < until; i++) {
    const c = text.charCodeAt(i);
    if (c === 112 || c === 80) return true;
  }
  return false;
}

/** Whether two mentions may state the same number. */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  for (const x of a.values) for (const y of b.values) if (Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return true;
  return false;
}

/** A value as a reader writes it: 340,000,000; 1.5. (By hand: toLocaleString costs tens of microseconds a call.) */
export function formatValue(value: number): string {
  // A whole number below a trillion (nearly all) is grouped as its digits are copied: scaled by a thousand and
  // rounded, as below, it is exactly itself.
  if (Number.isInteger(value) && value >= 0 && value < 1e12) return withGroups(String(value));
  const [whole, fraction] = String(Math.round(value * 1000) / 1000).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Plain digits with a comma before every group of three from the right: 1234567 → 1,234,567. */
function withGroups(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  let out = digits.slice(0, ((n - 1) % 3) + 1);
  for (let i = out.length; i < n; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * Articles for the benchmarks that read like the news reports Redline is used on, so that figures measured on
 * them hold for real text: English prose whose sentences run from a few words to forty and whose paragraphs
 * from 40 to 200 words, with curly quotes and apostrophes; about one paragraph in ten in Chinese; or an article
 * all in Chinese. Post-edits rewrite what a reviewer rewrites: a clause replaced, a phrase moved to the front
 * of its sentence, a long sentence split, a word exchanged for a better one.
 *
 * Every word list here is our own. The same seed gives the same article.
 */
import { makeDocx } from '../shared/formats/docx/test-support/make-docx';
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../shared/seeded-random';

type Random = () => number;

const SUBJECTS = [
  'the city council',
  'the transport minister',
  'local residents',
  'the harbour authority',
  'engineers on the project',
  'a spokeswoman for the ministry',
  'the opposition party',
  'small business owners',
  'the regional hospital',
  'researchers at the university',
  'the construction company',
  'farmers in the valley',
  'the school board',
  'the central bank',
  'union leaders',
  'the mayor’s office',
  'the finance committee',
  'volunteers from the coast guard',
  'the national weather service',
  'shop owners on the high street',
  'the environment agency',
  'parents at the primary school',
  'the fire brigade',
  'two independent auditors',
  'the ferry operator',
  'the planning inspector',
];
const PEOPLE = [
  'Maria Costa',
  'the deputy mayor',
  'Daniel Okafor',
  'a council spokesman',
  'Professor Helen Lin',
  'Ana Ruiz',
  'Tom Hale',
  'the chief engineer',
  'Priya Natarajan',
  'Jonas Berg',
  'a senior official',
  'Grace Mbeki',
  'the harbour master',
];
const ROLES = [
  'chairs the finance committee',
  'has led the project since 2019',
  'runs a bakery near the old pier',
  'represents the northern district',
  'studies coastal erosion',
  'was elected last spring',
  'manages the water plant',
];
const VERBS = [
  'approved',
  'rejected',
  'postponed',
  'announced',
  'questioned',
  'defended',
  'reviewed',
  'criticised',
  'welcomed',
  'delayed',
  'funded',
  'expanded',
  'proposed',
  'cancelled',
  'revised',
  'examined',
  'backed',
  'challenged',
  'published',
];
const OBJECTS = [
  'the new budget',
  'plans for a second bridge',
  'a proposal to widen the coastal road',
  'the contract for the water plant',
  'changes to the bus timetable',
  'a study of flood risks',
  'the repair of the sea wall',
  'a ban on heavy lorries in the old town',
  'the sale of the former railway depot',
  'a scheme to plant ten thousand trees',
  'the hospital’s new cancer ward',
  'rules on short-term rentals',
  'a report on air quality near the port',
  'the closure of two village schools',
  'funding for night buses',
  'the redevelopment of the fish market',
  'a review of parking charges',
];
const ADVERBIALS = [
  'on Tuesday',
  'last week',
  'after months of debate',
  'despite strong objections',
  'for the third time this year',
  'without a public vote',
  'earlier this month',
  'in a late-night session',
  'at a packed meeting in the town hall',
  'by a narrow margin',
  'with little warning',
  'before the summer recess',
  'in a statement on Friday morning',
];
const SUBORDINATES = [
  'because costs had nearly doubled',
  'although turnout at the consultation was low',
  'while the inquiry continues',
  'after engineers found cracks in two of the pillars',
  'since the old ferry was withdrawn from service',
  'as prices continued to rise',
  'even though the vote was close',
  'until a full safety review is complete',
  'so that work can begin before winter',
  'once the government confirms its share of the money',
];
const QUOTES = [
  'We can’t keep waiting for a perfect plan',
  'It’s the right decision for the harbour',
  'Residents have waited long enough',
  'Nobody wants to pay twice for the same mistake',
  'We’re not against the bridge, we’re against the price',
  'This isn’t the end of the argument',
  'They didn’t listen to the people who live here',
  'I’ve never seen the hall so full',
  'The numbers simply don’t add up',
  'It won’t be finished before 2030',
];
const AMOUNTS = ['£12 million', '40 per cent', '3,500 households', 'two more years', '€85,000', 'nine months', 'a quarter of the budget'];
/** Better words a post-editor puts in: each word maps to one that reads more naturally in its place. */
const SYNONYMS: Readonly<Record<string, string>> = {
  approved: 'passed',
  rejected: 'threw out',
  postponed: 'put off',
  announced: 'unveiled',
  questioned: 'doubted',
  criticised: 'attacked',
  welcomed: 'praised',
  delayed: 'held up',
  proposed: 'put forward',
  examined: 'looked into',
  backed: 'supported',
  residents: 'people',
  plans: 'proposals',
  study: 'survey',
  report: 'assessment',
  new: 'fresh',
  narrow: 'slim',
  strong: 'fierce',
  months: 'weeks',
  said: 'stated',
  repair: 'restoration',
  little: 'scant',
};
const INSERTS = ['according to officials', 'in fact', 'it emerged', 'for now', 'as expected', 'once again'];

function pick<T>(rand: Random, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One English sentence, from about five words to forty. */
function englishSentence(rand: Random): string {
  const r = rand();
  if (r < 0.12) return `“${pick(rand, QUOTES)},” said ${pick(rand, PEOPLE)}.`;
  if (r < 0.2) return `${capitalise(pick(rand, PEOPLE))} said the decision was “long overdue”.`;
  if (r < 0.3) {
    return `${capitalise(pick(rand, PEOPLE))}, who ${pick(rand, ROLES)}, said ${pick(rand, SUBJECTS)} had ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ${pick(rand, SUBORDINATES)}.`;
  }
  if (r < 0.38) return `${capitalise(pick(rand, OBJECTS))} will cost ${pick(rand, AMOUNTS)}, ${pick(rand, ADVERBIALS)}.`;
  if (r < 0.46)
    return `It’s the ${pick(rand, ['first', 'second', 'latest'])} time ${pick(rand, SUBJECTS)} has ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}.`;
  const parts = [`${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}`];
  if (rand() < 0.6) parts.push(pick(rand, ADVERBIALS));
  let sentence = parts.join(' ');
  if (rand() < 0.4) sentence = `${pick(rand, ADVERBIALS)}, ${sentence}`;
  if (rand() < 0.5) sentence += `, ${pick(rand, SUBORDINATES)}`;
  if (rand() < 0.25) sentence += `, and ${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}`;
  return `${capitalise(sentence)}.`;
}

function words(text: string): number {
  let count = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) count++;
  return count;
}

/** An English paragraph of 40 to 200 words, shorter ones more often (about 100 words on average). */
function englishParagraph(rand: Random): string {
  const target = 40 + Math.floor(rand() ** 1.8 * 161);
  const sentences = [englishSentence(rand)];
  let count = words(sentences[0]!);
  while (count < target) {
    const next = englishSentence(rand);
    if (count + words(next) > 200) break;
    sentences.push(next);
    count += words(next);
  }
  return sentences.join(' ');
}

const ZH_SUBJECTS = [
  '市政府',
  '交通部长',
  '当地居民',
  '港口管理局',
  '项目工程师',
  '市议会',
  '反对党',
  '小企业主',
  '地区医院',
  '大学研究人员',
  '建筑公司',
  '山谷里的农民',
  '教育委员会',
  '中央银行',
  '工会领导人',
  '环保部门',
  '渡轮公司',
];
const ZH_TIMES = ['周二', '上周', '今年年初', '经过几个月的讨论后', '本月早些时候', '去年冬天', '在周五的会议上', '昨天晚上'];
const ZH_ADVERBS = ['已经', '正式', '再次', '终于', '突然', '暂时'];
const ZH_VERBS = ['批准了', '拒绝了', '推迟了', '宣布了', '质疑了', '审查了', '批评了', '欢迎了', '资助了', '提出了', '取消了', '修改了'];
const ZH_OBJECTS = [
  '新的预算',
  '修建第二座桥的计划',
  '拓宽沿海公路的方案',
  '水厂的合同',
  '公交时刻表的调整',
  '一项关于洪水风险的研究',
  '港口改造工程',
  '旧火车站的出售',
  '种植一万棵树的计划',
  '两所乡村学校的关闭',
];
const ZH_CLAUSES = [
  '因为成本已经翻了一倍',
  '尽管投票率很低',
  '虽然调查仍在进行',
  '在工程师发现桥墩裂缝之后',
  '随着物价继续上涨',
  '以便在冬天之前开工',
  '直到安全检查全部完成',
];
const ZH_QUOTES = [
  '我们不能再等下去了',
  '这是对港口正确的决定',
  '居民们已经等得够久了',
  '这些数字根本对不上',
  '我们不反对修桥，我们反对的是价格',
];
const ZH_SPEAKERS = ['她说', '他表示', '副市长说', '一位官员指出', '工程师解释说'];
const ZH_CONNECTORS = ['此外', '但是', '同时', '另一方面', '与此同时'];
const ZH_SYNONYMS: Readonly<Record<string, string>> = {
  批准了: '通过了',
  拒绝了: '否决了',
  推迟了: '延后了',
  宣布了: '公布了',
  批评了: '指责了',
  当地居民: '附近的居民',
  计划: '方案',
  研究: '调查',
  终于: '最终',
  突然: '意外地',
  周二: '星期二',
  上周: '上个星期',
};

/** One Chinese sentence, with its full stop. */
function chineseSentence(rand: Random): string {
  const r = rand();
  if (r < 0.15) return `${pick(rand, ZH_SPEAKERS)}：“${pick(rand, ZH_QUOTES)}。”`;
  let sentence = `${pick(rand, ZH_SUBJECTS)}${rand() < 0.5 ? pick(rand, ZH_ADVERBS) : ''}${pick(rand, ZH_VERBS)}${pick(rand, ZH_OBJECTS)}`;
  if (rand() < 0.5) sentence = `${pick(rand, ZH_TIMES)}，${sentence}`;
  if (rand() < 0.2) sentence = `${pick(rand, ZH_CONNECTORS)}，${sentence}`;
  if (rand() < 0.5) sentence += `，${pick(rand, ZH_CLAUSES)}`;
  return `${sentence}。`;
}

/** A Chinese paragraph of 60 to 300 characters. */
function chineseParagraph(rand: Random): string {
  const target = 60 + Math.floor(rand() * 241);
  let text = chineseSentence(rand);
  while (text.length < target) text += chineseSentence(rand);
  return text;
}

export interface ArticleOptions {
  readonly seed: number;
  readonly paragraphs: number;
  /** `mixed`: English with about one paragraph in ten in Chinese (the default); `chinese`: every paragraph. */
  readonly language?: 'mixed' | 'chinese';
}

/** The paragraphs of a generated article. */
export function generateParagraphs(options: ArticleOptions): string[] {
  const rand = seededRandom(options.seed);
  const out: string[] = [];
  for (let i = 0; i < options.paragraphs; i++) {
    const chinese = options.language === 'chinese' || rand() < 0.1;
    out.push(chinese ? chineseParagraph(rand) : englishParagraph(rand));
  }
  return out;
}

/** Paragraphs as a plain-text article: separated by blank lines, ending with a line break. */
export function articleText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}

/** Text escaped for XML and HTML content. */
export const escapeXml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The first word of every fourth paragraph set off by markup of its format (`open`, `close`), as a page's emphasis is. */
export function marked(text: string, i: number, open: string, close: string): string {
  const space = text.indexOf(' ');
  if (i % 4 !== 0 || space < 0) return escapeXml(text);
  return `${open}${escapeXml(text.slice(0, space))}${close}${escapeXml(text.slice(space))}`;
}

/**
 * A news page: a heading every thirty paragraphs (a paragraph's first words), the others with some words in emphasis;
 * its story in an `<article>`, or in a `<div>` when the page is to mark no article.
 */
export function htmlPage(texts: readonly string[], story: 'article' | 'div' = 'article'): string {
  const body = texts.map((t, i) =>
    i % 30 === 0 ? `<h2>${escapeXml(t.split(' ').slice(0, 8).join(' '))}</h2>\n` : `<p>${marked(t, i, '<em>', '</em>')}</p>\n`,
  );
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>The harbour</title>\n</head>\n<body>\n<header>The Coast Times</header>\n<${story} class="story">\n${body.join('')}</${story}>\n</body>\n</html>\n`;
}

/** A Word document: each paragraph a run of text, its first word in bold every fourth paragraph. */
export function wordDocument(texts: readonly string[]): Uint8Array {
  const run = (t: string, bold = false) =>
    `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`;
  const body = texts.map((t, i) => {
    const space = t.indexOf(' ');
    return `<w:p>${i % 4 === 0 && space > 0 ? run(t.slice(0, space), true) + run(t.slice(space)) : run(t)}</w:p>`;
  });
  return makeDocx({ body: body.join('') }, 1);
}

/**
 * Writes a generated article as plain text and keeps nothing of it. Call this rather than generating inline in an
 * async function: V8 keeps a suspended async function's temporaries (its whole register file) until it returns, so
 * the paragraphs and the text (a quarter of a gigabyte for 100,000) would stay in memory beside the service
 * measured, and its garbage collection would go through them.
 */
export function writeArticle(path: string, options: ArticleOptions): void {
  writeFileSync(path, articleText(generateParagraphs(options)));
}

/** Splits text into sentences, each keeping its closing punctuation (and closing quote). */
function sentences(text: string, chinese: boolean): string[] {
  return (chinese ? text.match(/[^。]+。”?/g) : text.match(/[^.]+\.”?\s*/g)) ?? [text];
}

/** One rewrite of an English sentence, the kind a post-editor makes. */
function editEnglishSentence(rand: Random, sentence: string): string {
  const r = rand();
  const trimmed = sentence.trimEnd();
  const space = sentence.slice(trimmed.length);
  const clauses = trimmed.slice(0, -1).split(', ');
  if (r < 0.3 && clauses.length > 1) {
    // Rewrite a clause: the same place in the sentence, new words.
    const at = Math.floor(rand() * clauses.length);
    clauses[at] =
      at === 0
        ? capitalise(`${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}`)
        : pick(rand, [...SUBORDINATES, ...ADVERBIALS]);
    return `${clauses.join(', ')}.${space}`;
  }
  if (r < 0.45 && clauses.length > 1) {
    // Move the last clause to the front.
    const last = clauses.pop()!;
    return `${capitalise(last)}, ${clauses[0]!.charAt(0).toLowerCase()}${clauses[0]!.slice(1)}${clauses.length > 1 ? `, ${clauses.slice(1).join(', ')}` : ''}.${space}`;
  }
  if (r < 0.55 && clauses.length > 2) {
    // Split a long sentence in two.
    const at = 1 + Math.floor(rand() * (clauses.length - 1));
    return `${clauses.slice(0, at).join(', ')}. ${capitalise(clauses.slice(at).join(', '))}.${space}`;
  }
  if (r < 0.7) {
    // Add a qualifying phrase after the first clause.
    clauses[0] = `${clauses[0]}, ${pick(rand, INSERTS)}`;
    return `${clauses.join(', ')}.${space}`;
  }
  // Better words: exchange up to three for the ones a reviewer prefers.
  const tokens = sentence.split(' ');
  let changed = 0;
  for (let i = 0; i < tokens.length && changed < 3; i++) {
    const better = SYNONYMS[tokens[i]!];
    if (better !== undefined && rand() < 0.6) {
      tokens[i] = better;
      changed++;
    }
  }
  if (changed === 0)
    return `${pick(rand, ['Meanwhile', 'However', 'Separately'])}, ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  return tokens.join(' ');
}

/** One rewrite of a Chinese sentence. */
function editChineseSentence(rand: Random, sentence: string): string {
  const r = rand();
  const body = sentence.endsWith('。') ? sentence.slice(0, -1) : sentence;
  const clauses = body.split('，');
  if (r < 0.35 && clauses.length > 1) {
    clauses[Math.floor(rand() * clauses.length)] = pick(rand, ZH_CLAUSES);
    return `${clauses.join('，')}。`;
  }
  if (r < 0.5 && clauses.length > 1) {
    clauses.push(clauses.shift()!);
    return `${clauses.join('，')}。`;
  }
  let out = sentence;
  for (const [from, to] of Object.entries(ZH_SYNONYMS)) {
    if (out.includes(from) && rand() < 0.7) {
      out = out.replace(from, to);
      break;
    }
  }
  return out === sentence ? `${pick(rand, ZH_CONNECTORS)}，${sentence}` : out;
}

/** Rewrites one to four sentences of a paragraph; the result always differs from the original. */
export function postEditParagraph(rand: Random, text: string): string {
  const chinese = /[\u4e00-\u9fff]/.test(text) && !/[a-z]{3}/.test(text);
  const parts = sentences(text, chinese);
  const edits = 1 + Math.floor(rand() * Math.min(4, parts.length));
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * parts.length);
    parts[at] = chinese ? editChineseSentence(rand, parts[at]!) : editEnglishSentence(rand, parts[at]!);
  }
  const edited = parts.join('');
  return edited === text ? (chinese ? `${text}${chineseSentence(rand)}` : `${text} ${englishSentence(rand)}`) : edited;
}

/**
 * A post-edited version of an article: `share` of its paragraphs (chosen at random, seeded) rewritten.
 * Returns the new paragraphs and how many were changed.
 */
export function postEdit(
  paragraphs: readonly string[],
  options: { readonly seed: number; readonly share: number },
): { paragraphs: string[]; edited: number } {
  const rand = seededRandom(options.seed);
  let edited = 0;
  const out = paragraphs.map((p) => {
    if (rand() >= options.share) return p;
    edited++;
    return postEditParagraph(rand, p);
  });
  return { paragraphs: out, edited };
}

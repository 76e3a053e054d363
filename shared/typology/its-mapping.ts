/**
 * MQM categories to ITS 2.0 Localization Quality Issue types and back, for XLIFF exchange. ITS has a flat list
 * of 27 types; MQM is a tree, so several categories share a type and each type comes back as the one MQM-Core
 * category a reviewer would pick for it.
 */
export const ITS_ISSUE_TYPES = [
  'terminology',
  'mistranslation',
  'omission',
  'untranslated',
  'addition',
  'duplication',
  'inconsistency',
  'grammar',
  'legal',
  'register',
  'locale-specific-content',
  'locale-violation',
  'style',
  'characters',
  'misspelling',
  'typographical',
  'formatting',
  'inconsistent-entities',
  'numbers',
  'markup',
  'pattern-problem',
  'whitespace',
  'internationalization',
  'length',
  'non-conformance',
  'uncategorized',
  'other',
] as const;

export type ItsIssueType = (typeof ITS_ISSUE_TYPES)[number];

/**
 * Category (lower-cased id) to ITS type. Includes the WMT spellings (Fluency for Linguistic conventions,
 * Style/Awkward, Source issue) so that imported WMT annotations export sensibly.
 */
const TO_ITS: ReadonlyMap<string, ItsIssueType> = new Map<string, ItsIssueType>([
  ['terminology', 'terminology'],
  ['terminology/inconsistent use of terminology', 'inconsistency'],
  ['terminology/wrong term', 'terminology'],
  ['terminology/inappropriate for context', 'terminology'],
  ['accuracy', 'mistranslation'],
  ['accuracy/mistranslation', 'mistranslation'],
  ['accuracy/overtranslation', 'mistranslation'],
  ['accuracy/undertranslation', 'mistranslation'],
  ['accuracy/addition', 'addition'],
  ['accuracy/omission', 'omission'],
  ['accuracy/do not translate', 'mistranslation'],
  ['accuracy/untranslated', 'untranslated'],
  ['accuracy/untranslated text', 'untranslated'],
  ['linguistic conventions', 'grammar'],
  ['linguistic conventions/grammar', 'grammar'],
  ['linguistic conventions/punctuation', 'typographical'],
  ['linguistic conventions/spelling', 'misspelling'],
  ['linguistic conventions/unintelligible', 'uncategorized'],
  ['linguistic conventions/character encoding', 'characters'],
  ['linguistic conventions/textual conventions', 'whitespace'],
  ['fluency', 'grammar'],
  ['fluency/grammar', 'grammar'],
  ['fluency/punctuation', 'typographical'],
  ['fluency/spelling', 'misspelling'],
  ['fluency/register', 'register'],
  ['fluency/inconsistency', 'inconsistency'],
  ['fluency/character encoding', 'characters'],
  ['style', 'style'],
  ['style/organizational style', 'style'],
  ['style/third-party style', 'style'],
  ['style/inconsistent with external reference', 'style'],
  ['style/language register', 'register'],
  ['style/awkward style', 'style'],
  ['style/awkward', 'style'],
  ['style/unidiomatic style', 'non-conformance'],
  ['style/inconsistent style', 'inconsistency'],
  ['locale conventions', 'locale-violation'],
  ['locale conventions/number format', 'numbers'],
  ['locale convention', 'locale-violation'],
  ['audience appropriateness', 'locale-specific-content'],
  ['audience appropriateness/culture-specific reference', 'locale-specific-content'],
  ['audience appropriateness/offensive', 'legal'],
  ['design and markup', 'formatting'],
  ['design and markup/character formatting', 'formatting'],
  ['design and markup/layout', 'formatting'],
  ['design and markup/markup tag', 'markup'],
  ['design and markup/truncation or text expansion', 'length'],
  ['design and markup/missing text', 'omission'],
  ['design and markup/link or cross-reference', 'markup'],
  ['non-translation', 'untranslated'],
  ['non-translation!', 'untranslated'],
  ['other', 'other'],
]);

/** ITS type to the MQM-Core category a reviewer would pick for it. */
const FROM_ITS: Readonly<Record<ItsIssueType, string>> = {
  terminology: 'Terminology/Wrong term',
  mistranslation: 'Accuracy/Mistranslation',
  omission: 'Accuracy/Omission',
  untranslated: 'Accuracy/Untranslated',
  addition: 'Accuracy/Addition',
  duplication: 'Accuracy/Addition',
  inconsistency: 'Style/Inconsistent style',
  grammar: 'Linguistic conventions/Grammar',
  legal: 'Audience appropriateness/Offensive',
  register: 'Style/Language register',
  'locale-specific-content': 'Audience appropriateness/Culture-specific reference',
  'locale-violation': 'Locale conventions',
  style: 'Style',
  characters: 'Linguistic conventions/Character encoding',
  misspelling: 'Linguistic conventions/Spelling',
  typographical: 'Linguistic conventions/Punctuation',
  formatting: 'Design and markup/Character formatting',
  'inconsistent-entities': 'Accuracy/Mistranslation',
  numbers: 'Locale conventions/Number format',
  markup: 'Design and markup/Markup tag',
  'pattern-problem': 'Other',
  whitespace: 'Linguistic conventions/Textual conventions',
  internationalization: 'Design and markup',
  length: 'Design and markup/Truncation or text expansion',
  'non-conformance': 'Style/Unidiomatic style',
  uncategorized: 'Other',
  other: 'Other',
};

/**
 * The ITS issue type for a category id. A category the table does not know takes the type of its nearest
 * known ancestor (`Accuracy/Mistranslation/False friend` → mistranslation); anything else is `other`.
 */
export function itsTypeFor(category: string): ItsIssueType {
  let id = category.trim().toLowerCase();
  for (;;) {
    const type = TO_ITS.get(id);
    if (type) return type;
    const cut = id.lastIndexOf('/');
    if (cut < 0) return 'other';
    id = id.slice(0, cut);
  }
}

/** The MQM-Core category id for an ITS issue type. */
export function categoryForItsType(type: ItsIssueType): string {
  return FROM_ITS[type];
}

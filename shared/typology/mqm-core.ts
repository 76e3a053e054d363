/**
 * MQM-Core, the default typology: the seven MQM dimensions with their standard subtypes, plus two categories
 * reviewers of machine translation need every day: Non-translation (the output is not a translation of the
 * source at all) and Other. MQM names that contain a slash are written with "or" because `/` separates the
 * levels of a category id.
 */
import { buildCategories, MQM_SEVERITY_MULTIPLIERS, type Typology } from './typology';

export const MQM_CORE: Typology = {
  name: 'MQM-Core',
  severityMultipliers: MQM_SEVERITY_MULTIPLIERS,
  categories: buildCategories([
    {
      name: 'Terminology',
      description: 'A term is not the one the domain or the client requires.',
      children: [
        { name: 'Inconsistent use of terminology', description: 'One concept is named by several terms.' },
        { name: 'Wrong term', description: 'The term is not the right equivalent of the source term.' },
      ],
    },
    {
      name: 'Accuracy',
      description: 'The target does not say what the source says.',
      children: [
        { name: 'Mistranslation', description: 'The meaning of the source is rendered wrongly.' },
        { name: 'Overtranslation', description: 'The target is more specific than the source.' },
        { name: 'Undertranslation', description: 'The target is less specific than the source.' },
        { name: 'Addition', description: 'The target says something the source does not.' },
        { name: 'Omission', description: 'Something the source says is missing from the target.' },
        { name: 'Do not translate', description: 'Text that should have stayed as it was was translated.' },
        { name: 'Untranslated', description: 'Text that should have been translated was left in the source language.' },
      ],
    },
    {
      name: 'Linguistic conventions',
      description: 'The target is not well-formed language (called Fluency in MQM 1 and at WMT).',
      children: [
        { name: 'Grammar' },
        { name: 'Punctuation' },
        { name: 'Spelling' },
        { name: 'Unintelligible', description: 'The text cannot be understood at all.' },
        { name: 'Character encoding', description: 'Characters are garbled or replaced.' },
        { name: 'Textual conventions', description: 'Capitals, abbreviations, white space and similar conventions.' },
      ],
    },
    {
      name: 'Style',
      description: 'Correct language, but not the style asked for.',
      children: [
        { name: 'Organizational style', description: "The client's style guide is not followed." },
        { name: 'Third-party style', description: 'A required external style guide is not followed.' },
        { name: 'Inconsistent with external reference' },
        { name: 'Language register', description: 'Too formal or too informal for the text.' },
        { name: 'Awkward style', description: 'Clumsy or unnatural wording.' },
        { name: 'Unidiomatic style', description: 'Grammatical, but no native speaker would say it so.' },
        { name: 'Inconsistent style' },
      ],
    },
    {
      name: 'Locale conventions',
      description: 'Formats that do not follow the target locale.',
      children: [
        { name: 'Number format' },
        { name: 'Currency format' },
        { name: 'Measurement format' },
        { name: 'Time format' },
        { name: 'Date format' },
        { name: 'Address format' },
        { name: 'Telephone format' },
        { name: 'Shortcut key' },
      ],
    },
    {
      name: 'Audience appropriateness',
      description: 'Content unsuitable for the target audience.',
      children: [
        { name: 'Culture-specific reference', description: 'A reference the target audience will not understand.' },
        { name: 'Offensive', description: 'Content the target audience will find offensive.' },
      ],
    },
    {
      name: 'Design and markup',
      description: 'Layout, formatting and markup problems.',
      children: [
        { name: 'Character formatting' },
        { name: 'Layout' },
        { name: 'Markup tag' },
        { name: 'Truncation or text expansion' },
        { name: 'Missing text' },
        { name: 'Link or cross-reference' },
      ],
    },
    { name: 'Non-translation', description: 'The output is not a translation of the source at all.' },
    { name: 'Other', description: 'An error that fits no other category.' },
    {
      name: 'Source issue',
      description: 'An error in the source text itself (flag it on the source side); not counted against the translation.',
    },
  ]),
};

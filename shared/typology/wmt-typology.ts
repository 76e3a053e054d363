/**
 * The WMT typology: the categories of the MQM ratings published with the WMT metrics tasks (Google's MQM data),
 * the default typology of the WMT scoring profiles. Category ids are the ones those files use
 * (`Accuracy/Mistranslation`, `Fluency/Punctuation`, `Non-translation`, `Source error`), so that a review and a
 * WMT file name an error the same way. Severities multiply as in MQM-Core for the per-word figures; the WMT
 * weights themselves come from the profile's rules (`wmt-weights.ts`), not from this table.
 */
import { buildCategories, MQM_SEVERITY_MULTIPLIERS, type Typology } from './typology';

export const WMT_TYPOLOGY: Typology = {
  name: 'WMT MQM',
  severityMultipliers: MQM_SEVERITY_MULTIPLIERS,
  categories: buildCategories([
    {
      name: 'Accuracy',
      description: 'The target does not convey what the source says.',
      children: [
        { name: 'Mistranslation', description: 'The meaning of the source is rendered wrongly.' },
        { name: 'Omission', description: 'Something in the source is missing from the target.' },
        { name: 'Addition', description: 'The target says something the source does not.' },
        { name: 'Untranslated text', description: 'Source text left as it was in the target.' },
      ],
    },
    {
      name: 'Fluency',
      description: 'The target is badly formed, whatever the source says.',
      children: [
        { name: 'Grammar' },
        { name: 'Punctuation', description: 'A minor punctuation error weighs 0.1 in the WMT profiles.' },
        { name: 'Spelling' },
        { name: 'Inconsistency', description: 'The text contradicts itself (a name or style used two ways).' },
        { name: 'Register', description: 'The wrong level of formality for the text.' },
        { name: 'Character encoding', description: 'Garbled characters.' },
      ],
    },
    { name: 'Style', children: [{ name: 'Awkward', description: 'Correct but unnatural or clumsy.' }] },
    {
      name: 'Terminology',
      children: [
        { name: 'Inappropriate for context', description: 'A term that is wrong for the domain or the client.' },
        { name: 'Inconsistent use of terminology', description: 'One concept named by several terms.' },
      ],
    },
    {
      name: 'Locale convention',
      children: [
        { name: 'Address format' },
        { name: 'Currency format' },
        { name: 'Date format' },
        { name: 'Name format' },
        { name: 'Telephone format' },
        { name: 'Time format' },
      ],
    },
    { name: 'Non-translation', description: 'The output is not a translation of the source at all (weighs 25).' },
    { name: 'Other', description: 'An error that fits no other category.' },
    {
      name: 'Source error',
      description: 'An error in the source text itself (flag it on the source side); weighs 0 in the current WMT profile.',
    },
  ]),
};

/**
 * The built-in typology of each scoring profile: the profile decides the headline score and the categories a
 * reviewer picks from, unless the review carries a custom typology.
 */
import type { ScoringProfile } from '../scoring/wmt-weights';
import { MQM_CORE } from './mqm-core';
import type { Typology } from './typology';
import { WMT_TYPOLOGY } from './wmt-typology';

/** MQM-Core for the MQM-Core profile, the WMT typology for both WMT profiles. */
export function builtInTypology(profile: ScoringProfile): Typology {
  return profile === 'mqm-core' ? MQM_CORE : WMT_TYPOLOGY;
}

/** Whether a typology is one of the built-in ones (and not a file the review carries). */
export function isBuiltInTypology(name: string): boolean {
  return name === MQM_CORE.name || name === WMT_TYPOLOGY.name;
}

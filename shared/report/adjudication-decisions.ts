/**
 * The adjudicator's decisions as they cross a boundary: a decisions file given to `redline adjudicate`, or the
 * app's "Save adjudicated review" request. One schema for both, so the same decisions mean the same thing
 * wherever they come from.
 */
import { z } from 'zod';
import { SEVERITIES, type Severity } from '../model';
import type { Decision } from './adjudication';

/** A flag named `review-file#flag-id`. */
const flagName = z.string().min(3).max(2000);

export const decisionSchema: z.ZodType<Decision> = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep'), flag: flagName }).strict(),
  z.object({ action: z.literal('drop'), flag: flagName }).strict(),
  z
    .object({
      action: z.literal('merge'),
      flags: z.array(flagName).min(2),
      category: z.string().min(1).max(200).optional(),
      severity: (z.enum(SEVERITIES as [string, ...string[]]) as z.ZodType<Severity>).optional(),
    })
    .strict(),
]) as z.ZodType<Decision>;

/** At most this many decisions in one request or file: far more flags than one article's raters make by hand. */
export const MAX_DECISIONS = 100_000;

/** The decisions file: `{ "decisions": [ ... ] }`. */
export const decisionsFileSchema = z.object({ decisions: z.array(decisionSchema).max(MAX_DECISIONS) }).strict();

/** The decisions file's text for a list of decisions (what the app would hand the command line). */
export function decisionsFileText(decisions: readonly Decision[]): string {
  return `${JSON.stringify({ decisions }, null, 2)}\n`;
}

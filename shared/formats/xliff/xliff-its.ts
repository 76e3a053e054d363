/**
 * ITS 2.0 Localization Quality Issue values and Redline's flags, both ways: the issue type through the typology's
 * ITS mapping, the severity between ITS's 0-100 scale and MQM's severities, and who raised the issue through ITS
 * Provenance (`its:revPerson` for a reviewer, `its:revTool` for an automatic check).
 *
 * Severity thresholds. ITS says only that 0 is the least and 100 the most severe; tools that write it use round
 * numbers (50 and 75 are common, 100 for blockers). Redline reads 0 as neutral (noted, not an error), 1-49 as
 * minor, 50-89 as major and 90-100 as critical, and writes each severity at a value well inside its band (neutral
 * 0, minor 25, major 60, critical 95), so a file written by Redline reads back with the same severities and a tool
 * that thresholds at 50 sees major and critical issues as the serious ones. An issue without a severity is minor.
 */
import type { AnnotationStatus, ImportedFlag, Origin, Severity, Side } from '../../model';
import { categoryForItsType, ITS_ISSUE_TYPES, itsTypeFor, type ItsIssueType } from '../../typology/its-mapping';

export const ITS_NS = 'http://www.w3.org/2005/11/its';
/** Redline's own extension attributes: a flag's status where ITS has no word for it (fixed). */
export const REDLINE_NS = 'urn:x-redline:review:1';

/** Lowest ITS severity read as each MQM severity (see the file comment). */
export const ITS_SEVERITY_FLOOR: Readonly<Record<Exclude<Severity, 'neutral'>, number>> = { minor: 1, major: 50, critical: 90 };
/** The ITS severity written for each MQM severity. */
export const ITS_SEVERITY_WRITTEN: Readonly<Record<Severity, number>> = { neutral: 0, minor: 25, major: 60, critical: 95 };

/** The MQM severity of an ITS severity (0-100, decimals allowed); undefined when the value is not one. */
export function severityFromIts(value: string | undefined): Severity | undefined {
  if (value === undefined || value.trim() === '') return 'minor';
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  if (n >= ITS_SEVERITY_FLOOR.critical) return 'critical';
  if (n >= ITS_SEVERITY_FLOOR.major) return 'major';
  if (n > 0) return 'minor';
  return 'neutral';
}

export function severityToIts(severity: Severity): number {
  return ITS_SEVERITY_WRITTEN[severity];
}

function isItsType(value: string): value is ItsIssueType {
  return (ITS_ISSUE_TYPES as readonly string[]).includes(value);
}

/** The MQM category of an ITS issue type; an unknown or missing type is `Other`, as ITS's `uncategorized` is. */
export function categoryFromIts(type: string | undefined): string {
  const t = type?.trim() ?? '';
  return isItsType(t) ? categoryForItsType(t) : categoryForItsType('uncategorized');
}

export function itsTypeForCategory(category: string): ItsIssueType {
  return itsTypeFor(category);
}

/** One ITS issue as a file states it, before it becomes a flag. */
export interface ItsIssue {
  readonly type?: string;
  readonly severity?: string;
  readonly comment?: string;
  /** `locQualityIssueEnabled="no"`: the issue was switched off (a flag dismissed). */
  readonly enabled: boolean;
  /** Redline's own `status` attribute (`fixed`), when the file was written by Redline. */
  readonly status?: string;
  /** Redline's own `category` attribute: the exact MQM category, which the ITS type only approximates. */
  readonly category?: string;
}

/** Who raised an issue, from ITS Provenance on the marking element. */
export interface ItsProvenance {
  readonly person?: string;
  readonly tool?: string;
}

/** A flag read from a file (see ImportedFlag). */
export type ImportedFlagValues = ImportedFlag;

/** The rater named when a file says nothing of who raised its issues. */
export const UNNAMED_RATER = 'imported';

/** A flag from an ITS issue on a span; the severity falls back to minor when the file's value is out of range. */
export function flagFromIts(issue: ItsIssue, who: ItsProvenance, side: Side, start: number, end: number): ImportedFlagValues {
  const status: AnnotationStatus = !issue.enabled
    ? issue.status === 'fixed'
      ? 'fixed'
      : 'dismissed'
    : issue.status === 'fixed'
      ? 'fixed'
      : 'open';
  const origin: Origin = who.person === undefined && who.tool !== undefined ? { kind: 'check', check: who.tool } : { kind: 'person' };
  return {
    side,
    start,
    end,
    category: issue.category ?? categoryFromIts(issue.type),
    severity: severityFromIts(issue.severity) ?? 'minor',
    comment: issue.comment ?? '',
    rater: who.person ?? who.tool ?? UNNAMED_RATER,
    origin,
    status,
  };
}

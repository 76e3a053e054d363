/**
 * Checks that a parsed JSON value has the shape of a header or an event before the reducer trusts it. Hand-written
 * rather than schema-driven because a reopen checks 100,000 paragraphs and thousands of events in well under a
 * second. Each check returns the value typed, or a short reason naming the field at fault.
 */
import { SEVERITIES } from '../model';
import type { JournalEvent, JournalHeader } from './journal-event';

type Obj = Readonly<Record<string, unknown>>;
type Checked<T> = { readonly value: T } | { readonly problem: string };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isStrRecord = (v: unknown): v is Readonly<Record<string, string>> => isObj(v) && Object.values(v).every(isStr);

const SIDES: readonly unknown[] = ['target', 'source'];
const STATUSES: readonly unknown[] = ['open', 'fixed', 'dismissed'];
const SEVERITY_NAMES: readonly unknown[] = SEVERITIES;

/** The header fields the reader needs, checked; the format fields are checked by the caller first. */
export function checkHeaderShape(v: Obj, checkedIndex?: ReadonlyMap<string, number>): Checked<JournalHeader> {
  if (!isStr(v.created)) return { problem: 'the header has no creation time' };
  const article = v.article;
  if (!isObj(article) || !isStr(article.name) || !isStr(article.path)) return { problem: 'the header has no article name and path' };
  if (!Array.isArray(v.paragraphs)) return { problem: 'the header has no paragraph list' };
  // A reader that checked the paragraphs batch by batch (paragraphShapeProblem) hands over the index it built.
  if (checkedIndex?.size === v.paragraphs.length) return { value: v as unknown as JournalHeader };
  const problem = paragraphShapeProblem(v.paragraphs, 0, v.paragraphs.length, new Map());
  return problem === undefined ? { value: v as unknown as JournalHeader } : { problem };
}

/**
 * Checks header paragraphs from..to-1 and adds their positions by id to `index`, which holds those before them:
 * a paragraph without id, text or position, or an id seen before, is a problem.
 */
export function paragraphShapeProblem(
  paragraphs: readonly unknown[],
  from: number,
  to: number,
  index: Map<string, number>,
): string | undefined {
  for (let i = from; i < to; i++) {
    const p: unknown = paragraphs[i];
    if (!isObj(p) || !isStr(p.id) || !isStr(p.target) || !isInt(p.index)) return `paragraph ${i + 1} of the header is malformed`;
    if (index.has(p.id)) return `paragraph id ${p.id} appears twice in the header`;
    index.set(p.id, i);
  }
  return undefined;
}

/** An event line, checked field by field. */
export function checkEventShape(v: unknown): Checked<JournalEvent> {
  if (!isObj(v)) return { problem: 'not an event object' };
  if (!isInt(v.seq) || v.seq < 1) return { problem: 'the event has no sequence number' };
  if (!isStr(v.at)) return { problem: 'the event has no time' };
  const problem = bodyProblem(v);
  return problem === undefined ? { value: v as unknown as JournalEvent } : { problem };
}

function bodyProblem(v: Obj): string | undefined {
  const type = v.type;
  switch (type) {
    case 'annotation-added':
      return annotationProblem(v.annotation);
    case 'annotations-added':
      if (!Array.isArray(v.annotations)) return 'annotations-added has no annotation list';
      if (v.group !== undefined && !isStr(v.group)) return 'group is not text';
      return (v.annotations as unknown[]).map(annotationProblem).find((p) => p !== undefined);
    case 'suggestions-dismissed':
      if (!Array.isArray(v.suggestions)) return 'suggestions-dismissed has no suggestion list';
      if (v.group !== undefined && !isStr(v.group)) return 'group is not text';
      return (v.suggestions as unknown[]).map(suggestionProblem).find((p) => p !== undefined);
    case 'annotation-changed': {
      if (!isStr(v.id)) return 'annotation-changed has no id';
      const c = v.changes;
      if (!isObj(c)) return 'annotation-changed has no changes';
      if (c.category !== undefined && !isStr(c.category)) return 'category is not text';
      if (c.severity !== undefined && !SEVERITY_NAMES.includes(c.severity)) return `unknown severity ${String(c.severity)}`;
      if (c.comment !== undefined && !isStr(c.comment)) return 'comment is not text';
      if (c.status !== undefined && !STATUSES.includes(c.status)) return `unknown status ${String(c.status)}`;
      if (c.span !== undefined && !(isObj(c.span) && isInt(c.span.start) && isInt(c.span.end))) return 'span is malformed';
      if (c.side !== undefined && c.side !== 'target' && c.side !== 'source') return `unknown side ${String(c.side)}`;
      return undefined;
    }
    case 'annotation-removed':
      return isStr(v.id) ? undefined : 'annotation-removed has no id';
    case 'paragraph-edited':
      if (!isStr(v.paragraphId) || !isStr(v.text)) return 'paragraph-edited needs a paragraph id and a text';
      return v.group === undefined || isStr(v.group) ? undefined : 'group is not text';
    case 'paragraph-reverted':
      return isStr(v.paragraphId) && isInt(v.version) ? undefined : 'paragraph-reverted needs a paragraph id and a version';
    case 'article-reverted':
      return isInt(v.version) ? undefined : 'article-reverted needs a version';
    case 'text-replaced':
      return replacedProblem(v);
    case 'version-saved':
      return versionProblem(v);
    case 'paragraph-status-set':
      return isStr(v.paragraphId) && typeof v.reviewed === 'boolean'
        ? undefined
        : 'paragraph-status-set needs a paragraph id and reviewed true or false';
    case 'paragraph-note-set':
      return isStr(v.paragraphId) && isStr(v.note) ? undefined : 'paragraph-note-set needs a paragraph id and a note';
    case 'rater-set':
      return isStr(v.rater) ? undefined : 'rater-set has no name';
    case 'settings-changed': {
      const s = v.settings;
      if (!isObj(s)) return 'settings-changed has no settings';
      if (s.typology !== undefined && !isStr(s.typology)) return 'typology is not text';
      if (s.scoringProfile !== undefined && !isStr(s.scoringProfile)) return 'scoring profile is not text';
      if (s.passThreshold !== undefined && typeof s.passThreshold !== 'number') return 'pass threshold is not a number';
      if (s.checksOff !== undefined && !(Array.isArray(s.checksOff) && s.checksOff.every(isStr)))
        return 'checks turned off are not a list of names';
      return undefined;
    }
    case 'undo':
    case 'redo':
      return undefined;
    case 'snapshot':
      return snapshotProblem(v.snapshot);
    default:
      return `unknown event type ${JSON.stringify(type)}`;
  }
}

function replacedProblem(v: Obj): string | undefined {
  if (!isStr(v.find) || !isStr(v.replacement) || typeof v.all !== 'boolean')
    return 'text-replaced needs the text found, its replacement and whether all was replaced';
  if (!Array.isArray(v.edits)) return 'text-replaced has no list of edits';
  for (const e of v.edits as unknown[]) {
    if (!isObj(e) || !isStr(e.paragraphId) || !Array.isArray(e.ranges)) return 'a replacement needs a paragraph id and its ranges';
    if (!(e.ranges as unknown[]).every((r) => Array.isArray(r) && r.length === 2 && isInt(r[0]) && isInt(r[1])))
      return `the ranges replaced in ${e.paragraphId} are malformed`;
  }
  return undefined;
}

function annotationProblem(a: unknown): string | undefined {
  if (!isObj(a)) return 'no annotation';
  if (!isStr(a.id) || !isStr(a.paragraphId)) return 'annotation needs an id and a paragraph id';
  if (!SIDES.includes(a.side)) return `annotation ${a.id} has an unknown side`;
  if (!isInt(a.start) || !isInt(a.end)) return `annotation ${a.id} has no span`;
  if (!isStr(a.category) || !isStr(a.comment) || !isStr(a.rater) || !isStr(a.created)) {
    return `annotation ${a.id} lacks a category, comment, rater or creation time`;
  }
  if (!SEVERITY_NAMES.includes(a.severity)) return `annotation ${a.id} has an unknown severity`;
  if (!STATUSES.includes(a.status)) return `annotation ${a.id} has an unknown status`;
  const o = a.origin;
  if (!isObj(o) || !(o.kind === 'person' || (o.kind === 'check' && isStr(o.check)))) return `annotation ${a.id} has an unknown origin`;
  return undefined;
}

function suggestionProblem(s: unknown): string | undefined {
  if (!isObj(s) || !isStr(s.check) || !isStr(s.paragraphId) || !isInt(s.start) || !isInt(s.end) || !isStr(s.text)) {
    return 'a dismissed suggestion needs a check, a paragraph id, a span and its text';
  }
  return undefined;
}

function versionProblem(v: Obj): string | undefined {
  if (!isInt(v.number) || v.number < 1) return 'version has no number';
  if (!isStr(v.message) || !isStr(v.author)) return `version ${v.number} lacks a message or author`;
  return isStrRecord(v.texts) ? undefined : `version ${v.number} has malformed texts`;
}

function changeProblem(c: unknown): string | undefined {
  if (!isObj(c)) return 'undo step change is malformed';
  if (c.kind === 'draft') return isStr(c.paragraphId) && isStr(c.before) && isStr(c.after) ? undefined : 'draft change is malformed';
  if (c.kind === 'dismissal') return suggestionProblem(c.suggestion);
  if (c.kind === 'status')
    return isStr(c.paragraphId) && typeof c.before === 'boolean' && typeof c.after === 'boolean' ? undefined : 'status change is malformed';
  if (c.kind === 'note') return isStr(c.paragraphId) && isStr(c.before) && isStr(c.after) ? undefined : 'note change is malformed';
  if (c.kind !== 'annotation' || !isStr(c.id)) return 'undo step change is malformed';
  return (
    (c.before === undefined ? undefined : annotationProblem(c.before)) ?? (c.after === undefined ? undefined : annotationProblem(c.after))
  );
}

function stepsProblem(steps: unknown): string | undefined {
  if (!Array.isArray(steps)) return 'undo stack is not a list';
  for (const s of steps as unknown[]) {
    if (!isObj(s) || !isInt(s.seq) || !isStr(s.label) || !Array.isArray(s.changes)) return 'undo step is malformed';
    const problem = (s.changes as unknown[]).map(changeProblem).find((p) => p !== undefined);
    if (problem) return problem;
  }
  return undefined;
}

function snapshotProblem(s: unknown): string | undefined {
  if (!isObj(s)) return 'snapshot is malformed';
  if (!Array.isArray(s.annotations)) return 'snapshot has no annotation list';
  const a = (s.annotations as unknown[]).map(annotationProblem).find((p) => p !== undefined);
  if (a) return a;
  if (!isStrRecord(s.drafts)) return 'snapshot drafts are malformed';
  if (!Array.isArray(s.versions)) return 'snapshot has no version list';
  for (const v of s.versions as unknown[]) {
    const p = isObj(v) ? (isStr(v.at) ? versionProblem(v) : 'version has no time') : 'version is malformed';
    if (p) return p;
  }
  if (!isStr(s.rater) || !isObj(s.settings)) return 'snapshot lacks rater or settings';
  if (s.dismissed !== undefined) {
    if (!Array.isArray(s.dismissed)) return 'snapshot dismissed suggestions are not a list';
    const d = (s.dismissed as unknown[]).map(suggestionProblem).find((p) => p !== undefined);
    if (d) return d;
  }
  if (s.reviewed !== undefined && !(Array.isArray(s.reviewed) && s.reviewed.every(isStr)))
    return 'snapshot reviewed paragraphs are not a list of ids';
  if (s.notes !== undefined && !isStrRecord(s.notes)) return 'snapshot notes are malformed';
  return stepsProblem(s.undo) ?? stepsProblem(s.redo);
}

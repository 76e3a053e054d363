/**
 * A paragraph's text with every rater's flags marked on it at once: the text is cut wherever a flag starts or
 * ends, each piece is marked with the worst severity over it and names the raters who flagged it, and the flag in
 * focus is outlined. An omission point is a caret between the characters where a word is missing.
 */
import type { ReactNode } from 'react';
import type { Severity } from '../../../shared/model';
import type { AdjudicationFlag } from '../../../shared/report/adjudication-view';

const RANK: Readonly<Record<Severity, number>> = { neutral: 0, minor: 1, major: 2, critical: 3 };

interface Props {
  readonly text: string;
  readonly flags: readonly AdjudicationFlag[];
  readonly focused: string | undefined;
  /** Flags the adjudicator dropped: still shown, faded, so the reviewer sees what is left out. */
  readonly dropped: ReadonlySet<string>;
  readonly lang?: string;
}

export function FlagSpans({ text, flags, focused, dropped, lang }: Props) {
  const cuts = new Set<number>([0, text.length]);
  for (const f of flags) {
    cuts.add(Math.min(f.start, text.length));
    cuts.add(Math.min(f.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    // Omission points at this place come before the text that follows it.
    for (const f of flags) {
      if (f.start !== at || f.end !== at) continue;
      pieces.push(
        <mark
          key={`o${f.ref}`}
          className={`omission adj-omission sev-${f.severity}${f.ref === focused ? ' is-selected' : ''}${dropped.has(f.ref) ? ' adj-dropped' : ''}`}
          role="img"
          aria-label={`Omission (${f.rater})`}
          title={`${f.rater}: ${f.category}`}
        >
          ‸
        </mark>,
      );
    }
    const end = points[i + 1];
    if (end === undefined || end === at) continue;
    const over = flags.filter((f) => f.start <= at && f.end >= end && f.end > f.start);
    const piece = text.slice(at, end);
    if (over.length === 0) {
      pieces.push(<span key={`t${at}`}>{piece}</span>);
      continue;
    }
    let worst: Severity = over[0]!.severity;
    for (const f of over) if (RANK[f.severity] > RANK[worst]) worst = f.severity;
    const raters = [...new Set(over.map((f) => f.rater))];
    pieces.push(
      <mark
        key={`m${at}`}
        className={`flag sev-${worst}${over.some((f) => f.ref === focused) ? ' is-selected' : ''}${raters.length > 1 ? ' adj-shared' : ''}${over.every((f) => dropped.has(f.ref)) ? ' adj-dropped' : ''}`}
        title={over.map((f) => `${f.rater}: ${f.category}, ${f.severity}`).join('\n')}
      >
        {piece}
      </mark>,
    );
  }
  return (
    <p className="adj-para__text" {...(lang ? { lang } : {})}>
      {pieces}
    </p>
  );
}

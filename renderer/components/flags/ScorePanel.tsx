/**
 * Live scores: the whole article and the paragraph in focus, in the chosen profile. The profile decides the
 * headline: the MQM-Core quality score with pass or fail for the MQM-Core profile, the WMT-style score per
 * paragraph for the WMT profiles. Every figure is named; the other family's figures stay below, named too.
 */
import type { ArticleScore, ParagraphScore } from '../../../shared/scoring/article-scorer';
import { PROFILE_NAMES } from '../../../shared/scoring/wmt-weights';
import './score-panel.css';

interface Props {
  readonly score: ArticleScore;
  readonly paragraph?: ParagraphScore;
  readonly paragraphNumber: number;
}

function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '—';
}

export function ScorePanel({ score, paragraph, paragraphNumber }: Props) {
  const { mqm, wmt } = score;
  const wmtHeadline = score.profile !== 'mqm-core';
  const wmtFacts = (
    <>
      <dt>WMT total</dt>
      <dd aria-label="WMT score total" title="Sum of error weights over all paragraphs; lower is better">
        {fmt(wmt.total)}
      </dd>
      {!wmtHeadline && (
        <>
          <dt>WMT per ¶</dt>
          <dd aria-label="WMT score per paragraph" title={`Total over ${wmt.segments.toLocaleString()} paragraphs; lower is better`}>
            {fmt(wmt.score)}
          </dd>
        </>
      )}
    </>
  );
  return (
    <section className="score-panel" aria-label="Scores">
      <h2 className="side-panel__title">Score · {PROFILE_NAMES[score.profile]}</h2>
      <div className="score-panel__grid">
        {wmtHeadline ? (
          <div className="score-big" aria-label="WMT score per paragraph">
            <span className="score-big__value">{fmt(wmt.score)}</span>
            <span className="score-big__label">per paragraph · lower is better</span>
          </div>
        ) : (
          <div className={`score-big ${mqm.pass ? 'is-pass' : 'is-fail'}`} aria-label="MQM-Core quality score">
            <span className="score-big__value">{fmt(mqm.quality, 1)}</span>
            <span className="score-big__label">
              quality · {mqm.pass ? 'pass' : 'fail'} (≥ {mqm.threshold})
            </span>
          </div>
        )}
        <dl className="score-facts">
          {wmtFacts}
          {wmtHeadline && (
            <>
              <dt>MQM quality</dt>
              <dd aria-label="MQM-Core quality score" title={`Pass mark ${mqm.threshold}`}>
                {fmt(mqm.quality, 1)} {mqm.pass ? 'pass' : 'fail'}
              </dd>
            </>
          )}
          <dt>Penalty</dt>
          <dd title="MQM absolute penalty total over the evaluated words">{fmt(mqm.penalty, 1)}</dd>
          <dt>Words</dt>
          <dd title="Words as the MQM scores count them: one count, used by every score (Chinese and Japanese count a character a word, as ISO 5060 allows and translation tools count them)">
            {mqm.words.toLocaleString()}
          </dd>
          <dt>Errors / 1k words</dt>
          <dd>{fmt(mqm.errorsPerThousandWords, 1)}</dd>
          <dt>Flags</dt>
          <dd>{score.flags}</dd>
        </dl>
      </div>
      {paragraph && (
        <p className="score-panel__para" aria-label="Score of the paragraph in focus">
          ¶ {paragraphNumber}: WMT {fmt(paragraph.wmtScore)} · quality {fmt(paragraph.mqm.quality, 1)} · {paragraph.flags} flag
          {paragraph.flags === 1 ? '' : 's'}
        </p>
      )}
    </section>
  );
}

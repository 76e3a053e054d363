/** Live scores: the whole article and the paragraph in focus, in the chosen profile. */
import type { ArticleScore, ParagraphScore } from '../../../shared/scoring/article-scorer';

interface Props {
  readonly score: ArticleScore;
  readonly paragraph?: ParagraphScore;
  readonly paragraphNumber: number;
}

const PROFILE_NAMES: Record<ArticleScore['profile'], string> = {
  'mqm-core': 'MQM-Core',
  wmt: 'WMT MQM',
  'wmt-legacy': 'WMT MQM 2020–21',
};

function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '—';
}

export function ScorePanel({ score, paragraph, paragraphNumber }: Props) {
  const { mqm, wmt } = score;
  return (
    <section className="score-panel" aria-label="Scores">
      <h2 className="side-panel__title">Score · {PROFILE_NAMES[score.profile]}</h2>
      <div className="score-panel__grid">
        <div className={`score-big ${mqm.pass ? 'is-pass' : 'is-fail'}`} aria-label="MQM-Core quality score">
          <span className="score-big__value">{fmt(mqm.quality, 1)}</span>
          <span className="score-big__label">
            quality · {mqm.pass ? 'pass' : 'fail'} (≥ {mqm.threshold})
          </span>
        </div>
        <dl className="score-facts">
          <dt>WMT score</dt>
          <dd aria-label="WMT MQM score">{fmt(wmt.score)}</dd>
          <dt>Penalty</dt>
          <dd title="Absolute penalty total over the evaluated words">{fmt(mqm.penalty, 1)}</dd>
          <dt>Words</dt>
          <dd>{mqm.words.toLocaleString()}</dd>
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

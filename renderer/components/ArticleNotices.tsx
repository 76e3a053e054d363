/**
 * What the reviewer should know about the open article and its review, above the workspace: what went wrong (with
 * the remedies a review file offers), why the review is read-only, the review's warnings, and unpaired paragraphs.
 */
import type { RedlineClient } from '../../shared/contract';
import { ErrorBanner } from './ErrorBanner';
import { ReviewFileBanner } from './ReviewFileBanner';
import type { ArticleHandle } from './use-article';

interface Props {
  readonly client: RedlineClient;
  readonly article: ArticleHandle;
}

export function ArticleNotices({ client, article }: Props) {
  const { state, review, reviewError } = article;
  return (
    <>
      {state.error && <ErrorBanner error={state.error} onDismiss={article.dismissError} />}
      {reviewError?.remedies ? (
        <ReviewFileBanner
          key={reviewError.message}
          code={reviewError.code}
          message={reviewError.message}
          remedies={reviewError.remedies}
          onRemedy={(remedy) => client.resolveReview({ reviewId: state.reviewId!, remedy })}
        />
      ) : (
        reviewError && <ErrorBanner error={reviewError} onDismiss={() => undefined} />
      )}
      {review?.readOnly && (
        <ReviewFileBanner
          key={review.readOnly.message}
          code={review.readOnly.reason === 'locked' ? 'locked' : 'read-only'}
          message={review.readOnly.message}
          remedies={review.readOnly.remedies}
          onRemedy={(remedy) => client.resolveReview({ reviewId: review.reviewId, remedy })}
        />
      )}
      {review?.warnings.map((w) => (
        <div key={w} className="notice" role="status">
          {w}
        </div>
      ))}
      {state.mismatch && state.article && (
        <div className="notice" role="status">
          The source has {state.mismatch.source} paragraphs and the translation {state.mismatch.target}. They are paired in order; the{' '}
          {Math.abs(state.mismatch.source - state.mismatch.target)} unmatched paragraph
          {Math.abs(state.mismatch.source - state.mismatch.target) === 1 ? ' is' : 's are'} marked at the end.
        </div>
      )}
    </>
  );
}

/**
 * The view that has the workspace instead of the article, if any: adjudication, the quality report or compare, in
 * that order when more than one is asked for. Going back to a paragraph waits a frame, so the article pane is
 * mounted again before the paragraph is revealed in it.
 */
import type { RedlineClient, ReviewView } from '../../../shared/contract';
import type { InlineCode } from '../../../shared/model';
import type { Place } from '../../state/use-place';
import type { ReviewChange } from '../../state/use-review';
import { AdjudicationView } from '../adjudication/AdjudicationView';
import { ReportView } from '../report/ReportView';
import { CompareView } from '../versions/CompareView';
import type { Workspace } from './use-workspace';

interface Props {
  readonly client: RedlineClient;
  readonly review: ReviewView;
  readonly workspace: Workspace;
  readonly place: Place;
  /** The paragraph in focus: compare opens on it, and gives it back when closed without choosing another. */
  readonly current: number;
  readonly goTo: (index: number) => void;
  readonly onReview: (change: ReviewChange) => void;
  /** Opens a review file that adjudication saved. */
  readonly onOpenReview: (path: string) => void;
  readonly codesOf: (paragraphId: string) => readonly InlineCode[] | undefined;
}

export function WorkspaceTakeover({ client, review, workspace, place, current, goTo, onReview, onOpenReview, codesOf }: Props) {
  if (workspace.adjudicating) {
    return (
      <AdjudicationView
        client={client}
        review={review}
        onClose={workspace.closeAdjudication}
        onOpenReview={(path) => {
          workspace.closeAdjudication();
          onOpenReview(path);
        }}
      />
    );
  }
  if (workspace.reportOpen && !workspace.compare) {
    return (
      <ReportView
        client={client}
        reviewId={review.reviewId}
        seq={review.seq}
        onGoTo={(index) => {
          workspace.closeReport();
          requestAnimationFrame(() => goTo(index));
        }}
        onClose={workspace.closeReport}
        onAdjudicate={workspace.commands.adjudicate}
      />
    );
  }
  if (workspace.compare) {
    const start = place.compareStart(workspace.compare.left);
    return (
      <CompareView
        client={client}
        review={review}
        initialLeft={start.left}
        initialRight={start.right}
        initialLevel={start.level}
        initialParagraph={current}
        onChoice={place.rememberCompare}
        onReview={onReview}
        onClose={(index) => {
          workspace.closeCompare();
          // The paragraph is revealed with keyboard focus.
          requestAnimationFrame(() => goTo(index ?? current));
        }}
        codesOf={codesOf}
      />
    );
  }
  return null;
}

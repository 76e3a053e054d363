/**
 * The save-version and export dialogs, while the workspace has one open. Each is handed the draft writer's flush,
 * so it acts on the text as typed.
 */
import type { RedlineClient, ReviewView } from '../../../shared/contract';
import type { ArticleInfo } from '../../../shared/model';
import type { ReviewChange } from '../../state/use-review';
import { ExportDialog } from '../versions/ExportDialog';
import { SaveVersionDialog } from '../versions/SaveVersionDialog';
import type { Workspace } from './use-workspace';

interface Props {
  readonly client: RedlineClient;
  readonly review: ReviewView;
  readonly article: ArticleInfo | undefined;
  readonly workspace: Workspace;
  readonly onReview: (change: ReviewChange) => void;
}

export function VersionDialogs({ client, review, article, workspace, onReview }: Props) {
  return (
    <>
      {workspace.saveOpen && (
        <SaveVersionDialog
          client={client}
          review={review}
          onSaved={onReview}
          onClose={workspace.closeSave}
          flush={() => workspace.writer.flush()}
        />
      )}
      {workspace.exportOpen && article && (
        <ExportDialog
          client={client}
          reviewId={review.reviewId}
          versions={review.versions}
          article={article}
          onClose={workspace.closeExport}
          flush={() => workspace.writer.flush()}
        />
      )}
    </>
  );
}

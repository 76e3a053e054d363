/**
 * The article pane as the open review draws it: flags and suggestions in the text, each paragraph's review marks,
 * and the paragraph open in the editor; before an article is open, a line saying how to open one.
 */
import type { ParagraphStatus } from '../state/use-paragraph-status';
import { ArticlePane } from './ArticlePane';
import { openingText } from './opening-text';
import type { Flags } from './flags/use-flags';
import { ParagraphReviewControls } from './status/ParagraphMarks';
import type { ArticleHandle } from './use-article';
import { ParagraphEditor } from './versions/ParagraphEditor';
import type { Workspace } from './workspace/use-workspace';

interface Props {
  readonly article: ArticleHandle;
  readonly flags: Flags;
  readonly paragraphStatus: ParagraphStatus;
  readonly workspace: Workspace;
}

export function ArticleView({ article, flags, paragraphStatus, workspace }: Props) {
  const { state, cache, review, pane } = article;
  if (!cache || !state.article) {
    return (
      <div className="article-empty" aria-busy={state.opening}>
        {state.opening ? openingText(state.unclaimed) : 'Open an article to start reviewing (Ctrl+O), or drop a file here.'}
      </div>
    );
  }
  const editing = workspace.editing;
  const edited = editing !== undefined ? cache.get(editing) : undefined;
  return (
    <ArticlePane
      ref={pane}
      cache={cache}
      article={state.article}
      loaded={state.loaded}
      current={state.current}
      onFocusParagraph={article.focus}
      flagsByParagraph={flags.flagsByParagraph}
      {...(review ? { drafts: review.drafts } : {})}
      {...(flags.selectedMark ? { selectedFlag: flags.selectedMark } : {})}
      onSelectFlag={flags.selectMark}
      {...(review
        ? {
            status: {
              reviewed: paragraphStatus.reviewed,
              notes: paragraphStatus.notes,
              onEditNote: paragraphStatus.openNote,
              controls: (index: number) => (
                <ParagraphReviewControls
                  number={index + 1}
                  reviewed={paragraphStatus.isReviewed(index)}
                  hasNote={paragraphStatus.noteOf(index) !== undefined}
                  readOnly={!!review.readOnly}
                  onToggleReviewed={() => paragraphStatus.toggle(index)}
                  onNote={() => paragraphStatus.openNote(index)}
                />
              ),
            },
          }
        : {})}
      {...(editing !== undefined && review && edited
        ? {
            editing: {
              index: editing,
              editor: (
                <ParagraphEditor
                  reviewId={review.reviewId}
                  paragraph={edited}
                  number={editing + 1}
                  initialText={review.drafts[edited.id] ?? edited.target}
                  writer={workspace.writer}
                  flags={flags.flagsByParagraph.get(edited.id)}
                  onClose={() => {
                    workspace.stopEditing();
                    article.refresh();
                    pane.current?.reveal(editing);
                  }}
                />
              ),
            },
          }
        : {})}
    />
  );
}

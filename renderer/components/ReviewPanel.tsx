/**
 * The side panel's contents while a review is open: the scores (with the paragraph in focus), the flag list and
 * notes, the suggestions and the versions. It reads the workflows' state and hands the panels only props.
 */
import type { RedlineClient, ReviewView, SuggestionList } from '../../shared/contract';
import { indexOfParagraph } from '../state/paragraph-cache';
import type { ParagraphStatus } from '../state/use-paragraph-status';
import { FlagList } from './flags/FlagList';
import { ScorePanel } from './flags/ScorePanel';
import type { Flags } from './flags/use-flags';
import { useParagraphScore } from './flags/use-paragraph-score';
import { SuggestionsPanel } from './suggestions/SuggestionsPanel';
import type { ArticleHandle } from './use-article';
import { VersionsPanel } from './versions/VersionsPanel';
import type { Workspace } from './workspace/use-workspace';

interface Props {
  readonly client: RedlineClient;
  readonly review: ReviewView;
  readonly article: ArticleHandle;
  readonly flags: Flags;
  readonly suggestionList: SuggestionList | undefined;
  readonly paragraphStatus: ParagraphStatus;
  readonly workspace: Workspace;
}

export function ReviewPanel({ client, review, article, flags, suggestionList, paragraphStatus, workspace }: Props) {
  const { cache, state, goTo } = article;
  const paragraphScore = useParagraphScore(client, review, cache?.get(state.current)?.id);
  const paragraphOf = (paragraphId: string) => cache?.get(indexOfParagraph(paragraphId));
  return (
    <>
      <ScorePanel score={review.score} {...(paragraphScore ? { paragraph: paragraphScore } : {})} paragraphNumber={state.current + 1} />
      <FlagList
        flags={review.annotations}
        {...(flags.selectedFlag ? { selected: flags.selectedFlag } : {})}
        numberOf={(id) => indexOfParagraph(id) + 1}
        quoteOf={(f) => {
          const p = paragraphOf(f.paragraphId);
          const text = f.side === 'source' ? p?.source : p?.target;
          return text?.slice(f.start, f.end);
        }}
        codesOf={(f) => {
          const p = paragraphOf(f.paragraphId);
          return f.side === 'source' ? p?.sourceCodes : p?.codes;
        }}
        onSelect={flags.selectFlag}
        onEdit={flags.editFlag}
        onStatus={flags.setStatus}
        onDelete={flags.deleteFlag}
        notes={paragraphStatus.notes}
        onSelectNote={(id) => goTo(indexOfParagraph(id))}
        onEditNote={(id) => paragraphStatus.openNote(indexOfParagraph(id))}
      />
      <SuggestionsPanel
        list={suggestionList}
        {...(flags.selectedSuggestion ? { selected: flags.selectedSuggestion } : {})}
        numberOf={(id) => indexOfParagraph(id) + 1}
        onSelect={flags.chooseSuggestion}
        onAccept={flags.acceptSuggestions}
        onDismiss={flags.dismissSuggestions}
      />
      <VersionsPanel
        client={client}
        review={review}
        onReview={article.replace}
        onCompare={workspace.openCompare}
        onSaveVersion={workspace.commands.saveVersion}
      />
    </>
  );
}

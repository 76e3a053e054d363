/**
 * The app's frame: it composes the workflows (the article, flags, what takes the workspace, find, layout), each of
 * which holds its own state, and hands their commands to the one dispatcher that menus, keys and toolbar buttons
 * share. The only state of its own is which of the small dialogs (open, shortcuts, settings) is open.
 */
import { useState } from 'react';
import type { RedlineClient } from '../../shared/contract';
import { indexOfParagraph } from '../state/paragraph-cache';
import { useFind } from '../state/use-find';
import { useLayout } from '../state/use-layout';
import { useParagraphStatus } from '../state/use-paragraph-status';
import { usePlace } from '../state/use-place';
import { useSuggestions } from '../state/use-suggestions';
import { desktopBridge } from '../transport/electron-client';
import { ArticleNotices } from './ArticleNotices';
import { ArticleView } from './ArticleView';
import { OpenDialog } from './OpenDialog';
import { ProgressBar } from './ProgressBar';
import { ReviewPanel } from './ReviewPanel';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { FindBar } from './find/FindBar';
import { FlagDialog } from './flags/FlagDialog';
import { ReviewSettings } from './flags/ReviewSettings';
import { SelectionFlagButton } from './flags/SelectionFlagButton';
import { useFlags } from './flags/use-flags';
import { MenuBar } from './layout/MenuBar';
import { PanelSplitter } from './layout/PanelSplitter';
import { NoteDialog } from './status/NoteDialog';
import { ReviewProgress } from './status/ReviewProgress';
import { useArticle } from './use-article';
import { useShortcuts } from './use-shortcuts';
import { VersionDialogs } from './workspace/VersionDialogs';
import { WorkspaceTakeover } from './workspace/WorkspaceTakeover';
import { toolbarCommands } from './workspace/toolbar-commands';
import { useWorkspace } from './workspace/use-workspace';

export function App({ client }: { client: RedlineClient }) {
  const article = useArticle(client);
  const { state, cache, review, reviewError, run, replace, goTo, open, reportError } = article;
  const [openDialog, setOpenDialog] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const workspace = useWorkspace({ client, current: state.current });
  const layout = useLayout();

  const paragraphStatus = useParagraphStatus({ client, review, run, current: state.current, loaded: state.loaded, goTo });
  const place = usePlace({ client, reviewId: review?.reviewId, loaded: state.loaded, current: state.current, goTo });

  const suggestionList = useSuggestions(client, state.reviewId, !!review);
  const flags = useFlags({ client, review, run, cache, current: state.current, goTo, reportError, suggestionList });

  // Find and Replace over the whole article: the bar keeps the keyboard while the article scrolls to each match.
  const find = useFind({
    client,
    reviewId: review?.reviewId,
    drafts: review?.drafts,
    current: state.current,
    reveal: article.reveal,
    applyDelta: replace,
  });

  const commands = useShortcuts(client, {
    hasReview: !!review,
    articleKeysOff: workspace.articleKeysOff,
    current: state.current,
    loaded: state.loaded,
    ...flags.commands,
    goTo,
    open: () => setOpenDialog(true),
    focusGoTo: () => document.getElementById('goto-paragraph')?.focus(),
    settings: () => setSettingsOpen(true),
    ...workspace.commands,
    undo: article.undo,
    redo: article.redo,
    markReviewed: paragraphStatus.markAndNext,
    stepNotReviewed: paragraphStatus.step,
    shortcuts: () => setShortcuts(true),
    find: (withReplace) => {
      workspace.showArticle();
      find.show(withReplace);
    },
    openSample: () => void open(() => client.openSample({})),
    textSize: layout.stepText,
    togglePanel: layout.togglePanel,
  });

  return (
    <div className={`app${article.dragging ? ' app--dragging' : ''}`} {...article.drop}>
      {/* The desktop app has these menus natively; the browser gets them in the page. */}
      {!desktopBridge() && <MenuBar commands={commands} />}
      <Toolbar
        {...(state.article ? { articleName: state.article.path } : {})}
        current={state.current}
        total={state.loaded}
        onOpen={() => commands.run('open')}
        onOpenSample={() => commands.run('open-sample')}
        onGoTo={(n) => goTo(n - 1)}
        onFirst={() => goTo(0)}
        onPrevious={() => goTo(state.current - 1)}
        onNext={() => goTo(state.current + 1)}
        onLast={() => goTo(state.loaded - 1)}
        onShortcuts={() => commands.run('shortcuts')}
        onFlag={() => commands.run('flag')}
        canFlag={!!review && !review.readOnly}
        onUndo={() => commands.run('undo')}
        onRedo={() => commands.run('redo')}
        {...(review?.undoLabel ? { undoLabel: review.undoLabel } : {})}
        {...(review?.redoLabel ? { redoLabel: review.redoLabel } : {})}
        onSettings={() => commands.run('settings')}
        {...(review && !review.readOnly && !workspace.compare && !workspace.reportOpen
          ? { onEdit: () => commands.run('edit-paragraph') }
          : {})}
        commands={toolbarCommands(commands, workspace, review)}
        panelHidden={layout.prefs.panelHidden}
        onTogglePanel={() => commands.run('toggle-panel')}
      />
      <ProgressBar
        visible={!!state.reviewId && !state.done}
        bytesRead={state.bytesRead}
        totalBytes={state.totalBytes}
        paragraphs={state.loaded}
      />
      <ArticleNotices client={client} article={article} />
      {review && state.article && (
        <FindBar
          find={find}
          hasSource={state.article.sourcePath !== undefined || state.article.format === 'xliff' || state.article.format === 'tsv'}
          {...(review.readOnly ? { readOnlyReason: review.readOnly.message } : {})}
          onClosed={() => article.pane.current?.reveal(state.current)}
        />
      )}
      <main className={`workspace${layout.prefs.panelHidden ? ' workspace--panel-hidden' : ''}`}>
        {review && workspace.takenOver ? (
          <WorkspaceTakeover
            client={client}
            review={review}
            workspace={workspace}
            place={place}
            current={state.current}
            goTo={goTo}
            onReview={replace}
            onOpenReview={(path) => void open(() => client.openArticle({ path }))}
            codesOf={(id) => cache?.get(indexOfParagraph(id))?.codes}
          />
        ) : (
          <ArticleView article={article} flags={flags} paragraphStatus={paragraphStatus} workspace={workspace} />
        )}
        {!layout.prefs.panelHidden && <PanelSplitter width={layout.prefs.panelWidth} onWidth={layout.setPanelWidth} />}
        <SidePanel
          hidden={layout.prefs.panelHidden}
          {...(reviewError || state.loadFailed ? { empty: 'The review is not open: the message above says why and what you can do.' } : {})}
        >
          {review && (
            <ReviewPanel
              client={client}
              review={review}
              article={article}
              flags={flags}
              suggestionList={suggestionList}
              paragraphStatus={paragraphStatus}
              workspace={workspace}
            />
          )}
        </SidePanel>
      </main>
      <StatusBar
        article={state.article}
        loaded={state.loaded}
        done={state.done}
        current={state.current}
        {...(review ? { reviewPath: review.reviewPath, rater: review.rater, readOnly: !!review.readOnly } : {})}
        {...(review
          ? { progress: <ReviewProgress count={paragraphStatus.count} total={state.loaded} onStep={paragraphStatus.step} /> }
          : {})}
      />
      {openDialog && (
        <OpenDialog
          client={client}
          onClose={() => setOpenDialog(false)}
          onOpen={async (path, sourcePath) => {
            const failure = await open(() => client.openArticle(sourcePath ? { path, sourcePath } : { path }));
            if (!failure) setOpenDialog(false);
            return failure;
          }}
        />
      )}
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      {paragraphStatus.noteFor !== undefined && review && (
        <NoteDialog
          key={paragraphStatus.noteFor}
          paragraphNumber={paragraphStatus.noteFor + 1}
          initial={paragraphStatus.noteOf(paragraphStatus.noteFor) ?? ''}
          onSave={paragraphStatus.saveNote}
          onClose={() => {
            const index = paragraphStatus.noteFor!;
            paragraphStatus.closeNote();
            article.pane.current?.reveal(index);
          }}
        />
      )}
      {flags.dialog && review && (
        <FlagDialog
          mode={flags.dialog.mode}
          typology={review.typology}
          target={flags.dialog.target}
          {...(flags.dialog.mode === 'edit'
            ? {
                initial: { category: flags.dialog.flag.category, severity: flags.dialog.flag.severity, comment: flags.dialog.flag.comment },
              }
            : {})}
          onClose={flags.closeDialog}
          onSubmit={flags.submitDialog}
        />
      )}
      {review && <VersionDialogs client={client} review={review} article={state.article} workspace={workspace} onReview={replace} />}
      {settingsOpen && review && <ReviewSettings client={client} review={review} run={run} onClose={() => setSettingsOpen(false)} />}
      {article.dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop an article to open it
        </div>
      )}
      <SelectionFlagButton
        enabled={!!review && !flags.dialog && !workspace.compare && workspace.editing === undefined}
        onFlag={flags.commands.flag}
      />
    </div>
  );
}

/**
 * The app's frame: toolbar, progress bar, article pane, side panel, status bar. Holds the open article's state
 * and wires the keyboard; the panes themselves only render.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { OpenedReview, RedlineClient } from '../../shared/contract';
import type { Failure, Result } from '../../shared/result';
import type { ParagraphScore } from '../../shared/scoring/article-scorer';
import { useReview } from '../state/use-review';
import { articleReducer, getEmptyState } from '../state/article-state';
import { indexOfParagraph, ParagraphCache } from '../state/paragraph-cache';
import { desktopBridge } from '../transport/electron-client';
import { ArticlePane, type ArticlePaneHandle } from './ArticlePane';
import { ErrorBanner } from './ErrorBanner';
import { ReviewFileBanner } from './ReviewFileBanner';
import { OpenDialog } from './OpenDialog';
import { ProgressBar } from './ProgressBar';
import { FindBar } from './find/FindBar';
import { useFind } from '../state/use-find';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SidePanel } from './SidePanel';
import { PanelSplitter } from './layout/PanelSplitter';
import { MenuBar } from './layout/MenuBar';
import { useLayout } from '../state/use-layout';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './use-shortcuts';
import { useParagraphStatus } from '../state/use-paragraph-status';
import { usePlace } from '../state/use-place';
import { NoteDialog } from './status/NoteDialog';
import { ParagraphReviewControls } from './status/ParagraphMarks';
import { ReviewProgress } from './status/ReviewProgress';
import { FlagDialog } from './flags/FlagDialog';
import { useFlags } from './flags/use-flags';
import { FlagList } from './flags/FlagList';
import { SuggestionsPanel } from './suggestions/SuggestionsPanel';
import { useSuggestions } from '../state/use-suggestions';
import { ScorePanel } from './flags/ScorePanel';
import { SelectionFlagButton } from './flags/SelectionFlagButton';
import { SettingsDialog } from './flags/SettingsDialog';
import { ParagraphEditor } from './versions/ParagraphEditor';
import { useWorkspace } from './workspace/use-workspace';
import { WorkspaceTakeover } from './workspace/WorkspaceTakeover';
import { toolbarCommands } from './workspace/toolbar-commands';
import { VersionDialogs } from './workspace/VersionDialogs';
import { VersionsPanel } from './versions/VersionsPanel';

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function App({ client }: { client: RedlineClient }) {
  const [state, dispatch] = useReducer(articleReducer, undefined, getEmptyState);
  const [openDialog, setOpenDialog] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [dragging, setDragging] = useState(false);
  const pane = useRef<ArticlePaneHandle>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [paragraphScore, setParagraphScore] = useState<ParagraphScore>();
  const reportError = useCallback((error: Failure) => dispatch({ type: 'failed', error }), []);
  const { review, reviewError, run, replace, refresh } = useReview(client, state.reviewId, state.done && !state.error, reportError);
  const workspace = useWorkspace({ client, current: state.current });
  const layout = useLayout();

  const cache = useMemo(
    () =>
      state.reviewId
        ? new ParagraphCache(
            client,
            state.reviewId,
            (error) => dispatch({ type: 'failed', error }),
            (w) => dispatch({ type: 'window', reviewId: state.reviewId!, ...w }),
          )
        : undefined,
    [client, state.reviewId],
  );

  useEffect(() => client.onEvent((event) => dispatch({ type: 'event', event })), [client]);
  useEffect(() => cache?.setLoaded(state.loaded), [cache, state.loaded]);
  useEffect(() => {
    if (!cache) return;
    return client.onEvent((e) => {
      if (e.type === 'review-changed' && e.reviewId === cache.reviewId) cache.refresh();
    });
  }, [client, cache]);

  const open = useCallback(async (request: () => Promise<Result<OpenedReview>>) => {
    dispatch({ type: 'opening' });
    const r = await request();
    if (r.ok) dispatch({ type: 'opened', review: r.value });
    else dispatch({ type: 'failed', error: r.error });
    return r.ok ? undefined : r.error;
  }, []);

  // Asked once per client: React's development checks run effects twice, and a second open of the same article
  // would replace the first review the page already holds.
  const startupAsked = useRef<RedlineClient>(undefined);
  useEffect(() => {
    if (startupAsked.current === client) return;
    startupAsked.current = client;
    void open(() => client.openStartup({}));
  }, [client, open]);

  useEffect(() => {
    const reviewName = review?.reviewPath.split(/[\\/]/).pop();
    document.title = state.article ? `${state.article.name}${reviewName ? ` (${reviewName})` : ''} — Redline` : 'Redline';
  }, [state.article, review?.reviewPath]);

  useEffect(() => {
    return client.onEvent((e) => {
      if (e.type === 'article-opened') dispatch({ type: 'opened', review: e.review });
    });
  }, [client]);

  const goTo = useCallback((index: number) => {
    dispatch({ type: 'focus', index });
    pane.current?.reveal(index);
  }, []);

  const paragraphStatus = useParagraphStatus({ client, review, run, current: state.current, loaded: state.loaded, goTo });
  const place = usePlace({ client, reviewId: review?.reviewId, loaded: state.loaded, current: state.current, goTo });

  const suggestionList = useSuggestions(client, state.reviewId, !!review);
  const flags = useFlags({ client, review, run, cache, current: state.current, goTo, reportError, suggestionList });

  const undo = useCallback(() => {
    if (review?.undoLabel) void run(() => client.undo({ reviewId: review.reviewId }));
  }, [client, review, run]);
  const redo = useCallback(() => {
    if (review?.redoLabel) void run(() => client.redo({ reviewId: review.reviewId }));
  }, [client, review, run]);

  // The score panel's paragraph in focus.
  const currentParagraphId = cache?.get(state.current)?.id;
  useEffect(() => {
    if (!review || !currentParagraphId) return setParagraphScore(undefined);
    let cancelled = false;
    void client.paragraphScore({ reviewId: review.reviewId, paragraphId: currentParagraphId }).then((r) => {
      if (!cancelled && r.ok) setParagraphScore(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [client, review, currentParagraphId]);

  // Find and Replace over the whole article: the bar keeps the keyboard while the article scrolls to each match.
  const find = useFind({
    client,
    reviewId: review?.reviewId,
    drafts: review?.drafts,
    current: state.current,
    reveal: useCallback((index: number) => {
      dispatch({ type: 'focus', index });
      pane.current?.reveal(index, { focus: false });
    }, []),
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
    undo,
    redo,
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

  const onDrop = useCallback(
    async (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (!file) return;
      const bridge = desktopBridge();
      if (bridge) {
        await open(() => client.openArticle({ path: bridge.pathForFile(file) }));
        return;
      }
      const base64 = await fileToBase64(file);
      await open(() => client.openDropped({ name: file.name, base64 }));
    },
    [client, open],
  );

  return (
    <div
      className={`app${dragging ? ' app--dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
    >
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
      {state.error && <ErrorBanner error={state.error} onDismiss={() => dispatch({ type: 'dismiss-error' })} />}
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
      {review && state.article && (
        <FindBar
          find={find}
          hasSource={state.article.sourcePath !== undefined || state.article.format === 'xliff' || state.article.format === 'tsv'}
          {...(review.readOnly ? { readOnlyReason: review.readOnly.message } : {})}
          onClosed={() => pane.current?.reveal(state.current)}
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
        ) : cache && state.article ? (
          <ArticlePane
            ref={pane}
            cache={cache}
            article={state.article}
            loaded={state.loaded}
            current={state.current}
            onFocusParagraph={(index) => dispatch({ type: 'focus', index })}
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
            {...(workspace.editing !== undefined && review && cache.get(workspace.editing)
              ? {
                  editing: {
                    index: workspace.editing,
                    editor: (
                      <ParagraphEditor
                        reviewId={review.reviewId}
                        paragraph={cache.get(workspace.editing)!}
                        number={workspace.editing + 1}
                        initialText={review.drafts[cache.get(workspace.editing)!.id] ?? cache.get(workspace.editing)!.target}
                        writer={workspace.writer}
                        flags={flags.flagsByParagraph.get(cache.get(workspace.editing)!.id)}
                        onClose={() => {
                          const index = workspace.editing!;
                          workspace.stopEditing();
                          refresh();
                          pane.current?.reveal(index);
                        }}
                      />
                    ),
                  },
                }
              : {})}
          />
        ) : (
          <div className="article-empty" aria-busy={state.opening}>
            {state.opening ? 'Opening…' : 'Open an article to start reviewing (Ctrl+O), or drop a file here.'}
          </div>
        )}
        {!layout.prefs.panelHidden && <PanelSplitter width={layout.prefs.panelWidth} onWidth={layout.setPanelWidth} />}
        <SidePanel
          hidden={layout.prefs.panelHidden}
          {...(reviewError ? { empty: 'The review is not open: the message above says why and what you can do.' } : {})}
        >
          {review && (
            <>
              <ScorePanel
                score={review.score}
                {...(paragraphScore ? { paragraph: paragraphScore } : {})}
                paragraphNumber={state.current + 1}
              />
              <FlagList
                flags={review.annotations}
                {...(flags.selectedFlag ? { selected: flags.selectedFlag } : {})}
                numberOf={(id) => indexOfParagraph(id) + 1}
                quoteOf={(f) => {
                  const p = cache?.get(indexOfParagraph(f.paragraphId));
                  const text = f.side === 'source' ? p?.source : p?.target;
                  return text?.slice(f.start, f.end);
                }}
                codesOf={(f) => {
                  const p = cache?.get(indexOfParagraph(f.paragraphId));
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
                onReview={replace}
                onCompare={workspace.openCompare}
                onSaveVersion={workspace.commands.saveVersion}
              />
            </>
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
            pane.current?.reveal(index);
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
      {settingsOpen && review && (
        <SettingsDialog
          review={review}
          onClose={() => setSettingsOpen(false)}
          onSave={async (c) => {
            const id = review.reviewId;
            if (c.rater) {
              const f = await run(() => client.setRater({ reviewId: id, rater: c.rater! }));
              if (f) return f;
            }
            if (c.scoringProfile !== undefined || c.passThreshold !== undefined || c.builtInTypology || c.checksOff) {
              const f = await run(() =>
                client.changeSettings({
                  reviewId: id,
                  ...(c.scoringProfile ? { scoringProfile: c.scoringProfile } : {}),
                  ...(c.passThreshold !== undefined ? { passThreshold: c.passThreshold } : {}),
                  ...(c.builtInTypology ? { typology: 'mqm-core' as const } : {}),
                  ...(c.checksOff ? { checksOff: c.checksOff } : {}),
                }),
              );
              if (f) return f;
            }
            if (c.typologyPath) return run(() => client.loadTypology({ reviewId: id, path: c.typologyPath! }));
            return undefined;
          }}
        />
      )}
      {dragging && (
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

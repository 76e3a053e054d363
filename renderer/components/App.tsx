/**
 * The app's frame: toolbar, progress bar, article pane, side panel, status bar. Holds the open article's state
 * and wires the keyboard; the panes themselves only render.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { OpenedReview, RedlineClient } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { articleReducer, getEmptyState } from '../state/article-state';
import { ParagraphCache } from '../state/paragraph-cache';
import { desktopBridge } from '../transport/electron-client';
import { ArticlePane, type ArticlePaneHandle } from './ArticlePane';
import { ErrorBanner } from './ErrorBanner';
import { OpenDialog } from './OpenDialog';
import { ProgressBar } from './ProgressBar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';

/** How often the app checks on a load in progress, in case an event was missed. */
const LOAD_POLL_MS = 300;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

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

  // Load events can be missed (the event stream may connect after a small file has finished loading), so while a
  // load is under way the app also asks for its state now and then.
  useEffect(() => {
    if (!state.reviewId || state.done) return;
    const reviewId = state.reviewId;
    const timer = setInterval(() => {
      void client.readParagraphs({ reviewId, start: 0, end: 0 }).then((r) => {
        if (r.ok) dispatch({ type: 'window', reviewId, loaded: r.value.loaded, done: r.value.done, mismatch: r.value.mismatch });
      });
    }, LOAD_POLL_MS);
    return () => clearInterval(timer);
  }, [client, state.reviewId, state.done]);

  const open = useCallback(async (request: () => Promise<Result<OpenedReview>>) => {
    dispatch({ type: 'opening' });
    const r = await request();
    if (r.ok) dispatch({ type: 'opened', review: r.value });
    else dispatch({ type: 'failed', error: r.error });
    return r.ok ? undefined : r.error;
  }, []);

  useEffect(() => {
    void open(() => client.openStartup({}));
  }, [client, open]);

  useEffect(() => {
    document.title = state.article ? `${state.article.name} — Redline` : 'Redline';
  }, [state.article]);

  const goTo = useCallback((index: number) => {
    dispatch({ type: 'focus', index });
    pane.current?.reveal(index);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        setOpenDialog(true);
        return;
      }
      if (mod && e.key.toLowerCase() === 'g') {
        e.preventDefault();
        document.getElementById('goto-paragraph')?.focus();
        return;
      }
      if (isTyping(e.target) || mod || e.altKey || openDialog || shortcuts) return;
      const last = Math.max(0, state.loaded - 1);
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          e.preventDefault();
          goTo(Math.min(last, state.current + 1));
          break;
        case 'k':
        case 'ArrowUp':
          e.preventDefault();
          goTo(Math.max(0, state.current - 1));
          break;
        case 'Home':
          e.preventDefault();
          goTo(0);
          break;
        case 'End':
          e.preventDefault();
          goTo(last);
          break;
        case '?':
          e.preventDefault();
          setShortcuts(true);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, state.current, state.loaded, openDialog, shortcuts]);

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
      <Toolbar
        current={state.current}
        total={state.loaded}
        onOpen={() => setOpenDialog(true)}
        onOpenSample={() => void open(() => client.openSample({}))}
        onGoTo={(n) => goTo(n - 1)}
        onFirst={() => goTo(0)}
        onPrevious={() => goTo(state.current - 1)}
        onNext={() => goTo(state.current + 1)}
        onLast={() => goTo(state.loaded - 1)}
        onShortcuts={() => setShortcuts(true)}
      />
      <ProgressBar visible={!!state.reviewId && !state.done} bytesRead={state.bytesRead} totalBytes={state.totalBytes} paragraphs={state.loaded} />
      {state.error && <ErrorBanner error={state.error} onDismiss={() => dispatch({ type: 'dismiss-error' })} />}
      {state.mismatch && state.article && (
        <div className="notice" role="status">
          The source has {state.mismatch.source} paragraphs and the translation {state.mismatch.target}. They are paired in
          order; the {Math.abs(state.mismatch.source - state.mismatch.target)} unmatched paragraph
          {Math.abs(state.mismatch.source - state.mismatch.target) === 1 ? ' is' : 's are'} marked at the end.
        </div>
      )}
      <main className="workspace">
        {cache && state.article ? (
          <ArticlePane
            ref={pane}
            cache={cache}
            article={state.article}
            loaded={state.loaded}
            current={state.current}
            onFocusParagraph={(index) => dispatch({ type: 'focus', index })}
          />
        ) : (
          <div className="article-empty" aria-busy={state.opening}>
            {state.opening ? 'Opening…' : 'Open an article to start reviewing (Ctrl+O), or drop a file here.'}
          </div>
        )}
        <SidePanel />
      </main>
      <StatusBar article={state.article} loaded={state.loaded} done={state.done} current={state.current} />
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
      {dragging && <div className="drop-hint" aria-hidden="true">Drop an article to open it</div>}
    </div>
  );
}

/**
 * The Electron shell: one window, the menu, and the service bound to IPC. Everything it shows and does comes
 * from the review service and the renderer; this file only wires them to the desktop.
 *
 * One Redline runs at a time (per user data folder): a second launch, or a file the system opens with Redline,
 * opens in the running window, so one process owns every review file it writes.
 */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COMMANDS, isPageCommand, MENUS, type MenuItemRef, type ShellItem } from '../../shared/commands';
import type { MenuCommand, OpenedReview, ServiceEvent } from '../../shared/contract';
import { assertNever, fail, type Result } from '../../shared/result';
import { appPaths } from '../app-paths';
import { checkArticle } from '../loader/article-stream';
import { ReviewService } from '../service/review-service';
import { launchRequest, type LaunchRequest } from './command-line';
import { bindService, EVENT_CHANNEL, type ServiceBinding } from './ipc';
import { hardenApp, secureWebPreferences } from './security';

// The bundle sits in out/shell/; the project (or the packaged app) root is two folders up.
const root = resolve(import.meta.dirname, '..', '..');
const paths = appPaths(root);
const rendererIndex = join(paths.renderer, 'index.html');
const preload = join(root, 'out', 'shell', 'preload.cjs');

const OPEN_FAILED = 'Redline could not open the article';
const ARTICLE_FILTERS = [
  { name: 'Articles', extensions: ['txt', 'md', 'markdown', 'xlf', 'xliff', 'sdlxliff', 'docx', 'html', 'htm', 'tsv', 'csv'] },
  { name: 'Redline reviews', extensions: ['redline'] },
  { name: 'All files', extensions: ['*'] },
];

let mainWindow: BrowserWindow | undefined;
let service: ReviewService | undefined;
let binding: ServiceBinding | undefined;
/** What a new window opens: the command line's article at first; a file the system opened while none was open. */
let launch: LaunchRequest = launchRequest(process.argv, { cwd: process.cwd(), isPackaged: app.isPackaged });

/** Hands a menu command to the renderer, which carries it out as its shortcut would. */
function sendCommand(command: MenuCommand): void {
  const event: ServiceEvent = { type: 'menu', command };
  mainWindow?.webContents.send(EVENT_CHANNEL, event);
}

/** Tells the renderer to show an article the shell opened. */
function announceOpened(review: OpenedReview): void {
  const event: ServiceEvent = { type: 'article-opened', review };
  mainWindow?.webContents.send(EVENT_CHANNEL, event);
}

/**
 * Opens what a launch asked for, refusing a bad file with the same words as `redline serve` (the article and its
 * source are checked before the service starts reading either).
 */
async function openRequest(svc: ReviewService, request: LaunchRequest): Promise<Result<OpenedReview>> {
  switch (request.kind) {
    case 'sample':
      return svc.openSample({});
    case 'usage-error':
      return fail('bad-request', request.message);
    case 'article': {
      for (const path of [request.path, request.sourcePath]) {
        if (path === undefined) continue;
        const checked = await checkArticle(path);
        if (!checked.ok) return checked;
      }
      return svc.openArticle(request.sourcePath ? { path: request.path, sourcePath: request.sourcePath } : { path: request.path });
    }
    default:
      return assertNever(request, 'launch request');
  }
}

async function createWindow(): Promise<void> {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 760,
    minHeight: 480,
    title: 'Redline',
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  // Windows ends a session by killing the app without before-quit: start closing review files at once.
  window.on('session-end', () => void closeService());
  await window.loadFile(rendererIndex);
}

function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Opens an article (a second launch, a file the system opened, the menu) in the window, which comes to the front. */
async function openInWindow(request: LaunchRequest): Promise<void> {
  const svc = service;
  if (!svc || !mainWindow) {
    // Not ready yet (macOS sends open-file before the app is ready), or no window (macOS): the next window opens it.
    launch = request;
    if (svc) await createWindow();
    return;
  }
  focusWindow(mainWindow);
  const opened = await openRequest(svc, request);
  if (opened.ok) announceOpened(opened.value);
  else dialog.showErrorBox(OPEN_FAILED, opened.error.message);
}

/** A second launch: what it names opens here; a bare launch just brings the window back. */
function secondLaunch(request: LaunchRequest): void {
  if (request.kind !== 'sample') void openInWindow(request);
  else if (mainWindow) focusWindow(mainWindow);
  else if (service) void createWindow();
}

async function openFromMenu(svc: ReviewService, withSource: boolean): Promise<void> {
  if (!mainWindow) return;
  const target = await dialog.showOpenDialog(mainWindow, {
    title: 'Open a translated article',
    properties: ['openFile'],
    filters: ARTICLE_FILTERS,
  });
  const path = target.filePaths[0];
  if (target.canceled || !path) return;
  let sourcePath: string | undefined;
  if (withSource) {
    const source = await dialog.showOpenDialog(mainWindow, {
      title: 'Choose its source text',
      properties: ['openFile'],
      filters: ARTICLE_FILTERS,
    });
    if (source.canceled) return;
    sourcePath = source.filePaths[0];
  }
  await openInWindow(sourcePath ? { kind: 'article', path, sourcePath } : { kind: 'article', path });
}

async function buildMenu(svc: ReviewService): Promise<void> {
  const recent = await svc.recentFiles({});
  const recentItems: MenuItemConstructorOptions[] = (recent.ok ? recent.value : []).map((r) => ({
    label: r.name + (r.sourcePath ? ' (+ source)' : ''),
    click: () =>
      void openInWindow(r.sourcePath ? { kind: 'article', path: r.path, sourcePath: r.sourcePath } : { kind: 'article', path: r.path }),
  }));
  const mac = process.platform === 'darwin';
  // The menus are data shared with the page (shared/commands.ts); this only says what the desktop does itself.
  const shellItem = (item: ShellItem): MenuItemConstructorOptions => {
    switch (item) {
      case 'open-with-source':
        return { label: 'Open with Source…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void openFromMenu(svc, true) };
      case 'open-recent':
        return { label: 'Open Recent', submenu: recentItems.length ? recentItems : [{ label: 'No recent articles', enabled: false }] };
      case 'cut':
        return { role: 'cut' };
      case 'copy':
        return { role: 'copy' };
      case 'paste':
        return { role: 'paste' };
      case 'select-all':
        return { role: 'selectAll' };
      case 'quit':
        return mac ? { role: 'close' } : { role: 'quit' };
      case 'full-screen':
        return { role: 'togglefullscreen' };
      case 'developer-tools':
        return { role: 'toggleDevTools' };
      default:
        return assertNever(item, 'menu item');
    }
  };
  const item = (ref: MenuItemRef): MenuItemConstructorOptions => {
    if (ref === 'separator') return { type: 'separator' };
    if (!isPageCommand(ref)) return shellItem(ref);
    const spec = COMMANDS[ref];
    // Open and Open Sample are the desktop's own: a native file dialog, and the window the article opens in.
    const click =
      ref === 'open'
        ? () => void openFromMenu(svc, false)
        : ref === 'open-sample'
          ? () => void openInWindow({ kind: 'sample' })
          : () => sendCommand(ref);
    return {
      label: spec.label,
      ...(spec.key ? { accelerator: spec.key, registerAccelerator: spec.pageKey !== true } : {}),
      click,
    };
  };
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    ...MENUS.map((menu) => ({ label: menu.label, submenu: menu.items.map(item) })),
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

let closingService: Promise<void> | undefined;
/**
 * Waits for every call the page already made (an edit typed just before closing), then closes the review
 * files, which writes what is queued and flushes it. Once only, whoever asks first.
 */
function closeService(): Promise<void> {
  closingService ??= (async () => {
    await binding?.drain();
    await service?.close();
  })().catch((err: unknown) => {
    process.stderr.write(`Redline could not close its review files cleanly: ${err instanceof Error ? err.message : String(err)}\n`);
  });
  return closingService;
}

function startShell(): void {
  hardenApp();
  // macOS opens files (Finder, the Dock, `open -a`) through this event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openInWindow({ kind: 'article', path: resolve(path) });
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    secondLaunch(launchRequest(argv, { cwd: workingDirectory, isPackaged: app.isPackaged }));
  });
  // Quitting waits for the review files to close; closing the last window quits on Linux and Windows, so it
  // takes the same path. On macOS the app stays open without a window, its reviews still open, until it quits.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void closeService().finally(() => {
      closed = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (service && BrowserWindow.getAllWindows().length === 0) void createWindow();
  });

  void app.whenReady().then(async () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const svc = new ReviewService({
      host: 'electron',
      version,
      dataDir: app.getPath('userData'),
      sample: paths.sample,
      headerThreadAhead: true,
    });
    service = svc;
    binding = bindService(svc, { window: () => mainWindow, rendererIndex, openStartup: () => openRequest(svc, launch) });
    // Open Recent follows the list the service keeps. The service adds an article to it once the article has
    // loaded, with no event of its own, so the menu is rebuilt when loading ends and again when the review file
    // (which opens after that) is first reported open.
    const reported = new Set<string>();
    svc.onEvent((e) => {
      if (e.type === 'load-progress' && e.done) void buildMenu(svc);
      if (e.type === 'review-changed' && !reported.has(e.reviewId)) {
        reported.add(e.reviewId);
        void buildMenu(svc);
      }
    });
    await buildMenu(svc);
    await createWindow();
  });
}

// The lock is the user data folder's: a second Redline hands its command line to the first (second-instance)
// and quits before opening anything.
if (app.requestSingleInstanceLock()) startShell();
else app.quit();

/**
 * The Electron shell: one window, the menu, and the service bound to IPC. Everything it shows and does comes
 * from the review service and the renderer; this file only wires them to the desktop.
 */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appPaths } from '../app-paths';
import { parseArgs } from '../cli/command';
import { ReviewService } from '../service/review-service';
import type { MenuCommand, OpenedReview, ServiceEvent } from '../../shared/contract';
import { bindService, EVENT_CHANNEL } from './ipc';
import { hardenApp, secureWebPreferences } from './security';

// The bundle sits in out/shell/; the project (or the packaged app) root is two folders up.
const root = resolve(import.meta.dirname, '..', '..');
const paths = appPaths(root);
const rendererIndex = join(paths.renderer, 'index.html');
const preload = join(root, 'out', 'shell', 'preload.cjs');

/** `redline article.txt [--source source.txt]`: what to open instead of the sample. */
function startupFromArgv(argv: readonly string[]): { path: string; sourcePath?: string } | undefined {
  // Chromium's own switches come through as unknown options and are left alone.
  const { positional, values } = parseArgs(argv.slice(app.isPackaged ? 1 : 2), { values: ['source'] });
  const path = positional.find((a) => a !== '.' && existsSync(a));
  const sourcePath = values.get('source');
  return path ? { path: resolve(path), ...(sourcePath ? { sourcePath: resolve(sourcePath) } : {}) } : undefined;
}

hardenApp();
let mainWindow: BrowserWindow | undefined;

/** Hands a menu command to the renderer, which carries it out as its shortcut would. */
function sendCommand(command: MenuCommand): void {
  const event: ServiceEvent = { type: 'menu', command };
  mainWindow?.webContents.send(EVENT_CHANNEL, event);
}

/** Tells the renderer to show an article the menu opened. */
function announceOpened(review: OpenedReview): void {
  const event: ServiceEvent = { type: 'article-opened', review };
  mainWindow?.webContents.send(EVENT_CHANNEL, event);
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 760,
    minHeight: 480,
    title: 'Redline',
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  await mainWindow.loadFile(rendererIndex);
}

async function openFromMenu(service: ReviewService, withSource: boolean): Promise<void> {
  if (!mainWindow) return;
  const filters = [{ name: 'Articles', extensions: ['txt', 'md', 'markdown'] }, { name: 'All files', extensions: ['*'] }];
  const target = await dialog.showOpenDialog(mainWindow, { title: 'Open a translated article', properties: ['openFile'], filters });
  if (target.canceled || !target.filePaths[0]) return;
  let sourcePath: string | undefined;
  if (withSource) {
    const source = await dialog.showOpenDialog(mainWindow, { title: 'Choose its source text', properties: ['openFile'], filters });
    if (source.canceled) return;
    sourcePath = source.filePaths[0];
  }
  const r = await service.openArticle(sourcePath ? { path: target.filePaths[0], sourcePath } : { path: target.filePaths[0] });
  if (r.ok) announceOpened(r.value);
  else dialog.showErrorBox('Redline could not open the article', r.error.message);
}

async function buildMenu(service: ReviewService): Promise<void> {
  const recent = await service.recentFiles({});
  const recentItems: MenuItemConstructorOptions[] = (recent.ok ? recent.value : []).map((r) => ({
    label: r.name + (r.sourcePath ? ' (+ source)' : ''),
    click: () =>
      void service.openArticle(r.sourcePath ? { path: r.path, sourcePath: r.sourcePath } : { path: r.path }).then((o) => {
        if (o.ok) announceOpened(o.value);
        else dialog.showErrorBox('Redline could not open the article', o.error.message);
      }),
  }));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => void openFromMenu(service, false) },
        { label: 'Open with Source…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void openFromMenu(service, true) },
        { label: 'Open Recent', submenu: recentItems.length ? recentItems : [{ label: 'No recent articles', enabled: false }] },
        { label: 'Open Sample Article', click: () => void service.openSample({}).then((o) => o.ok && announceOpened(o.value)) },
        { type: 'separator' },
        { label: 'Save Version…', accelerator: 'CmdOrCtrl+S', click: () => sendCommand('save-version') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => sendCommand('export') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      // Undo and redo belong to the review (flags, edits) unless a text field has focus; the page decides.
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => sendCommand('undo') },
        { label: 'Redo', accelerator: process.platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => sendCommand('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&Review',
      submenu: [
        { label: 'Flag Selection…', accelerator: 'F', registerAccelerator: false, click: () => sendCommand('flag') },
        { label: 'Compare Versions', accelerator: 'C', registerAccelerator: false, click: () => sendCommand('compare') },
        { label: 'Review Settings…', accelerator: 'CmdOrCtrl+,', click: () => sendCommand('settings') },
        { label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: () => sendCommand('shortcuts') },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

void app.whenReady().then(async () => {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const startup = startupFromArgv(process.argv);
  const service = new ReviewService({
    host: 'electron',
    version,
    dataDir: app.getPath('userData'),
    sample: paths.sample,
    ...(startup ? { startup } : {}),
  });
  bindService(service, () => mainWindow, rendererIndex);
  service.onEvent((e) => {
    if (e.type === 'load-progress' && e.done) void buildMenu(service);
  });
  await buildMenu(service);
  await createWindow();
  // Every action is on disk before it is acknowledged; closing still lets queued writes finish and files close.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void service.close().finally(() => app.quit());
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

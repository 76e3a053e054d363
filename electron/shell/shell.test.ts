// The desktop shell as built, run against the Electron stand-in: what it opens, where menu commands go, how a
// second launch and the system's "open with" reach the running window, that quitting loses no edit, and that
// the window is locked down.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, isPageCommand, MENUS, PAGE_COMMANDS, plainLabel } from '../../shared/commands';
import { METHOD_NAMES, type OpenedReview, type ReviewView, type ServiceEvent } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security-policy';
import type { Result } from '../../shared/result';
import { serveCommand } from '../cli/serve-command';
import type { ElectronStandIn } from './test-support/electron-stand-in';
import { buildShell, launchShell, quitShell, runPreload, waitFor, type BuiltShell, type LaunchOptions } from './test-support/shell-harness';

let shell: BuiltShell;
const dir = mkdtempSync(join(tmpdir(), 'redline-shell-'));
const running: ElectronStandIn[] = [];

beforeAll(() => {
  shell = buildShell();
});
afterEach(async () => {
  // Every launch quits, so its review files are closed before the next test opens them again.
  await Promise.all(running.splice(0).map((e) => (e.quitted() ? undefined : quitShell(e))));
});
afterAll(() => {
  shell?.remove();
  rmSync(dir, { recursive: true, force: true });
});

async function launch(options: LaunchOptions = {}): Promise<ElectronStandIn> {
  const electron = await launchShell(shell, options);
  running.push(electron);
  return electron;
}

function article(name: string, text = 'The first paragraph.\n\nThe second paragraph.\n'): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** What the page's `openStartup` call answers. */
async function startup(electron: ElectronStandIn): Promise<Result<OpenedReview>> {
  return (await electron.invoke('redline:openStartup', {})) as Result<OpenedReview>;
}

/** Events the shell sent the page, in order. */
function events(electron: ElectronStandIn): ServiceEvent[] {
  return electron.sent.filter((m) => m.channel === 'redline:event').map((m) => m.args[0] as ServiceEvent);
}

/** What `redline serve FILE` says about a file it refuses, without its "redline serve: " prefix. */
async function serveRefusal(args: string[]): Promise<string> {
  let stderr = '';
  const status = await serveCommand.run(args, { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir });
  expect(status).toBe(2);
  return stderr.replace(/^redline serve: /, '').trimEnd();
}

/** Finds a menu item by its path of labels (without the & mnemonic marks). */
function menuItem(electron: ElectronStandIn, ...labels: string[]): MenuItemConstructorOptions {
  let items: readonly MenuItemConstructorOptions[] = electron.menuTemplate();
  let found: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((i) => i.label?.replace('&', '') === label);
    if (!found) throw new Error(`No menu item "${label}" in ${labels.join(' > ')}`);
    items = Array.isArray(found.submenu) ? found.submenu : [];
  }
  return found!;
}

function click(item: MenuItemConstructorOptions): void {
  // The shell's click handlers read none of Electron's arguments (the item, the window, the key event).
  const handler = item.click as (() => void) | undefined;
  if (!handler) throw new Error(`"${item.label}" does nothing when clicked`);
  handler();
}

/** Opens the command line's article and waits until its review file is open (edits can be written). */
async function openedForReview(electron: ElectronStandIn): Promise<{ opened: OpenedReview; review: ReviewView }> {
  const r = await startup(electron);
  if (!r.ok) throw new Error(r.error.message);
  let review: ReviewView | null = null;
  for (const deadline = Date.now() + 10_000; review === null; await new Promise((t) => setTimeout(t, 20))) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the review file to open');
    const got = (await electron.invoke('redline:getReview', { reviewId: r.value.reviewId })) as Result<ReviewView | null>;
    if (got.ok) review = got.value;
  }
  return { opened: r.value, review };
}

describe('the command line, as the desktop app reads it', () => {
  it('without a file, the window opens the bundled sample, source beside translation', async () => {
    const electron = await launch();
    const r = await startup(electron);
    expect(r.ok && r.value.article.name).toBe('harbour-bridge.en.txt');
    expect(r.ok && r.value.article.sourceName).toBe('harbour-bridge.zh.txt');
    expect(basename(electron.loadedFiles[0]!)).toBe('index.html');
  });

  it('opens the article named on the command line, with the source given by --source', async () => {
    const target = article('story.en.txt');
    const source = article('story.zh.txt', '第一段。\n\n第二段。\n');
    const electron = await launch({ args: [target, '--source', source] });
    const r = await startup(electron);
    expect(r.ok && r.value.article).toMatchObject({ path: target, name: 'story.en.txt', sourcePath: source });
  });

  it('a review file on the command line opens the article it reviews', async () => {
    const target = article('reviewed.en.txt');
    const first = await launch({ args: [target] });
    const { review } = await openedForReview(first);
    await quitShell(first);
    const second = await launch({ args: [review.reviewPath] });
    const r = await startup(second);
    expect(review.reviewPath.endsWith('.redline')).toBe(true);
    expect(r.ok && r.value.article.path).toBe(target);
  });

  it('a file that does not exist is refused in the window, in the words `redline serve` uses', async () => {
    const missing = join(dir, 'missing.txt');
    const electron = await launch({ args: [missing] });
    const r = await startup(electron);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe(await serveRefusal([missing]));
    expect(!r.ok && r.error.message).toContain('missing.txt does not exist');
  });

  it('a file that is not a text article, or a source that is missing, is refused the same way', async () => {
    const image = join(dir, 'image.txt');
    writeFileSync(image, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const electron = await launch({ args: [image] });
    const r = await startup(electron);
    expect(!r.ok && r.error.message).toBe(await serveRefusal([image]));
    await quitShell(electron);

    const target = article('has-no-source.en.txt');
    const noSource = join(dir, 'nowhere.zh.txt');
    const again = await launch({ args: [target, '--source', noSource] });
    const s = await startup(again);
    expect(!s.ok && s.error.message).toBe(await serveRefusal([target, '--source', noSource]));
  });

  it('two articles on the command line are refused with a sentence saying Redline opens one', async () => {
    const electron = await launch({ args: [article('a.txt'), article('b.txt')] });
    const r = await startup(electron);
    expect(!r.ok && r.error.message).toMatch(/^Redline opens one article at a time, but was given 2/);
  });
});

describe('one Redline at a time', () => {
  it('a second launch asks for the single-instance lock and, without it, quits before opening a window', async () => {
    const electron = await launch({ singleInstance: false, args: [article('second.txt')] });
    expect(electron.quitted()).toBe(true);
    expect(electron.windowOptions).toEqual([]);
  });

  it("a second launch's file opens in the running window, relative to where it was launched, and the window comes forward", async () => {
    const electron = await launch();
    const window = electron.module.BrowserWindow.getAllWindows()[0]!;
    window.minimize();
    const target = article('from-second-launch.txt');
    const argv = [process.execPath, process.cwd(), relative(dir, target), '--some-chromium-switch=1'];
    electron.module.app.emit('second-instance', { preventDefault() {}, defaultPrevented: false }, argv, dir, {});
    await waitFor(() => events(electron).some((e) => e.type === 'article-opened'), 'the article to open');
    const opened = events(electron).find((e) => e.type === 'article-opened');
    expect(opened?.type === 'article-opened' && opened.review.article.path).toBe(target);
    expect(window.isMinimized()).toBe(false);
    expect(window.isFocused()).toBe(true);
  });

  it('a second launch naming a missing file shows the reason in an error box and keeps what is open', async () => {
    const electron = await launch();
    const missing = join(dir, 'gone.txt');
    electron.module.app.emit(
      'second-instance',
      { preventDefault() {}, defaultPrevented: false },
      [process.execPath, process.cwd(), missing],
      dir,
      {},
    );
    await waitFor(() => electron.errorBoxes.length > 0, 'an error box');
    expect(electron.errorBoxes[0]).toEqual({ title: 'Redline could not open the article', content: await serveRefusal([missing]) });
    expect(events(electron).some((e) => e.type === 'article-opened')).toBe(false);
  });

  it('a file macOS opens with Redline (open-file) opens in the running window', async () => {
    const electron = await launch();
    const target = article('from-finder.txt');
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    electron.module.app.emit('open-file', event, target);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => events(electron).some((e) => e.type === 'article-opened'), 'the article to open');
    const opened = events(electron).find((e) => e.type === 'article-opened');
    expect(opened?.type === 'article-opened' && opened.review.article.path).toBe(target);
  });

  it('a review file macOS opens while no window is open becomes what the new window opens', async () => {
    const target = article('after-window-closed.txt');
    const first = await launch({ args: [target] });
    const { review } = await openedForReview(first);
    await quitShell(first);
    // macOS keeps the app running without a window: the window-all-closed listener does not quit there.
    const electron = await launch();
    const window = electron.module.BrowserWindow.getAllWindows()[0]!;
    electron.module.app.removeAllListeners('window-all-closed');
    electron.module.app.on('window-all-closed', () => {});
    window.close();
    electron.module.app.emit('open-file', { preventDefault() {}, defaultPrevented: false }, review.reviewPath);
    await waitFor(() => electron.loadedFiles.length === 2, 'a new window');
    const r = await startup(electron);
    expect(r.ok && r.value.article.path).toBe(target);
  });
});

describe('the menu', () => {
  it('every command of the shared menu table is in the desktop menu, with its key, and reaches the page', async () => {
    const electron = await launch();
    let sent = 0;
    for (const menu of MENUS) {
      for (const ref of menu.items) {
        if (ref === 'separator' || !isPageCommand(ref)) continue;
        const spec = COMMANDS[ref];
        const item = menuItem(electron, plainLabel(menu.label), spec.label);
        expect(item.accelerator, spec.label).toBe(spec.key);
        // A lone letter stays the page's (it must still reach text fields); keys with Ctrl are the menu's.
        if (spec.key) expect(item.registerAccelerator, spec.label).toBe(spec.pageKey !== true);
        // Open and Open Sample open a native dialog and a window: the desktop does them itself.
        if (ref === 'open' || ref === 'open-sample') continue;
        click(item);
        expect(events(electron).at(-1)).toEqual({ type: 'menu', command: ref });
        sent += 1;
      }
    }
    expect(sent).toBe(PAGE_COMMANDS.length - 2);
  });

  it('an article opened lands in Open Recent, and choosing it there opens it in the window', async () => {
    const target = article('recent-one.txt');
    const electron = await launch({ args: [target] });
    expect(menuItem(electron, 'File', 'Open Recent').submenu).toEqual([{ label: 'No recent articles', enabled: false }]);
    await openedForReview(electron);
    await waitFor(
      () => (menuItem(electron, 'File', 'Open Recent').submenu as MenuItemConstructorOptions[])[0]?.label === 'recent-one.txt',
      'the recent list',
    );
    click(menuItem(electron, 'File', 'Open Recent', 'recent-one.txt'));
    await waitFor(() => events(electron).some((e) => e.type === 'article-opened'), 'the article to open');
  });

  it('File > Open shows the chosen article in the window', async () => {
    const target = article('chosen.txt');
    const electron = await launch();
    electron.openDialogAnswers.push({ canceled: false, filePaths: [target] });
    click(menuItem(electron, 'File', 'Open…'));
    await waitFor(() => events(electron).some((e) => e.type === 'article-opened'), 'the article to open');
  });
});

describe('nothing acknowledged is lost when Redline closes', () => {
  async function editJustBefore(close: (electron: ElectronStandIn) => void): Promise<void> {
    const target = article(`edited-${Math.random().toString(36).slice(2)}.txt`);
    const electron = await launch({ args: [target] });
    const { opened, review } = await openedForReview(electron);
    const paragraphs = (await electron.invoke('redline:readParagraphs', { reviewId: opened.reviewId, start: 0, end: 1 })) as Result<{
      paragraphs: { id: string }[];
    }>;
    const paragraphId = paragraphs.ok ? paragraphs.value.paragraphs[0]!.id : '';
    // The edit is sent and, without waiting for its answer, the app is told to close.
    const edit = electron.invoke('redline:editParagraph', {
      reviewId: opened.reviewId,
      paragraphId,
      text: 'The corrected first paragraph.',
    });
    close(electron);
    await electron.exited;
    expect(await edit).toMatchObject({ ok: true });
    expect(readFileSync(review.reviewPath, 'utf8')).toContain('The corrected first paragraph.');
  }

  it('quitting writes an edit sent just before quit to the review file', async () => {
    await editJustBefore((electron) => electron.module.app.quit());
  });

  it('closing the window (which quits on Linux and Windows) writes it too', async () => {
    await editJustBefore((electron) => electron.module.BrowserWindow.getAllWindows()[0]!.close());
  });

  it('a call arriving while Redline is closing is refused, not half done', async () => {
    const electron = await launch();
    electron.module.app.quit();
    const r = (await electron.invoke('redline:appInfo', {})) as Result<unknown>;
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await electron.exited;
  });
});

describe('the window is locked down', () => {
  it('is isolated and sandboxed, with no Node and no webviews', async () => {
    const electron = await launch();
    expect(electron.windowOptions[0]?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('may not navigate, redirect, attach a webview or open a window', async () => {
    const electron = await launch();
    const contents = electron.module.BrowserWindow.getAllWindows()[0]!.webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      contents.emit(name, event, 'https://example.com/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    const openWindow = electron.windowOpenHandlers.get(contents.id);
    expect(
      openWindow?.({
        url: 'https://example.com/',
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'default' },
      }),
    ).toEqual({ action: 'deny' });
  });

  it('every permission request and check is denied', async () => {
    const electron = await launch();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'] as const) {
      expect(await electron.requestPermission(permission), permission).toBe(false);
      expect(electron.checkPermission(permission), permission).toBe(false);
    }
  });

  it('every response carries the Content-Security-Policy, replacing any the response had', async () => {
    const electron = await launch();
    const headers = await electron.receiveHeaders('file:///index.html', {
      'content-security-policy': ['default-src *'],
      'X-Kept': ['yes'],
    });
    expect(headers).toEqual({ 'X-Kept': ['yes'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('the service answers only the Redline window: another page, a foreign frame or another window is refused', async () => {
    const electron = await launch();
    expect(await electron.invoke('redline:appInfo', {})).toMatchObject({ ok: true });
    const refused = { ok: false, error: { code: 'bad-request', message: 'Refused: the request did not come from the Redline window.' } };
    expect(await electron.invoke('redline:appInfo', {}, { frameUrl: 'https://example.com/' })).toEqual(refused);
    expect(await electron.invoke('redline:appInfo', {}, { frameUrl: 'file:///tmp/other/index.html' })).toEqual(refused);
    const other = new electron.module.BrowserWindow({ show: false });
    await other.loadFile(electron.loadedFiles[0]!);
    expect(await electron.invoke('redline:appInfo', {}, { windowId: other.id })).toEqual(refused);
  });

  it('every contract method has its channel, and arguments are checked before the service sees them', async () => {
    const electron = await launch();
    expect([...electron.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `redline:${m}`).sort());
    expect(await electron.invoke('redline:readParagraphs', { reviewId: 'x', start: 5, end: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });
});

describe('the preload', () => {
  type PageApi = Record<string, (arg?: unknown) => Promise<Result<unknown>>> & { onEvent(listener: (e: ServiceEvent) => void): () => void };

  it('runs sandboxed and gives the page the contract and nothing else', async () => {
    const electron = await launch();
    runPreload(shell, electron);
    const api = electron.exposed.get('redline') as PageApi;
    expect([...electron.exposed.keys()]).toEqual(['redline']);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onEvent', 'pathForFile'].sort());
    const r = await api.openStartup!({});
    expect(r.ok).toBe(true);
  });

  it("the page hears the shell's events and can stop hearing them", async () => {
    const electron = await launch();
    runPreload(shell, electron);
    const api = electron.exposed.get('redline') as PageApi;
    const heard: ServiceEvent[] = [];
    const stop = api.onEvent((e) => heard.push(e));
    click(menuItem(electron, 'Review', 'Compare Versions'));
    stop();
    click(menuItem(electron, 'View', 'Keyboard Shortcuts'));
    expect(heard).toEqual([{ type: 'menu', command: 'compare' }]);
  });
});

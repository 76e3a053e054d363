/**
 * A stand-in for the `electron` module, so the built shell runs in plain Node under the unit tests. It does what
 * the shell asks the way Electron documents it (events, their order, preventable defaults) and records what a
 * test needs to see: window options, the application menu, IPC handlers, messages sent to the page, error boxes,
 * the session's handlers. Tests drive it through the real API (`app.emit('second-instance', ...)`) or the few
 * helpers on `ElectronStandIn`.
 *
 * Its surface is checked against Electron's own declarations (`Faithful` below): a member Electron lacks, or a
 * method that would not accept what Electron's accepts, fails the type check, so the stand-in cannot let the
 * shell use an API the real Electron does not have.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  BaseWindow,
  BrowserWindowConstructorOptions,
  HandlerDetails,
  HeadersReceivedResponse,
  IpcMain,
  IpcMainInvokeEvent,
  LoadFileOptions,
  Menu,
  MenuItem,
  MenuItemConstructorOptions,
  OnHeadersReceivedListenerDetails,
  OpenDialogOptions,
  OpenDialogReturnValue,
  Session,
  WebContents,
  WebRequestFilter,
  WindowOpenHandlerResponse,
} from 'electron';
import { pathToFileURL } from 'node:url';

/**
 * Holds when every member of `Fake` exists in `Real` and each method accepts what Real's accepts (for an
 * overloaded method, the last overload: the one TypeScript infers from). Objects are checked member by member.
 */
export type Faithful<Real, Fake> = {
  readonly [K in keyof Fake]: K extends keyof Real
    ? Real[K] extends (...args: infer A) => unknown
      ? (...args: A) => unknown
      : Real[K] extends object
        ? Faithful<Real[K], Fake[K]>
        : Real[K]
    : never;
};

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type HeadersListener = (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void;
type InvokeHandler = Parameters<IpcMain['handle']>[1];
export type PermissionName = Parameters<PermissionRequestHandler>[1];

/** Electron's preventable event object. */
class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A frame of a page; only the top frame exists here. */
class StandInFrame {
  url = '';
}

export interface SentMessage {
  readonly windowId: number;
  readonly channel: string;
  readonly args: readonly unknown[];
}

export interface StandInOptions {
  /** `app.getPath('userData')`. */
  readonly userData: string;
  /** What `app.requestSingleInstanceLock()` answers: false plays a second launch. */
  readonly singleInstance?: boolean;
  /** `app.isPackaged`. */
  readonly isPackaged?: boolean;
}

export interface ElectronStandIn {
  /** What `import { ... } from 'electron'` gives the code under test. */
  readonly module: ReturnType<typeof createModule>;
  readonly windowOptions: BrowserWindowConstructorOptions[];
  readonly loadedFiles: string[];
  readonly sent: SentMessage[];
  readonly errorBoxes: { readonly title: string; readonly content: string }[];
  /** Answers for the next open dialogs, in order; a dialog with none left is cancelled. */
  readonly openDialogAnswers: OpenDialogReturnValue[];
  readonly handlers: Map<string, InvokeHandler>;
  /** What the preload put into the page (`contextBridge.exposeInMainWorld`). */
  readonly exposed: Map<string, unknown>;
  readonly session: {
    permissionRequest?: PermissionRequestHandler;
    permissionCheck?: PermissionCheckHandler;
    headersReceived?: HeadersListener;
  };
  /** Each window's `setWindowOpenHandler`, by window id. */
  readonly windowOpenHandlers: Map<number, (details: HandlerDetails) => WindowOpenHandlerResponse>;
  /** Whether the app quit (after every before-quit, will-quit and quit listener let it). */
  readonly quitted: () => boolean;
  /** Resolves when the app has quit. */
  readonly exited: Promise<void>;
  /** The application menu's template, as the shell last set it. */
  readonly menuTemplate: () => readonly MenuItemConstructorOptions[];
  /** The app becomes ready: `will-finish-launching`, `ready`, and `whenReady()` resolves. */
  ready(): Promise<void>;
  /** Asks for a permission as the page would; resolves with the session's answer (undefined: no handler set). */
  requestPermission(permission: PermissionName): Promise<boolean | undefined>;
  /** Checks a permission as Chromium does before using it. */
  checkPermission(permission: PermissionName): boolean | undefined;
  /** Passes a response through the session's header listener; undefined when there is none. */
  receiveHeaders(url: string, headers: Record<string, string[]>): Promise<Record<string, string[]> | undefined>;
  /** Calls an IPC handler as a page would through `ipcRenderer.invoke`; by default from the first window's top frame. */
  invoke(channel: string, arg: unknown, from?: { readonly windowId?: number; readonly frameUrl?: string }): Promise<unknown>;
}

/** Is it one of the menu template's plain option objects (not a built MenuItem)? */
function isOptions(item: MenuItemConstructorOptions | MenuItem): item is MenuItemConstructorOptions {
  return Object.getPrototypeOf(item) === Object.prototype;
}

/** What the stand-in records as the shell runs. */
type StandInRecords = Omit<
  ElectronStandIn,
  'module' | 'ready' | 'invoke' | 'quitted' | 'exited' | 'menuTemplate' | 'requestPermission' | 'checkPermission' | 'receiveHeaders'
>;

function createModule(state: {
  readonly options: StandInOptions;
  readonly rec: StandInRecords;
  readonly quit: { done: boolean; resolve: () => void };
  readonly menus: WeakMap<object, readonly MenuItemConstructorOptions[]>;
  applicationMenu: readonly MenuItemConstructorOptions[];
  readonly readyState: { ready: boolean; resolve: () => void; promise: Promise<void> };
  quitting: boolean;
}) {
  const windows: StandInWindow[] = [];
  let nextId = 1;
  const ipcRenderer = new (class StandInIpcRenderer extends EventEmitter {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      return invoke(channel, args[0]);
    }
  })();

  class StandInWebContents extends EventEmitter {
    readonly id: number;
    readonly mainFrame = new StandInFrame();
    constructor(id: number) {
      super();
      this.id = id;
    }
    send(channel: string, ...args: unknown[]): void {
      if (destroyedContents.has(this)) throw new Error('Object has been destroyed');
      state.rec.sent.push({ windowId: this.id, channel, args });
      // The page's side of the channel: what the preload subscribed with ipcRenderer.on.
      ipcRenderer.emit(channel, new StandInEvent(), ...args);
    }
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
      state.rec.windowOpenHandlers.set(this.id, handler);
    }
    getURL(): string {
      return this.mainFrame.url;
    }
    isDestroyed(): boolean {
      return destroyedContents.has(this);
    }
  }
  // Kept outside the class: destroying a page is Electron's doing, not an API of WebContents.
  const destroyedContents = new WeakSet<StandInWebContents>();

  const app = new (class StandInApp extends EventEmitter {
    readonly isPackaged = state.options.isPackaged ?? false;
    whenReady(): Promise<void> {
      return state.readyState.promise;
    }
    isReady(): boolean {
      return state.readyState.ready;
    }
    getPath(name: string): string {
      return name === 'userData' ? state.options.userData : join(tmpdir(), `redline-stand-in-${name}`);
    }
    requestSingleInstanceLock(_additionalData?: Record<string, unknown>): boolean {
      return state.options.singleInstance ?? true;
    }
    /** As Electron does: before-quit, every window closes (no window-all-closed), will-quit, quit. */
    quit(): void {
      if (state.quit.done) return;
      const beforeQuit = new StandInEvent();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      state.quitting = true;
      for (const window of [...windows]) {
        window.close();
        if (windows.includes(window)) {
          state.quitting = false;
          return;
        }
      }
      const willQuit = new StandInEvent();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        state.quitting = false;
        return;
      }
      state.quit.done = true;
      this.emit('quit', new StandInEvent(), 0);
      state.quit.resolve();
    }
  })();

  class StandInWindow extends EventEmitter {
    readonly id: number;
    readonly webContents: StandInWebContents;
    #visible = false;
    #minimized = false;
    #destroyed = false;
    #focused = false;
    constructor(options: BrowserWindowConstructorOptions = {}) {
      super();
      this.id = nextId++;
      state.rec.windowOptions.push(options);
      this.webContents = new StandInWebContents(this.id);
      windows.push(this);
      app.emit('web-contents-created', new StandInEvent(), this.webContents);
    }
    static getAllWindows(): StandInWindow[] {
      return [...windows];
    }
    static getFocusedWindow(): StandInWindow | null {
      return windows.find((w) => w.#focused) ?? null;
    }
    async loadFile(filePath: string, _options?: LoadFileOptions): Promise<void> {
      state.rec.loadedFiles.push(filePath);
      this.webContents.mainFrame.url = pathToFileURL(filePath).href;
      this.webContents.emit('did-finish-load', new StandInEvent());
      this.emit('ready-to-show', new StandInEvent());
    }
    show(): void {
      this.#visible = true;
      this.#minimized = false;
    }
    isVisible(): boolean {
      return this.#visible;
    }
    focus(): void {
      this.#focused = true;
    }
    isFocused(): boolean {
      return this.#focused;
    }
    minimize(): void {
      this.#minimized = true;
      this.#focused = false;
    }
    isMinimized(): boolean {
      return this.#minimized;
    }
    restore(): void {
      this.#minimized = false;
    }
    isDestroyed(): boolean {
      return this.#destroyed;
    }
    /** As Electron does: `close` may be prevented; then `closed`, and when it was the last, window-all-closed. */
    close(): void {
      if (this.#destroyed) return;
      const close = new StandInEvent();
      this.emit('close', close);
      if (close.defaultPrevented) return;
      this.#destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      destroyedContents.add(this.webContents);
      this.webContents.emit('destroyed');
      this.emit('closed');
      if (windows.length > 0 || state.quitting) return;
      // Without a listener Electron's default is to quit; a listener decides instead.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    }
  }

  class StandInMenu extends EventEmitter {
    static buildFromTemplate(template: Array<MenuItemConstructorOptions | MenuItem>): StandInMenu {
      const menu = new StandInMenu();
      state.menus.set(menu, template.filter(isOptions));
      return menu;
    }
    static setApplicationMenu(menu: Menu | null): void {
      state.applicationMenu = menu === null ? [] : (state.menus.get(menu) ?? []);
    }
  }

  const dialog = {
    async showOpenDialog(_window: BaseWindow | OpenDialogOptions, _options?: OpenDialogOptions): Promise<OpenDialogReturnValue> {
      return state.rec.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] };
    },
    showErrorBox(title: string, content: string): void {
      state.rec.errorBoxes.push({ title, content });
    },
  };

  const ipcMain = new (class StandInIpcMain extends EventEmitter {
    handle(channel: string, listener: InvokeHandler): void {
      if (state.rec.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      state.rec.handlers.set(channel, listener);
    }
    removeHandler(channel: string): void {
      state.rec.handlers.delete(channel);
    }
  })();

  const defaultSession = {
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
      state.rec.session.permissionRequest = handler ?? undefined;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
      state.rec.session.permissionCheck = handler ?? undefined;
    },
    webRequest: {
      onHeadersReceived(filterOrListener: WebRequestFilter | HeadersListener | null, listener?: HeadersListener | null): void {
        const chosen =
          listener !== undefined ? listener : filterOrListener !== null && 'urls' in filterOrListener ? null : filterOrListener;
        state.rec.session.headersReceived = chosen ?? undefined;
      },
    },
  };

  async function invoke(
    channel: string,
    arg: unknown,
    from: { readonly windowId?: number; readonly frameUrl?: string } = {},
  ): Promise<unknown> {
    const handler = state.rec.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const window = from.windowId === undefined ? windows[0] : windows.find((w) => w.id === from.windowId);
    if (!window) throw new Error('No window sends this call');
    const frame = from.frameUrl === undefined ? window.webContents.mainFrame : Object.assign(new StandInFrame(), { url: from.frameUrl });
    const event = Object.assign(new StandInEvent(), {
      frameId: 1,
      processId: 1,
      sender: window.webContents,
      senderFrame: frame,
      type: 'frame',
    });
    // The one cast: a real IpcMainInvokeEvent's sender is a full WebContents, of which the shell reads only what
    // the stand-in has (checked by Faithful on the module).
    return await handler(event as unknown as IpcMainInvokeEvent, arg);
  }

  const module = {
    app,
    BrowserWindow: StandInWindow,
    Menu: StandInMenu,
    dialog,
    ipcMain,
    session: { defaultSession },
    contextBridge: {
      exposeInMainWorld(apiKey: string, api: unknown): void {
        state.rec.exposed.set(apiKey, api);
      },
    },
    ipcRenderer,
    webUtils: {
      getPathForFile(file: File): string {
        return file.name;
      },
    },
  };
  return Object.assign(module, { [invokeKey]: invoke });
}

/** Where the module keeps its `invoke` helper: not an Electron member, so a symbol Faithful skips. */
const invokeKey: unique symbol = Symbol('invoke');

type ElectronModule = typeof import('electron');
/** The stand-in module with its helper left out: what Electron's declarations are checked against. */
type Surface = Omit<ReturnType<typeof createModule>, typeof invokeKey>;
// The check itself: this line fails to compile if the stand-in offers what Electron lacks.
const faithful = <T extends Faithful<ElectronModule, T>>(surface: T): T => surface;
// BrowserWindow's constructor takes what Electron's takes.
type WindowConstructorAccepts =
  ConstructorParameters<ElectronModule['BrowserWindow']> extends ConstructorParameters<Surface['BrowserWindow']> ? true : never;
const windowConstructorAccepts: WindowConstructorAccepts = true;

/** A fresh Electron for one run of the shell. */
export function createElectronStandIn(options: StandInOptions): ElectronStandIn {
  let resolveReady = () => {};
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  let resolveQuit = () => {};
  const exited = new Promise<void>((resolve) => (resolveQuit = resolve));
  const rec: StandInRecords = {
    windowOptions: [],
    loadedFiles: [],
    sent: [],
    errorBoxes: [],
    openDialogAnswers: [],
    handlers: new Map(),
    exposed: new Map(),
    session: {},
    windowOpenHandlers: new Map(),
  };
  const state = {
    options,
    rec,
    quit: { done: false, resolve: resolveQuit },
    menus: new WeakMap<object, readonly MenuItemConstructorOptions[]>(),
    applicationMenu: [] as readonly MenuItemConstructorOptions[],
    readyState: { ready: false, resolve: resolveReady, promise: readyPromise },
    quitting: false,
  };
  const module = createModule(state);
  const { [invokeKey]: invoke, ...surface } = module;
  faithful(surface);
  void windowConstructorAccepts;
  return {
    ...rec,
    module,
    quitted: () => state.quit.done,
    exited,
    menuTemplate: () => state.applicationMenu,
    async ready() {
      module.app.emit('will-finish-launching');
      state.readyState.ready = true;
      module.app.emit('ready', new StandInEvent(), {});
      state.readyState.resolve();
      await readyPromise;
    },
    invoke,
    async requestPermission(permission) {
      const handler = rec.session.permissionRequest;
      const window = module.BrowserWindow.getAllWindows()[0];
      if (!handler || !window) return undefined;
      return new Promise<boolean>((resolve) =>
        // Cast: the handler's WebContents is the stand-in's page (see invoke).
        handler(window.webContents as unknown as WebContents, permission, resolve, {
          isMainFrame: true,
          requestingUrl: window.webContents.getURL(),
        }),
      );
    },
    checkPermission(permission) {
      const url = module.BrowserWindow.getAllWindows()[0]?.webContents.getURL() ?? '';
      return rec.session.permissionCheck?.(null, permission, url, { isMainFrame: true, requestingUrl: url, embeddingOrigin: '' });
    },
    async receiveHeaders(url, headers) {
      const listener = rec.session.headersReceived;
      if (!listener) return undefined;
      return new Promise((resolve) =>
        listener(
          {
            id: 1,
            url,
            method: 'GET',
            resourceType: 'mainFrame',
            referrer: '',
            timestamp: Date.now(),
            statusLine: 'HTTP/1.1 200 OK',
            statusCode: 200,
            responseHeaders: headers,
            frame: null,
          },
          (response) => resolve(response.responseHeaders as Record<string, string[]> | undefined),
        ),
      );
    },
  };
}

/**
 * Electron's security checklist in one place: every window is isolated and sandboxed, may not navigate or open
 * windows, gets no permissions, and only our own renderer may call the service. docs/security.md lists each item
 * with the test that checks it.
 */
import { app, session, type WebContents, type WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/security-policy';

/** The web preferences of every Redline window. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window is the page's to handle (it opens the article), never a navigation.
    navigateOnDragDrop: false,
    // A page that loops on alert() cannot lock the reviewer out of the window.
    safeDialogs: true,
    spellcheck: true,
  };
}

/** Whether an IPC message comes from our renderer's top frame, loaded from our own index.html. */
export function isTrustedSender(frameUrl: string | undefined, rendererIndex: string): boolean {
  if (!frameUrl) return false;
  const expected = pathToFileURL(rendererIndex).href;
  return frameUrl === expected || frameUrl.startsWith(`${expected}?`) || frameUrl.startsWith(`${expected}#`);
}

/**
 * Response headers with our Content-Security-Policy in place of any the response carried. Header names are
 * case-insensitive, so a differently spelt copy is dropped rather than left to loosen or confuse the policy.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** Applies the app-wide rules: no navigation, no new windows, no webviews, no permissions, CSP on every response. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // The page is the whole app: it never leaves index.html, in its top frame or any other.
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-frame-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
    });
  });
}

/**
 * Electron's security checklist in one place: every window is isolated and sandboxed, may not navigate or open
 * windows, gets no permissions, and only our own renderer may call the service.
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
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}


/** Whether an IPC message comes from our renderer's top frame, loaded from our own index.html. */
export function isTrustedSender(frameUrl: string | undefined, rendererIndex: string): boolean {
  if (!frameUrl) return false;
  const expected = pathToFileURL(rendererIndex).href;
  return frameUrl === expected || frameUrl.startsWith(`${expected}?`) || frameUrl.startsWith(`${expected}#`);
}

/** Applies the app-wide rules: no navigation, no new windows, no permissions, CSP on every response. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
  });
}

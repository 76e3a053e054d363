/**
 * Binds the review service to Electron IPC: one `redline:METHOD` channel per contract method, each checking its
 * sender and validating its argument before the service sees it. Events go out on `redline:event`.
 *
 * The binding also knows which calls are still running, so quitting can wait for them: a write the page sent
 * just before the window closed reaches the review file before the service closes it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callMethod, METHOD_NAMES, parseRequest, type OpenedReview, type ServiceEvent } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import type { ReviewService } from '../service/review-service';
import { isTrustedSender } from './security';

export const EVENT_CHANNEL = 'redline:event';

export interface BindingOptions {
  /** The one window allowed to call the service. */
  readonly window: () => BrowserWindow | undefined;
  /** The renderer's index.html: calls come only from a top frame showing it. */
  readonly rendererIndex: string;
  /**
   * What the page's `openStartup` opens. The shell answers it, not the service: what a new window starts with
   * changes while the app runs (a file the system opened while no window was open).
   */
  readonly openStartup: () => Promise<Result<OpenedReview>>;
}

export interface ServiceBinding {
  /** Refuses further calls and resolves once every call already received has been answered. */
  drain(): Promise<void>;
  /** Removes the handlers and the event subscription. */
  dispose(): void;
}

/** Whether an IPC call comes from the Redline window's own top frame. */
export function fromRedlineWindow(event: IpcMainInvokeEvent, window: BrowserWindow | undefined, rendererIndex: string): boolean {
  const frame = event.senderFrame;
  // A frame inside the page (the CSP allows none, but defence in depth) is not the page.
  if (!frame || frame !== event.sender.mainFrame) return false;
  return window !== undefined && event.sender === window.webContents && isTrustedSender(frame.url, rendererIndex);
}

export function bindService(service: ReviewService, options: BindingOptions): ServiceBinding {
  const running = new Set<Promise<unknown>>();
  let draining = false;
  const answer = async (method: (typeof METHOD_NAMES)[number], arg: unknown): Promise<Result<unknown>> => {
    if (method !== 'openStartup') return callMethod(service, method, arg);
    const parsed = parseRequest(method, arg);
    return parsed.ok ? options.openStartup() : parsed;
  };
  for (const method of METHOD_NAMES) {
    ipcMain.handle(`redline:${method}`, (event, arg: unknown) => {
      if (!fromRedlineWindow(event, options.window(), options.rendererIndex)) {
        return fail('bad-request', 'Refused: the request did not come from the Redline window.');
      }
      if (draining) return fail('conflict', 'Redline is closing; the request was not carried out.');
      const call = answer(method, arg);
      running.add(call);
      void call.finally(() => running.delete(call));
      return call;
    });
  }
  const unsubscribe = service.onEvent((e: ServiceEvent) => options.window()?.webContents.send(EVENT_CHANNEL, e));
  return {
    async drain() {
      draining = true;
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    dispose() {
      unsubscribe();
      for (const method of METHOD_NAMES) ipcMain.removeHandler(`redline:${method}`);
    },
  };
}

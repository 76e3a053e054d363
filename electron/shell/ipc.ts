/**
 * Binds the review service to Electron IPC: one `redline:METHOD` channel per contract method, each checking its
 * sender and validating its argument before the service sees it. Events go out on `redline:event`.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { callMethod, METHOD_NAMES, type ServiceEvent } from '../../shared/contract';
import type { ReviewService } from '../service/review-service';
import { isTrustedSender } from './security';

export const EVENT_CHANNEL = 'redline:event';

export function bindService(service: ReviewService, window: () => BrowserWindow | undefined, rendererIndex: string): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(`redline:${method}`, async (event, arg: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, rendererIndex) || event.sender !== window()?.webContents) {
        return { ok: false, error: { code: 'bad-request', message: 'Refused: the request did not come from the Redline window.' } };
      }
      return callMethod(service, method, arg);
    });
  }
  const unsubscribe = service.onEvent((e: ServiceEvent) => window()?.webContents.send(EVENT_CHANNEL, e));
  return () => {
    unsubscribe();
    for (const method of METHOD_NAMES) ipcMain.removeHandler(`redline:${method}`);
  };
}

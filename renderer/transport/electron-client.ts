/**
 * The contract through Electron's preload bridge: `window.redline` holds one function per contract method and an
 * `onEvent` subscription, nothing more (the preload never hands out ipcRenderer).
 */
import type { RedlineClient } from '../../shared/contract';

export interface DesktopBridge extends RedlineClient {
  /** The path of a file dropped on the window (Electron only). */
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    redline?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | undefined {
  return window.redline;
}

/** Picks the transport once at start-up; the rest of the renderer only sees the contract. */
import type { RedlineClient } from '../../shared/contract';
import { desktopBridge } from './electron-client';
import { createHttpClient } from './http-client';

export function createClient(): RedlineClient {
  return desktopBridge() ?? createHttpClient();
}

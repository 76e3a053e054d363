/**
 * The contract over HTTP, for the browser host. The token comes from the address the host printed; it is kept
 * for the tab's life in sessionStorage (so a reload works after the address bar is cleaned of it) and sent with
 * every call. Events arrive by Server-Sent Events.
 */
import { METHOD_NAMES, type RedlineClient, type ServiceEvent } from '../../shared/contract';
import type { Result } from '../../shared/result';

const TOKEN_KEY = 'redline.token';

function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and screenshots.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpClient(): RedlineClient {
  const token = takeToken();
  const listeners = new Set<(event: ServiceEvent) => void>();
  let source: EventSource | undefined;

  const call = async (method: string, arg: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Redline-Token': token },
        body: JSON.stringify(arg ?? {}),
      });
      if (res.status === 403) {
        return { ok: false, error: { code: 'bad-request', message: 'The app refused this page: open the address that "redline serve" printed.' } };
      }
      return (await res.json()) as Result<unknown>;
    } catch (err) {
      return { ok: false, error: { code: 'io-error', message: `Redline's service is not reachable (${(err as Error).message}). Is "redline serve" still running?` } };
    }
  };

  const client: Record<string, unknown> = {
    onEvent(listener: (event: ServiceEvent) => void) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (m) => {
          const event = JSON.parse(m.data as string) as ServiceEvent;
          for (const l of listeners) l(event);
        };
      }
      return () => listeners.delete(listener);
    },
  };
  for (const name of METHOD_NAMES) client[name] = (arg: unknown) => call(name, arg);
  return client as unknown as RedlineClient;
}

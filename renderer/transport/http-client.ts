/**
 * The contract over HTTP, for the browser host. The token comes from the address the host printed; it is kept
 * for the tab's life in sessionStorage (so a reload works after the address bar is cleaned of it) and sent only
 * as the `X-Redline-Token` header of requests to the page's own origin: never in a URL, never as a cookie.
 *
 * Events arrive as a text/event-stream read with fetch(), since EventSource cannot send a header. When the
 * stream drops it is opened again, as EventSource would; the host replays where every open article stands on
 * each connection, so nothing is missed while it was down.
 */
import { METHOD_NAMES, type RedlineClient, type ServiceEvent } from '../../shared/contract';
import type { Result } from '../../shared/result';

const TOKEN_KEY = 'redline.token';

/** Waits before opening a dropped event stream again: short at first, then less often while the host is away. */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 5000;

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

/** An address on the page's own origin: the only place the token is ever sent. */
function ownUrl(path: string): string {
  return new URL(path, window.location.origin).href;
}

/** Splits a text/event-stream into the data of its events, fed a chunk at a time. */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];

  /** Adds text and returns the data of each event it completed. */
  push(text: string): string[] {
    this.buffer += text;
    const out: string[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      // A lone CR at the end may be the first half of a CRLF still on its way.
      if (end < 0 || (end === this.buffer.length - 1 && this.buffer[end] === '\r')) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (this.data.length > 0) out.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
      // Comments (`: connected`) and other fields carry nothing the app uses.
    }
    return out;
  }
}

export function createHttpClient(): RedlineClient {
  const token = takeToken();
  const listeners = new Set<(event: ServiceEvent) => void>();
  let streaming = false;

  const call = async (method: string, arg: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(ownUrl(`/api/${method}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Redline-Token': token },
        body: JSON.stringify(arg ?? {}),
        credentials: 'omit',
      });
      if (res.status === 403) {
        return {
          ok: false,
          error: { code: 'bad-request', message: 'The app refused this page: open the address that "redline serve" printed.' },
        };
      }
      // The host's own refusals (too large, too much at once) are plain sentences, not results.
      if (res.status === 413) return { ok: false, error: { code: 'too-large', message: (await res.text()).trim() } };
      if (res.status === 503) return { ok: false, error: { code: 'io-error', message: (await res.text()).trim() } };
      return (await res.json()) as Result<unknown>;
    } catch (err) {
      return {
        ok: false,
        error: {
          code: 'unreachable',
          message: `Redline's service is not reachable (${(err as Error).message}). Is "redline serve" still running?`,
        },
      };
    }
  };

  const deliver = (data: string) => {
    let event: ServiceEvent;
    try {
      event = JSON.parse(data) as ServiceEvent;
    } catch {
      return;
    }
    for (const l of listeners) l(event);
  };

  /** Reads the event stream for the page's life, opening it again whenever it drops. */
  const stream = async () => {
    let wait = RECONNECT_FIRST_MS;
    for (;;) {
      try {
        const res = await fetch(ownUrl('/api/events'), {
          headers: { Accept: 'text/event-stream', 'X-Redline-Token': token },
          credentials: 'omit',
          cache: 'no-store',
        });
        // A refused token will not become right by asking again: the calls say why to the reviewer.
        if (res.status === 403) return;
        if (res.ok && res.body) {
          const parser = new EventStreamParser();
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            wait = RECONNECT_FIRST_MS;
            for (const data of parser.push(value)) deliver(data);
          }
        }
      } catch {
        // The host stopped or the connection dropped: try again below.
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, RECONNECT_MAX_MS);
    }
  };

  const client: Record<string, unknown> = {
    onEvent(listener: (event: ServiceEvent) => void) {
      listeners.add(listener);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => listeners.delete(listener);
    },
  };
  for (const name of METHOD_NAMES) client[name] = (arg: unknown) => call(name, arg);
  return client as unknown as RedlineClient;
}

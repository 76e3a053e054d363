/**
 * Reaching the review service as the page does, for the benchmarks that measure at the client: a client of the
 * browser host, and opening an article timed from the open request to the review being ready.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ReviewView } from '../shared/contract';
import type { BrowserHost } from '../electron/host/browser-host';
import { join } from 'node:path';
import type { ReviewService, ServiceOptions } from '../electron/service/review-service';

/** A client of the browser host, as the page is: each call a POST with the token, answered with JSON. */
export function hostClient(host: BrowserHost) {
  const base = `http://127.0.0.1:${host.port}`;
  const headers = { 'Content-Type': 'application/json', 'X-Redline-Token': host.token };
  const events = new AbortController();
  // The page keeps the event stream open, so every change is also written to it; read and drop what comes.
  const stream = fetch(`${base}/api/events`, { headers, signal: events.signal }).then(async (res) => {
    const reader = res.body!.getReader();
    for (;;) if ((await reader.read()).done) break;
  });
  return {
    /** Calls `method` and returns the time until its answer was parsed, and the answer's size in bytes. */
    async call(method: string, arg: unknown): Promise<{ ms: number; bytes: number; value: unknown }> {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(arg) });
      const text = await res.text();
      const answer = JSON.parse(text) as { ok: boolean; error?: { message: string } };
      const ms = performance.now() - t0;
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message ?? res.status}`);
      return { ms, bytes: Buffer.byteLength(text), value: (answer as { value?: unknown }).value };
    },
    async close(): Promise<void> {
      events.abort();
      await stream.catch(() => undefined);
    },
  };
}

export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * Opens the article and measures from the end of loading to the review being open (`reviewMs`), from the open
 * request to the end of loading (`loadMs`), and the longest stall.
 */
export async function openTimed(
  service: ReviewService,
  file: string,
): Promise<{ view: ReviewView; reviewMs: number; loadMs: number; blockMs: number }> {
  let loaded = 0;
  const off = service.onEvent((e) => {
    if (e.type === 'load-progress' && e.done && loaded === 0) loaded = performance.now();
  });
  // Node's event-loop delay monitor: its largest delay, from the open request until the review is ready, is the
  // longest the event loop was blocked while loading the article and opening its review.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const t0 = performance.now();
  const opened = must(await service.openArticle({ path: file }));
  try {
    for (;;) {
      const r = must(await service.getReview({ reviewId: opened.reviewId }));
      if (r) {
        delay.disable();
        return { view: r, reviewMs: performance.now() - loaded, loadMs: loaded - t0, blockMs: delay.max / 1e6 };
      }
      await new Promise((done) => setTimeout(done, 2));
    }
  } finally {
    off();
    delay.disable();
  }
}

/** A review service of the browser host whose data folder, and whose sample (never opened), are in `dir`. */
export function benchServiceOptions(dir: string): ServiceOptions {
  return {
    host: 'browser',
    version: 'bench',
    dataDir: join(dir, 'data'),
    sample: { path: join(dir, 'none.txt'), sourcePath: join(dir, 'none.txt') },
  };
}

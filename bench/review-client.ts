/**
 * Reaching the review service as the page does, for the benchmarks that measure at the client: a client of the
 * browser host, and opening an article timed from the open request to the review being ready.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ReviewView } from '../shared/contract';
import type { BrowserHost } from '../electron/host/browser-host';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ReviewService, type ServiceOptions } from '../electron/service/review-service';

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
    /**
     * Calls `method` and keeps its answer's bytes as they come, in the pieces they come in, without joining or
     * parsing them: a download as the page receives it; what the page then does with it is the page's own work.
     */
    async fetchBytes(method: string, arg: unknown): Promise<Buffer[]> {
      const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(arg) });
      const chunks: Buffer[] = [];
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(Buffer.from(value));
      }
      return chunks;
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
 * The longest the event loop went without running a timer due every millisecond, while `work` ran: the longest
 * block of the event loop. Node's delay monitor takes its first reading only at its first tick, so it misses a
 * block that starts as it is enabled (an export that begins synchronously); a timer of our own does not.
 */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; blockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - t0;
    // The tick after the work ends reads the block it ended with.
    await new Promise((done) => setTimeout(done, 5));
    return { value, ms, blockMs: longest };
  } finally {
    clearInterval(timer);
  }
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
  try {
    const t0 = performance.now();
    // The timer of `longestBlock` also sees a block at the very start of the open, which the monitor misses.
    const { value, blockMs } = await longestBlock(async () => {
      const opened = must(await service.openArticle({ path: file }));
      for (;;) {
        const r = must(await service.getReview({ reviewId: opened.reviewId }));
        if (r) return { view: r, readyMs: performance.now() };
        await new Promise((done) => setTimeout(done, 2));
      }
    });
    delay.disable();
    return { view: value.view, reviewMs: value.readyMs - loaded, loadMs: loaded - t0, blockMs: Math.max(blockMs, delay.max / 1e6) };
  } finally {
    off();
    delay.disable();
  }
}

/**
 * Collects the garbage the benchmark itself left (the texts it generated and the files it made of them, hundreds of
 * megabytes), so that the first figure measured does not include a collection of memory the app never has.
 */
export function collectBenchGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
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

/**
 * The time between the service's start and the first article it is asked to open, at the least: the app starts its
 * service, then its page loads and asks for the article (the one named on the command line among them).
 */
const PAGE_LOAD_MS = 300;

/**
 * A review service as the app has one when a reviewer opens an article: started, with its header thread started
 * ahead as the app has it (see keepHeaderThreadReady), once the page could have loaded.
 */
export async function startedService(options: ServiceOptions): Promise<ReviewService> {
  const service = new ReviewService({ ...options, headerThreadAhead: true });
  await new Promise((done) => setTimeout(done, PAGE_LOAD_MS));
  return service;
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewService } from '../service/review-service';
import { waitForReview } from '../service/service-fixture';
import { MAX_DROPPED_BASE64 } from '../../shared/contract';
import { MAX_BODY_BYTES, startBrowserHost, type BrowserHost } from './browser-host';

const TOKEN = 'per-run-token-7f3a9c';
const dir = mkdtempSync(join(tmpdir(), 'redline-host-'));
const staticDir = join(dir, 'renderer');
let host: BrowserHost;
let service: ReviewService;

/** Every answer the host gave in these tests, to check none of them carries the token or sets a cookie. */
const answers: { readonly path: string; readonly headers: IncomingHttpHeaders; readonly body: string }[] = [];

beforeAll(async () => {
  mkdirSync(staticDir);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Redline</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  const sample = join(import.meta.dirname, '..', 'sample', 'harbour-bridge.en.txt');
  service = new ReviewService({
    host: 'browser',
    version: 'test',
    dataDir: join(dir, 'data'),
    sample: { path: sample, sourcePath: sample },
  });
  host = await startBrowserHost({ service, staticDir, port: 0, token: TOKEN });
});
afterAll(async () => {
  await host.close();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

/** A raw HTTP request, so that Host, Origin and the path go out exactly as a hostile client would send them. */
function send(
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
  to: BrowserHost = host,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: to.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${to.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => {
          answers.push({ path: options.path, headers: res.headers, body });
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let sampleReview: Promise<string> | undefined;
/** Opens the bundled sample once and waits until its review is open: the id of its review. */
function openedSample(): Promise<string> {
  sampleReview ??= service.openSample({}).then(async (opened) => {
    if (!opened.ok) throw new Error(opened.error.message);
    await waitForReview(service, opened.value.reviewId);
    return opened.value.reviewId;
  });
  return sampleReview;
}

const token = { 'X-Redline-Token': TOKEN };
const json = { 'Content-Type': 'application/json' };

/** Reads an event stream until `until` appears in it. */
function readEvents(headers: Record<string, string>, until: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
          if (body.includes(until)) {
            answers.push({ path: '/api/events', headers: res.headers, body });
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host', () => {
  it('listens on the loopback address only and prints an address with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it("serves the app's own files without the token, with a strict Content-Security-Policy and no cookie", async () => {
    for (const path of ['/', '/index.html', `/?token=${TOKEN}`]) {
      const r = await send({ path });
      expect(r.status, path).toBe(200);
      expect(r.body).toContain('<title>Redline</title>');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('refuses every API call that does not carry the token in its header, whatever else it carries', async () => {
    const appInfo = (headers: Record<string, string>, path = '/api/appInfo') =>
      send({ method: 'POST', path, headers: { ...json, ...headers }, body: '{}' });
    expect((await appInfo({})).status).toBe(403);
    expect((await appInfo({ 'X-Redline-Token': 'wrong' })).status).toBe(403);
    expect((await appInfo({ Cookie: `redline_token=${TOKEN}` })).status).toBe(403);
    expect((await appInfo({}, `/api/appInfo?token=${TOKEN}`)).status).toBe(403);
    expect((await appInfo(token)).status).toBe(200);
    // The event stream too: neither the address nor a cookie will do.
    expect((await send({ path: `/api/events?token=${TOKEN}` })).status).toBe(403);
    expect((await send({ path: '/api/events', headers: { Cookie: `redline_token=${TOKEN}` } })).status).toBe(403);
  });

  it('refuses a foreign Host or Origin, even with the token', async () => {
    expect((await send({ path: '/', headers: { Host: 'attacker.example' } })).status).toBe(403);
    expect(
      (await send({ method: 'POST', path: '/api/appInfo', headers: { ...token, Host: `attacker.example:${host.port}` }, body: '{}' }))
        .status,
    ).toBe(403);
    expect(
      (await send({ method: 'POST', path: '/api/appInfo', headers: { ...token, Origin: 'https://attacker.example' }, body: '{}' })).status,
    ).toBe(403);
    expect(
      (await send({ method: 'POST', path: '/api/appInfo', headers: { ...token, Origin: 'http://127.0.0.1:1' }, body: '{}' })).status,
    ).toBe(403);
  });

  it('never serves a file outside the app, however the path is written', async () => {
    expect((await send({ path: '/%E0%A4%A' })).status).toBe(400);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt', '/%00secret.txt']) {
      const r = await send({ path });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('not for the browser');
    }
  });

  it('answers malformed API calls with a clear error, not a crash', async () => {
    expect((await send({ path: '/api/appInfo', headers: token })).status).toBe(405);
    expect((await send({ method: 'POST', path: '/api/deleteEverything', headers: token, body: '{}' })).status).toBe(404);
    const badJson = await send({ method: 'POST', path: '/api/appInfo', headers: token, body: '{not json' });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'Request to appInfo is not valid JSON.' },
    });
    const badArgs = await send({ method: 'POST', path: '/api/openArticle', headers: token, body: '{"path":42}' });
    expect(JSON.parse(badArgs.body)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: /Invalid request to openArticle \(path\)/ },
    });
    // The service still answers afterwards.
    const info = await send({ method: 'POST', path: '/api/appInfo', headers: token, body: '{}' });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { host: 'browser' } });
  });

  it('does not quote a private file named as a typology', async () => {
    const reviewId = await openedSample();
    const r = await send({
      method: 'POST',
      path: '/api/loadTypology',
      headers: token,
      body: JSON.stringify({ reviewId, path: join(dir, 'secret.txt') }),
    });
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'parse-error', message: 'secret.txt line 1, column 1: not valid JSON (a value was expected).' },
    });
    expect(r.body).not.toContain('for the browser');
  });

  it('tells an event stream that connects late where the open articles stand', async () => {
    // Connect only once the sample is loaded and its review open: every event so far was sent to no one.
    const reviewId = await openedSample();
    const { status, body: events } = await readEvents(token, 'review-changed');
    expect(status).toBe(200);
    expect(events).toContain(`"type":"load-progress","reviewId":"${reviewId}"`);
    expect(events).toMatch(/"paragraphs":15,"done":true/);
    expect(events).toContain(`{"type":"review-changed","reviewId":"${reviewId}"}`);
  });

  // Last, so that it sees every answer the tests above received.
  it('gives a download, its text sent a piece at a time, exactly as the service answers it', async () => {
    const reviewId = await openedSample();
    const call = async (arg: unknown) => {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/exportText`, {
        method: 'POST',
        headers: { ...token, ...json },
        body: JSON.stringify(arg),
      });
      expect(res.headers.get('content-type')).toBe('application/json');
      return (await res.json()) as unknown;
    };
    for (const format of ['txt', 'md', 'html'] as const) {
      const direct = await service.exportText({ reviewId, format });
      expect(direct.ok).toBe(true);
      expect(await call({ reviewId, format }), format).toEqual(direct);
    }
    // A Word document made twice differs in its entries' times (the clock may tick between the two): its parts match.
    const direct = await service.exportText({ reviewId, format: 'docx' });
    const given = (await call({ reviewId, format: 'docx' })) as typeof direct;
    if (!direct.ok || !given.ok) throw new Error('the Word export failed');
    expect({ ...given.value, text: '' }).toEqual({ ...direct.value, text: '' });
    expect(unzipSync(Buffer.from(given.value.text, 'base64'))).toEqual(unzipSync(Buffer.from(direct.value.text, 'base64')));
    // A long article's text comes in many pieces, each with what JSON escapes in it, and the host waits for the
    // client to take each one without piling up a listener per wait.
    const warnings: string[] = [];
    const warned = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', warned);
    const long = join(dir, 'long.txt');
    const sentence = (i: number) => `Paragraph ${i}: "quoted" and a back\\slash, “curly”, 港口 ${i}.`;
    const lines = Array.from({ length: 12_000 }, (_, i) => [1, 2, 3, 4].map(() => sentence(i)).join(' '));
    writeFileSync(long, `${lines.join('\n\n')}\n`);
    const opened = await service.openArticle({ path: long });
    if (!opened.ok) throw new Error(opened.error.message);
    await waitForReview(service, opened.value.reviewId);
    for (const format of ['txt', 'html'] as const) {
      const direct = await service.exportText({ reviewId: opened.value.reviewId, format });
      expect(direct.ok && direct.value.text.length).toBeGreaterThan(2_800_000);
      expect(await call({ reviewId: opened.value.reviewId, format }), format).toEqual(direct);
    }
    // Any other answer with a long list is written in pieces too, and arrives whole.
    const window = { reviewId: opened.value.reviewId, start: 0, end: 2000 };
    const res = await fetch(`http://127.0.0.1:${host.port}/api/readParagraphs`, {
      method: 'POST',
      headers: { ...token, ...json },
      body: JSON.stringify(window),
    });
    const text = await res.text();
    expect(text.length).toBeGreaterThan(600_000);
    expect(JSON.parse(text)).toEqual(await service.readParagraphs(window));
    // Warnings are emitted on the next turn.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', warned);
    expect(warnings).toEqual([]);
    // A version the review does not have, and a request without its format, are answered as any call is.
    expect(await call({ reviewId, format: 'txt', version: 9 })).toEqual(await service.exportText({ reviewId, format: 'txt', version: 9 }));
    expect(await call({ reviewId })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('never writes the token into an answer, nor sets a cookie', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const a of answers) {
      expect(`${JSON.stringify(a.headers)}\n${a.body}`, a.path).not.toContain(TOKEN);
      expect(a.headers['set-cookie'], a.path).toBeUndefined();
    }
  });
});

describe('request bodies in flight, all together', () => {
  const KiB = 1024;
  let small: BrowserHost;
  beforeAll(async () => {
    small = await startBrowserHost({ service, staticDir, port: 0, token: TOKEN, maxBodyBytes: 1024 * KiB, bodyBudgetBytes: 2048 * KiB });
  });
  afterAll(() => small.close());

  /** A request whose body is sent in part and held open, as a slow upload is. */
  function slowUpload(bytes: number | undefined): { req: ClientRequest; answer: Promise<Answer> } {
    let req!: ClientRequest;
    const answer = new Promise<Answer>((resolve, reject) => {
      req = httpRequest(
        {
          host: '127.0.0.1',
          port: small.port,
          method: 'POST',
          path: '/api/appInfo',
          headers: {
            Host: `127.0.0.1:${small.port}`,
            ...token,
            ...json,
            ...(bytes !== undefined ? { 'Content-Length': String(bytes) } : {}),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
    });
    return { req, answer };
  }

  /** Waits (a bounded while) until the host holds `bytes` of bodies. */
  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!condition()) throw new Error(`timed out waiting for ${what}; ${small.bodyBytesInFlight()} bytes in flight`);
  }

  // `{}` padded with white space: valid JSON of any size for a method that takes no argument.
  const padded = (bytes: number) => `{}${' '.repeat(bytes - 2)}`;

  it('refuses one body over its limit (a dropped file of the largest size still fits under the real one)', async () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(MAX_DROPPED_BASE64 + 1024);
    const tooBig = slowUpload(1100 * KiB);
    tooBig.req.end(padded(1100 * KiB));
    const r = await tooBig.answer;
    expect(r.status).toBe(413);
    expect(small.bodyBytesInFlight()).toBe(0);
    // Without a declared length, the limit is found while reading.
    const chunked = slowUpload(undefined);
    chunked.req.end(padded(1100 * KiB));
    expect((await chunked.answer).status).toBe(413);
    expect(small.bodyBytesInFlight()).toBe(0);
  });

  it('answers 503 once concurrent bodies pass the budget, and frees each share when its request ends or is dropped', async () => {
    const size = 900 * KiB;
    const a = slowUpload(size);
    const b = slowUpload(size);
    a.req.write(padded(size).slice(0, 100 * KiB));
    b.req.write(padded(size).slice(0, 100 * KiB));
    await until(() => small.bodyBytesInFlight() === 2 * size, 'two bodies to be reserved');

    // A third, declared or not (a chunked upload), finds the budget spent.
    const c = slowUpload(size);
    c.req.end(padded(size));
    const refused = await c.answer;
    expect(refused.status).toBe(503);
    expect(refused.body).toMatch(/receiving too much at once.*try again/);
    expect(refused.headers['retry-after']).toBe('5');
    const chunked = slowUpload(undefined);
    chunked.req.write(' '.repeat(300 * KiB));
    expect((await chunked.answer).status).toBe(503);
    expect(small.bodyBytesInFlight()).toBe(2 * size);

    // One upload dropped mid-way, the other finished: both shares are free again.
    a.req.destroy();
    a.answer.catch(() => undefined);
    await until(() => small.bodyBytesInFlight() === size, 'the dropped upload to be freed');
    b.req.end(padded(size).slice(100 * KiB));
    const done = await b.answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ ok: true });
    await until(() => small.bodyBytesInFlight() === 0, 'the finished request to be freed');

    // So two large requests at once go through again.
    const again = [slowUpload(size), slowUpload(size)];
    for (const r of again) r.req.end(padded(size));
    for (const r of again) expect((await r.answer).status).toBe(200);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewService } from '../service/review-service';
import { waitForReview } from '../service/service-fixture';
import { startBrowserHost, type BrowserHost } from './browser-host';

const dir = mkdtempSync(join(tmpdir(), 'redline-host-'));
const staticDir = join(dir, 'renderer');
let host: BrowserHost;
let service: ReviewService;

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Redline</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  const sample = join(import.meta.dirname, '..', 'sample', 'harbour-bridge.en.txt');
  service = new ReviewService({ host: 'browser', version: 'test', dataDir: join(dir, 'data'), sample: { path: sample, sourcePath: sample } });
  host = await startBrowserHost({ service, staticDir, port: 0, token: 'test-token' });
});
afterAll(async () => {
  await host.close();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw HTTP request, so that Host, Origin and the path go out exactly as a hostile client would send them. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const token = { 'X-Redline-Token': 'test-token' };

describe('the browser host', () => {
  it('listens on the loopback address only and prints an address with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=test-token`);
  });

  it('serves the app with its token, and sets a strict Content-Security-Policy', async () => {
    const r = await send({ path: '/?token=test-token' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses requests without the token, with a wrong one, or from a foreign host or origin', async () => {
    expect((await send({ path: '/' })).status).toBe(403);
    expect((await send({ path: '/?token=nope' })).status).toBe(403);
    expect((await send({ path: '/?token=test-token', headers: { Host: 'attacker.example' } })).status).toBe(403);
    expect((await send({ method: 'POST', path: '/api/appInfo', headers: { ...token, Origin: 'https://attacker.example' }, body: '{}' })).status).toBe(403);
  });

  it('never serves a file outside the app, however the path is written', async () => {
    expect((await send({ path: '/%E0%A4%A?token=test-token' })).status).toBe(400);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt', '/%00secret.txt']) {
      const r = await send({ path: `${path}?token=test-token` });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('not for the browser');
    }
  });

  it('answers malformed API calls with a clear error, not a crash', async () => {
    expect((await send({ path: '/api/appInfo', headers: token })).status).toBe(405);
    expect((await send({ method: 'POST', path: '/api/deleteEverything', headers: token, body: '{}' })).status).toBe(404);
    const badJson = await send({ method: 'POST', path: '/api/appInfo', headers: token, body: '{not json' });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'Request to appInfo is not valid JSON.' } });
    const badArgs = await send({ method: 'POST', path: '/api/openArticle', headers: token, body: '{"path":42}' });
    expect(JSON.parse(badArgs.body)).toMatchObject({ ok: false, error: { code: 'bad-request', message: /Invalid request to openArticle \(path\)/ } });
    // The service still answers afterwards.
    const info = await send({ method: 'POST', path: '/api/appInfo', headers: token, body: '{}' });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { host: 'browser' } });
  });

  it('tells an event stream that connects late where the open articles stand', async () => {
    const opened = await service.openSample({});
    expect(opened.ok).toBe(true);
    const reviewId = opened.ok ? opened.value.reviewId : '';
    // Connect only once the sample is loaded and its review open: every event so far was sent to no one.
    await waitForReview(service, reviewId);
    const events = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/api/events?token=test-token', headers: { Host: `127.0.0.1:${host.port}` } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
            if (body.includes('review-changed')) {
              req.destroy();
              resolve(body);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(events).toContain(`"type":"load-progress","reviewId":"${reviewId}"`);
    expect(events).toMatch(/"paragraphs":15,"done":true/);
    expect(events).toContain(`{"type":"review-changed","reviewId":"${reviewId}"}`);
  });

  it('refuses a request body over its limit', async () => {
    const huge = JSON.stringify({ name: 'big.txt', base64: 'A'.repeat(70 * 1024 * 1024) });
    const r = await send({ method: 'POST', path: '/api/openDropped', headers: token, body: huge });
    expect(r.status).toBe(413);
  });
});

/**
 * The browser host: the review service over HTTP on the loopback interface, serving the built renderer.
 *
 * It is reachable by any program on this machine, so every request must prove it came from the page we served:
 * - a random per-run token, given in the printed address (`?token=`), then kept in a SameSite=Strict cookie for
 *   the page's own files and sent as the `X-Redline-Token` header on every API call;
 * - a Host header naming this loopback address (defeats DNS rebinding) and, when present, a matching Origin
 *   (defeats cross-site requests).
 * Anything else is refused with 403 before any handler runs.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { callMethod, isMethodName, MAX_DROPPED_BASE64, type ServiceEvent } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security-policy';
import type { ReviewService } from '../service/review-service';

/** Largest API request body: small JSON arguments, or one dropped file (see MAX_DROPPED_BASE64). */
const MAX_BODY_BYTES = MAX_DROPPED_BASE64 + 64 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};


export interface BrowserHostOptions {
  readonly service: ReviewService;
  /** Folder of the built renderer (index.html and assets). */
  readonly staticDir: string;
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  /** Fixed token for tests; random otherwise. */
  readonly token?: string;
}

export interface BrowserHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const COOKIE = 'redline_token';

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE) return v;
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** The request body as text, or undefined once it passes MAX_BODY_BYTES (reading stops there). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        req.pause();
        resolve(undefined);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the browser host on 127.0.0.1. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = normalize(options.staticDir);
  let port = 0;
  const streams = new Set<ServerResponse>();

  const unsubscribe = options.service.onEvent((event: ServiceEvent) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(data);
  });

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const hosts = allowedHosts();
    if (!hosts.has(req.headers.host ?? '')) return send(res, 403, 'Forbidden: unexpected Host header.\n');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, 'Forbidden: request from another origin.\n');
    }
    const headerToken = req.headers['x-redline-token'];
    const given = typeof headerToken === 'string' ? headerToken : (url.searchParams.get('token') ?? cookieToken(req));

    if (url.pathname.startsWith('/api/')) {
      // API calls must carry the token themselves: a cookie alone could be replayed by a page that tricks the browser.
      const explicit = typeof headerToken === 'string' ? headerToken : url.searchParams.get('token') ?? undefined;
      const isEvents = url.pathname === '/api/events' && req.method === 'GET';
      if (!sameToken(isEvents ? given : explicit, token)) return send(res, 403, 'Forbidden: missing or wrong token.\n');
      if (isEvents) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        // What happened before this stream connected: the page may have asked to open an article already.
        for (const event of options.service.currentEvents()) res.write(`data: ${JSON.stringify(event)}\n\n`);
        req.on('close', () => streams.delete(res));
        return;
      }
      const method = url.pathname.slice('/api/'.length);
      if (req.method !== 'POST') return send(res, 405, 'Use POST for API calls.\n', undefined, { Allow: 'POST' });
      if (!isMethodName(method)) return send(res, 404, `No such method: ${method}\n`);
      const body = await readBody(req);
      if (body === undefined) {
        // The rest of the body is not read: answer, then close the connection it would still arrive on.
        res.on('finish', () => req.socket.destroy());
        return send(res, 413, `Request body over ${MAX_BODY_BYTES} bytes.\n`, undefined, { Connection: 'close' });
      }
      let arg: unknown;
      try {
        arg = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad-request', message: `Request to ${method} is not valid JSON.` } }), 'application/json');
      }
      const result = await callMethod(options.service, method, arg);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }

    if (!sameToken(given, token)) return send(res, 403, 'Forbidden: missing or wrong token. Open the address that "redline serve" printed.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.\n');
    let relative: string;
    try {
      relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      return send(res, 400, 'Bad request: the path is not valid percent-encoding.\n');
    }
    const file = normalize(join(staticRoot, relative));
    if (!file.startsWith(staticRoot + sep)) return send(res, 404, 'Not found.\n');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'Not found.\n');
    }
    const cookie = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Set-Cookie': cookie,
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  const server: Server = createServer((req, res) => {
    // A client that drops its connection mid-request (or mid event stream) is no error of the host's: without
    // these listeners such a reset would be an unhandled 'error' event and end the process.
    req.on('error', () => undefined);
    res.on('error', () => streams.delete(res));
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(err as Error).message}\n`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

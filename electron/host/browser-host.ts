/**
 * The browser host: the review service over HTTP on the loopback interface, serving the built renderer.
 *
 * It is reachable by any program on this machine, and by any page the browser shows, so:
 * - every /api/ request must carry the random per-run token in the `X-Redline-Token` header. The page reads it
 *   once from the printed address (`?token=`) and keeps it in the tab; it is never set as a cookie (cookies are
 *   not scoped by port, so any other server on 127.0.0.1 would receive it), never accepted from a cookie or the
 *   query string, never sent to another origin, and never written into a response;
 * - the renderer's own files (index.html, scripts, styles) are served without the token: they are the same for
 *   every run and hold nothing private, and asking a token for them would mean a cookie or a token in every URL;
 * - the Host header must name this loopback address (defeats DNS rebinding) and an Origin, when present, must
 *   be this one (defeats cross-site requests; a cross-origin fetch cannot add the header without a preflight we
 *   never grant). Anything else is refused with 403 before any handler runs;
 * - request bodies are capped each and in total, so many large uploads at once cannot exhaust memory;
 * - error answers say what went wrong, never what a file or an exception holds.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { callMethod, isMethodName, MAX_DROPPED_BASE64, parseRequest, type ServiceEvent } from '../../shared/contract';
import { breathe } from '../breathe';
import { jsonPieces } from '../../shared/formats/json-pieces';
import { CONTENT_SECURITY_POLICY } from '../../shared/security-policy';
import type { ReviewService } from '../service/review-service';

/** Largest API request body: small JSON arguments, or one dropped file (see MAX_DROPPED_BASE64). */
export const MAX_BODY_BYTES = MAX_DROPPED_BASE64 + 64 * 1024;

/**
 * Bytes of request bodies held at once, all requests together: three dropped files at a time. Each body costs a
 * few times its size while it is parsed, so this keeps the host's peak memory near a gigabyte at worst.
 */
export const BODY_BUDGET_BYTES = 3 * MAX_BODY_BYTES;

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
  /** Limits for tests; MAX_BODY_BYTES and BODY_BUDGET_BYTES otherwise. */
  readonly maxBodyBytes?: number;
  readonly bodyBudgetBytes?: number;
  /** Where unexpected failures are told in full (the answer to the page says only that one happened). */
  readonly logError?: (message: string) => void;
}

export interface BrowserHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Bytes of request bodies held right now, all requests together. */
  bodyBytesInFlight(): number;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

/** Characters of a download's text made into JSON and written between two breaths. */
const SENT_PER_STEP = 1 << 18;

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

/** Members of a list an answer holds before it is written in pieces (see `jsonPieces`), and members in a piece. */
const LONG_LIST = 1000;
const MEMBERS_PER_PIECE = 500;

/** Whether a value holds a list of more than `LONG_LIST` members near its top (an answer's flags, paragraphs). */
function holdsLongList(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null || depth > 3) return false;
  if (Array.isArray(value)) return value.length > LONG_LIST;
  for (const member of Object.values(value)) if (holdsLongList(member, depth + 1)) return true;
  return false;
}

/** Request body bytes held by all requests together. */
class BodyBudget {
  used = 0;
  constructor(readonly limit: number) {}
}

type Body = { readonly kind: 'read'; readonly text: string } | { readonly kind: 'too-large' | 'over-budget' | 'aborted' };

/**
 * Reads a request body within both limits. The bytes it holds count against the budget until the response is
 * over (sent, or the connection dropped), since the parsed request lives as long as its handler.
 */
function readBody(req: IncomingMessage, res: ServerResponse, maxBytes: number, budget: BodyBudget): Promise<Body> {
  let held = 0;
  const hold = (bytes: number): boolean => {
    if (budget.used + bytes > budget.limit) return false;
    budget.used += bytes;
    held += bytes;
    return true;
  };
  const release = () => {
    budget.used -= held;
    held = 0;
  };
  res.once('close', release);
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      if (body.kind !== 'read') {
        // Refused or dropped: nothing of it is kept, so its share of the budget is free again at once.
        chunks = [];
        release();
        req.pause();
      }
      resolve(body);
    };
    // A declared length is checked (and its share reserved) before any byte is read.
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return finish({ kind: 'too-large' });
    if (Number.isFinite(declared) && declared > 0 && !hold(declared)) return finish({ kind: 'over-budget' });
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size > maxBytes) return finish({ kind: 'too-large' });
      if (size > held && !hold(size - held)) return finish({ kind: 'over-budget' });
      chunks.push(chunk);
    }
    req.on('data', onData);
    req.once('end', () => finish({ kind: 'read', text: Buffer.concat(chunks).toString('utf8') }));
    req.once('close', () => finish({ kind: 'aborted' }));
  });
}

/** Starts the browser host on 127.0.0.1. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = normalize(options.staticDir);
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const budget = new BodyBudget(options.bodyBudgetBytes ?? BODY_BUDGET_BYTES);
  const logError = options.logError ?? ((m: string) => process.stderr.write(`redline serve: ${m}\n`));
  let port = 0;
  const streams = new Set<ServerResponse>();

  const unsubscribe = options.service.onEvent((event: ServiceEvent) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(data);
  });

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** Answers without reading the rest of the body, then closes the connection it would still arrive on. */
  function refuseBody(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    extra: Record<string, string> = {},
  ): void {
    res.on('finish', () => req.socket.destroy());
    send(res, status, message, undefined, { Connection: 'close', ...extra });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // Only the header counts: a cookie could be sent by any page the browser shows, and a token in the address
    // ends up in history, logs and Referer headers.
    const headerToken = req.headers['x-redline-token'];
    if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
      return send(res, 403, 'Forbidden: missing or wrong token.\n');
    }
    if (path === '/api/events') {
      if (req.method !== 'GET') return send(res, 405, 'Use GET for the event stream.\n', undefined, { Allow: 'GET' });
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write(': connected\n\n');
      streams.add(res);
      // What happened before this stream connected (or while it was reconnecting): the page may have asked to
      // open an article already.
      for (const event of options.service.currentEvents()) res.write(`data: ${JSON.stringify(event)}\n\n`);
      req.on('close', () => streams.delete(res));
      return;
    }
    const method = path.slice('/api/'.length);
    if (req.method !== 'POST') return send(res, 405, 'Use POST for API calls.\n', undefined, { Allow: 'POST' });
    if (!isMethodName(method)) return send(res, 404, 'No such method.\n');
    const body = await readBody(req, res, maxBody, budget);
    switch (body.kind) {
      case 'aborted':
        return;
      case 'too-large':
        return refuseBody(req, res, 413, `Request body over ${maxBody} bytes.\n`);
      case 'over-budget':
        return refuseBody(
          req,
          res,
          503,
          'The host is receiving too much at once (other large requests are still arriving); try again in a moment.\n',
          { 'Retry-After': '5' },
        );
      case 'read':
        break;
    }
    let arg: unknown;
    try {
      arg = body.text.length === 0 ? {} : JSON.parse(body.text);
    } catch {
      return send(
        res,
        400,
        JSON.stringify({ ok: false, error: { code: 'bad-request', message: `Request to ${method} is not valid JSON.` } }),
        'application/json',
      );
    }
    if (method === 'exportText') return sendExport(res, arg);
    const result = await callMethod(options.service, method, arg);
    if (!holdsLongList(result, 0)) return send(res, 200, JSON.stringify(result), 'application/json');
    // Thousands of flags or paragraphs (an Accept all's answer): made into JSON and written a few hundred members at
    // a time; made at once, the JSON and its writing held the service for a tenth of a second.
    res.writeHead(200, { 'Content-Type': 'application/json', ...SECURITY_HEADERS });
    for (const piece of jsonPieces(result, MEMBERS_PER_PIECE, false)) {
      if (res.destroyed) return;
      if (!res.write(piece)) await drainedOrClosed(res);
      await breathe();
    }
    res.end();
  }

  /**
   * Writes text to a response a slice at a time (a surrogate pair never cut in two), each slice as `each` makes it,
   * waiting for the client to take what it was given and letting the event loop run between slices. False when the
   * client went away before the end.
   */
  async function writeInSlices(res: ServerResponse, text: string, each: (slice: string) => string): Promise<boolean> {
    for (let at = 0; at < text.length;) {
      if (res.destroyed) return false;
      let end = Math.min(text.length, at + SENT_PER_STEP);
      if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      if (!res.write(each(text.slice(at, end)))) await drainedOrClosed(res);
      at = end;
      await breathe();
    }
    return !res.destroyed;
  }

  /**
   * A download's answer, `exportText`'s, written a piece of its text at a time with the event loop free in between:
   * the same JSON the page reads for any call, but a long article's text is never joined into one string, nor
   * turned into JSON at once (either held the service for a tenth of a second or more).
   */
  async function sendExport(res: ServerResponse, arg: unknown): Promise<void> {
    const request = parseRequest('exportText', arg);
    const made = request.ok ? await options.service.exportTextPieces(request.value) : request;
    if (!made.ok) return send(res, 200, JSON.stringify(made), 'application/json');
    const { pieces, encoding, paragraphs } = made.value;
    res.writeHead(200, { 'Content-Type': 'application/json', ...SECURITY_HEADERS });
    res.write('{"ok":true,"value":{"text":"');
    // Each slice as a JSON string, less its quotes: the slices follow one another inside the one string.
    for (const piece of pieces) if (!(await writeInSlices(res, piece, (slice) => JSON.stringify(slice).slice(1, -1)))) return;
    res.end(`"${encoding ? `,"encoding":"${encoding}"` : ''},"paragraphs":${paragraphs}}}`);
  }

  /** Waits until a response has taken what was written (or its client has gone), leaving no listener behind. */
  function drainedOrClosed(res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.once('drain', done);
      res.once('close', done);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const hosts = allowedHosts();
    if (!hosts.has(req.headers.host ?? '')) return send(res, 403, 'Forbidden: unexpected Host header.\n');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, 'Forbidden: request from another origin.\n');
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname);

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
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  const server: Server = createServer((req, res) => {
    // A client that drops its connection mid-request (or mid event stream) is no error of the host's: without
    // these listeners such a reset would be an unhandled 'error' event and end the process.
    req.on('error', () => undefined);
    res.on('error', () => streams.delete(res));
    handle(req, res).catch((err: unknown) => {
      logError(
        `${req.method ?? ''} ${new URL(req.url ?? '/', 'http://host').pathname} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      if (!res.headersSent) send(res, 500, 'Internal error.\n');
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
    bodyBytesInFlight: () => budget.used,
    close: async () => {
      unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

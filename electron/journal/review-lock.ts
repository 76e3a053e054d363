/**
 * One writer per review file. A process that writes a review holds `NAME.redline.lock` beside it: created with
 * an exclusive create (so of two processes starting at the same instant exactly one gets it), holding who took it.
 * Another process finds the lock and opens the review read-only, naming the holder. A lock whose process no
 * longer exists (on this machine) is stale: it may be taken over, by renaming it aside under a unique name —
 * a rename only one process can win — and then creating a fresh one.
 *
 * A lock left by a crash is never trusted blindly and never removed without checking its process is gone, so a
 * running writer is never robbed of its file.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';

/** Who holds a review: written into the lock file as JSON. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** What kind of Redline process: the desktop app, `redline serve`, ... */
  readonly app: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** Unique per lock, so a holder can tell its own lock from one that replaced it. */
  readonly nonce: string;
}

export type LockAttempt =
  | { readonly kind: 'held'; readonly lock: ReviewLock }
  /** Another process holds the review; `stale` when that process is gone (the lock may be taken over). */
  | { readonly kind: 'taken'; readonly holder: LockHolder | undefined; readonly stale: boolean }
  /** The folder does not let us create the lock (read-only place): open the review read-only. */
  | { readonly kind: 'unwritable'; readonly reason: string };

export function lockPathOf(reviewPath: string): string {
  return `${reviewPath}.lock`;
}

/** A lock this process holds. */
export class ReviewLock {
  private released = false;
  constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {}

  /** Gives the lock up, unless it is no longer ours (taken over as stale by someone who judged us gone). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const current = await readHolder(this.path);
    if (current?.nonce === this.holder.nonce) await rm(this.path, { force: true });
  }
}

/** Tries to take the lock of a review file; `app` is how other processes will name this one ("redline serve"). */
export async function acquireLock(reviewPath: string, app: string): Promise<LockAttempt> {
  const path = lockPathOf(reviewPath);
  const holder: LockHolder = { pid: process.pid, host: hostname(), app, since: new Date().toISOString(), nonce: randomUUID() };
  try {
    // The data folder may not exist yet on first use.
    await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { kind: 'held', lock: new ReviewLock(path, holder) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      const other = await readHolder(path);
      return { kind: 'taken', holder: other, stale: other !== undefined && isGone(other) };
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return { kind: 'unwritable', reason: `the folder of ${basename(reviewPath)} cannot be written (${code})` };
    }
    throw e;
  }
}

/**
 * Takes over a stale lock: fails with `locked` while its process still runs. Of several processes taking over
 * at once, one wins; the others find its fresh lock and stay read-only.
 */
export async function takeOverLock(reviewPath: string, app: string): Promise<Result<ReviewLock>> {
  const path = lockPathOf(reviewPath);
  const seen = await readHolder(path);
  if (seen && !isGone(seen)) return fail('locked', `${describeHolder(seen)} still has ${basename(reviewPath)} open; close it there first.`);
  const aside = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.stale`;
  try {
    await rename(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const moved = await readHolder(aside);
  if (moved && seen && moved.nonce !== seen.nonce) {
    // Another process took the stale lock over between our read and our rename: give its lock back.
    await link(aside, path).catch(() => undefined);
    await rm(aside, { force: true });
    return fail('locked', `${describeHolder(moved)} has just taken ${basename(reviewPath)} over.`);
  }
  await rm(aside, { force: true });
  const attempt = await acquireLock(reviewPath, app);
  if (attempt.kind === 'held') return ok(attempt.lock);
  if (attempt.kind === 'taken')
    return fail(
      'locked',
      `${attempt.holder ? describeHolder(attempt.holder) : 'Another Redline'} has just taken ${basename(reviewPath)} over.`,
    );
  return fail('read-only', `The review cannot be taken over: ${attempt.reason}.`);
}

/** "the Redline desktop app (process 4242, since 09:14)" */
export function describeHolder(holder: LockHolder): string {
  const since = holder.since.slice(11, 16);
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${holder.app} (process ${holder.pid}${where}, since ${since} UTC)`;
}

/** The holder named in a lock file; undefined when there is none or it cannot be read (being written, damaged). */
export async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.nonce !== 'string') return undefined;
    return { pid: value.pid, host: value.host, app: String(value.app ?? 'Redline'), since: String(value.since ?? ''), nonce: value.nonce };
  } catch {
    return undefined;
  }
}

/**
 * True when the lock's process is known to be gone: it ran on this machine and no process has its id. A lock
 * from another machine (a shared folder) is never judged stale: we cannot see its processes.
 */
export function isGone(holder: LockHolder): boolean {
  return holder.host === hostname() && !processExists(holder.pid);
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

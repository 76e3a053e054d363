/**
 * Expected failures cross every boundary as data, never as a thrown string.
 * `code` is stable and machine-readable; `message` is a sentence a reviewer understands and names what and where.
 */
export interface Failure {
  readonly code: ErrorCode;
  readonly message: string;
  /** What the reviewer can do about it, where the app offers a way out (a damaged review file). */
  readonly remedies?: readonly Remedy[];
}

/**
 * Ways out of a review that cannot be written: recover what a damaged file holds up to its damage, start a new
 * review (the damaged file is kept beside it), take over a review whose writer is gone, continue in a copy in the
 * app's data folder.
 */
export type Remedy = 'recover' | 'start-new' | 'take-over' | 'copy';

export type ErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'bad-encoding'
  | 'bad-request'
  | 'unknown-review'
  | 'unsupported'
  | 'parse-error'
  | 'io-error'
  | 'newer-format'
  | 'conflict'
  /** Another Redline process holds the review file: it is open read-only here. */
  | 'locked'
  /** The review file or its folder cannot be written: it is open read-only. */
  | 'read-only'
  /** The review file is damaged: it was not opened, and it was left as it was. */
  | 'damaged'
  /** The page cannot reach Redline's service (the browser host stopped, the connection dropped). */
  | 'unreachable'
  | 'internal';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Ends a switch over a union: the type check fails when a member is not handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

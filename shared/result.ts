/**
 * Expected failures cross every boundary as data, never as a thrown string.
 * `code` is stable and machine-readable; `message` is a sentence a reviewer understands and names what and where.
 */
export interface Failure {
  readonly code: ErrorCode;
  readonly message: string;
}

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

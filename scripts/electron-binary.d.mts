/** The Electron version the project depends on (the one its installer fetches). */
export function electronVersion(): string | undefined;
/** The path of Electron's executable, or undefined when it is not installed. */
export function electronBinary(): string | undefined;
/** Downloads and unpacks Electron's binary with Electron's own installer; a failure leaves nothing half installed. */
export function installElectron(options?: {
  readonly log?: (line: string) => void;
  readonly signal?: AbortSignal;
  readonly stallMs?: number;
}): Promise<{ readonly ok: true; readonly binary: string } | { readonly ok: false; readonly reason: string }>;

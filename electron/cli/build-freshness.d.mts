/** Types of build-freshness.mjs (plain JavaScript, run before any build). */
export interface BuildManifest {
  readonly builtAt: number;
  readonly always: readonly string[];
  readonly chunks: Readonly<Record<string, { readonly inputs: readonly string[]; readonly imports: readonly string[] }>>;
  readonly entry: string;
  readonly commands: Readonly<Record<string, string>>;
  readonly others: readonly string[];
}
export function inputsFor(manifest: BuildManifest, argv: readonly string[]): Set<string>;
export function buildIsStale(root: string, outDir: string, argv: readonly string[]): boolean;

// Whether the command line's build (out/cli) is older than the sources of what is about to run. The launcher
// asks this before every run, so it reads one small manifest and stats only the files the run needs: for
// `--help` the command table; for a command, its own chunks and those any command may load. Plain JavaScript,
// because it runs before any build. The manifest's shape is InputsManifest in vite.config.ts.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The source files behind what `argv` runs, from the build's manifest. */
export function inputsFor(manifest, argv) {
  const name = argv[0];
  const starts = [manifest.entry];
  const command = name === undefined ? undefined : manifest.commands[name];
  if (command !== undefined) starts.push(command, ...manifest.others);
  const inputs = new Set(manifest.always);
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    const entry = manifest.chunks[chunk];
    if (entry === undefined) return; // a module of Node's own (node:fs, ...)
    for (const input of entry.inputs) inputs.add(input);
    for (const imported of entry.imports) visit(imported);
  };
  for (const chunk of starts) visit(chunk);
  return inputs;
}

/**
 * Whether the build in `outDir` is missing, or a file that what `argv` runs was built from changed (or
 * vanished) since the build began. Paths in the manifest are relative to `root`.
 */
export function buildIsStale(root, outDir, argv) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, 'inputs.json'), 'utf8'));
  } catch {
    return true;
  }
  if (manifest.chunks === undefined || manifest.entry === undefined) return true; // made by an older build
  for (const input of inputsFor(manifest, argv)) {
    const info = statSync(join(root, input), { throwIfNoEntry: false });
    // npm's lock files may be absent (no install yet); a missing source file means the build is out of date.
    if (info === undefined ? !input.endsWith('package-lock.json') : info.mtimeMs > manifest.builtAt) return true;
  }
  // The manifest is written last, after every chunk, so only the entry itself can be missing here.
  return statSync(join(outDir, manifest.entry), { throwIfNoEntry: false }) === undefined;
}

// The dependency rule, checked the way a lint rule would: renderer → shared ← electron.
// shared/ imports neither Node, Electron, React nor the other two folders; renderer/ never reaches electron/ or Node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function violations(folder: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(join(root, folder)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${relative(root, file)} imports ${spec}`),
  );
}

const NODE_OR_ELECTRON = (spec: string) =>
  spec.startsWith('node:') || spec === 'electron' || /^(fs|path|os|child_process|http|crypto|worker_threads)$/.test(spec);

describe('layering', () => {
  it('shared/ imports no Node, Electron, React, renderer or electron code', () => {
    expect(
      violations('shared', (spec) => NODE_OR_ELECTRON(spec) || /^react/.test(spec) || /\/(renderer|electron)\//.test(spec)),
    ).toEqual([]);
  });

  it('renderer/ imports neither Node, Electron nor electron/ code', () => {
    expect(
      violations('renderer', (spec, file) => !file.endsWith('vite.config.ts') && (NODE_OR_ELECTRON(spec) || /(^|\/)electron\//.test(spec))),
    ).toEqual([]);
  });

  it('only the Electron shell imports electron', () => {
    expect(
      violations('electron', (spec, file) => spec === 'electron' && !relative(root, file).startsWith('electron/shell/')),
    ).toEqual([]);
  });
});

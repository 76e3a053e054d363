// What an installer ships: electron-builder packs the app (its unpacked-folder target, the step every
// installer starts from) with build/electron-builder.yml, against a stand-in Electron folder, since Electron's
// real binaries cannot be downloaded everywhere the tests run. The asar must hold the built shell and renderer
// and nothing of the source tree, the tests or the tools.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'redline-package-'));
const project = join(work, 'project');
const output = join(work, 'dist');

interface Packed {
  readonly files: readonly string[];
  readonly unpacked: string;
  readonly manifest: { readonly main?: string; readonly name?: string };
}
let packed: Packed;

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  // A copy of the project as `npm run dist` sees it after `npm run build`, built into a folder of its own so a
  // build running beside this test (npm start's) never changes what is packed halfway.
  mkdirSync(join(project, 'electron'), { recursive: true });
  cpSync(join(root, 'package.json'), join(project, 'package.json'));
  cpSync(join(root, 'build'), join(project, 'build'), { recursive: true });
  cpSync(join(root, 'electron', 'sample'), join(project, 'electron', 'sample'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  run(
    process.execPath,
    [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn', '--outDir', join(project, 'out', 'renderer')],
    root,
  );
  run(
    process.execPath,
    [vite, 'build', '--config', 'electron/vite.config.ts', '--logLevel', 'warn', '--outDir', join(project, 'out', 'shell')],
    root,
  );
  run(
    process.execPath,
    [vite, 'build', '--config', 'electron/vite.config.ts', '--logLevel', 'warn', '--outDir', join(project, 'out', 'shell')],
    root,
    {
      REDLINE_SHELL_PART: 'preload',
    },
  );

  // The stand-in Electron: an executable (electron-builder renames it to the app's name) and its version file.
  const electronDist = join(work, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  const version = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  writeFileSync(join(electronDist, 'version'), version);
  // The real configuration with only what the stand-in needs changed: where Electron is (so nothing is
  // downloaded), and no fuses (they are flipped inside Electron's real binary, which the stand-in is not).
  writeFileSync(
    join(project, 'build', 'package-test.yml'),
    [
      'extends: build/electron-builder.yml',
      `electronDist: ${JSON.stringify(electronDist)}`,
      `electronVersion: ${JSON.stringify(version)}`,
      'electronFuses: null',
      'directories:',
      `  output: ${JSON.stringify(output)}`,
      '',
    ].join('\n'),
  );
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  run(
    process.execPath,
    [cli, '--projectDir', project, '--config', 'build/package-test.yml', '--dir', '--linux', `--${process.arch}`],
    project,
    {
      // No code signing or publishing is attempted for an unpacked folder; this keeps it from looking for either.
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    },
  );

  const { listPackage, extractFile } = await import('@electron/asar');
  const unpackedDir = join(output, process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`);
  const asar = join(unpackedDir, 'resources', 'app.asar');
  packed = {
    files: listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/')),
    unpacked: join(unpackedDir, 'resources', 'app.asar.unpacked'),
    manifest: JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Packed['manifest'],
  };
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaged app', () => {
  it('holds the built shell (main and preload) and the built renderer, and starts from the built main', () => {
    expect(packed.files).toEqual(
      expect.arrayContaining(['/out/shell/main.js', '/out/shell/preload.cjs', '/out/renderer/index.html', '/package.json']),
    );
    expect(packed.files.some((f) => /^\/out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(packed.manifest.main).toBe('out/shell/main.js');
  });

  it("holds the shell's runtime dependencies", () => {
    expect(packed.files).toEqual(expect.arrayContaining(['/node_modules/zod/package.json', '/node_modules/diff/package.json']));
  });

  it('holds no source, no tests, no source maps and no build or test tools', () => {
    const ours = packed.files.filter((f) => !f.startsWith('/node_modules/'));
    expect(ours.filter((f) => /\.(ts|tsx|mts|map)$/.test(f))).toEqual([]);
    expect(ours.filter((f) => /(^|\/)(e2e|bench|scripts|shared|renderer)(\/|$)|\.test\./.test(f) && !f.startsWith('/out/'))).toEqual([]);
    const tools = [
      'electron',
      'electron-builder',
      'vite',
      'vitest',
      'typescript',
      'tsx',
      '@playwright',
      'playwright',
      '@vitejs',
      'esbuild',
      'rolldown',
    ];
    const modules = new Set(
      packed.files
        .filter((f) => f.startsWith('/node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(2, f.split('/')[2]!.startsWith('@') ? 4 : 3)
            .join('/'),
        ),
    );
    expect(tools.filter((t) => modules.has(t) || [...modules].some((m) => m.startsWith(`${t}/`)))).toEqual([]);
  });

  it('keeps the sample article beside the asar, where the review service reads it as an ordinary file', () => {
    expect(existsSync(join(packed.unpacked, 'electron', 'sample', 'harbour-bridge.en.txt'))).toBe(true);
    expect(existsSync(join(packed.unpacked, 'electron', 'sample', 'harbour-bridge.zh.txt'))).toBe(true);
  });
});

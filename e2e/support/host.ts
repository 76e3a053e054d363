/**
 * Starts `redline serve` as a user would (the real command line, a real file on disk) and hands the test its
 * printed address. Each host gets its own data folder so recent files never leak between tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

export async function startHost(args: readonly string[] = []): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-e2e-data-'));
  // The command line as built (rebuilt first only when its sources changed), as `npm run cli` runs it.
  const child: ChildProcess = spawn(process.execPath, ['electron/cli/launch.mjs', 'serve', ...args], {
    cwd: root,
    env: { ...process.env, REDLINE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redline serve printed no address in 30 s. stderr: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redline serve exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

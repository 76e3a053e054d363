import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveCommand } from './serve-command';

const dir = mkdtempSync(join(tmpdir(), 'redline-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(args: string[]): Promise<{ status: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const status = await serveCommand.run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { status, stderr, stdout };
}

describe('redline serve refuses bad input before it starts, saying what and where', () => {
  it('an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(await serve(['empty.txt'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'redline serve: empty.txt is empty: there is nothing to review.\n',
    });
  });

  it('a PNG renamed .txt', async () => {
    writeFileSync(join(dir, 'image.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await serve(['image.txt'])).stderr).toBe('redline serve: image.txt is a PNG image, not a text article.\n');
  });

  it('a file that does not exist', async () => {
    const r = await serve(['missing.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`redline serve: ${join(dir, 'missing.txt')} does not exist.\n`);
  });

  it('a file over the size limit', async () => {
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 300 * 1024 * 1024);
    expect((await serve(['huge.txt'])).stderr).toBe('redline serve: huge.txt is 300 MiB, over the 256 MiB limit for one article.\n');
  });

  it('a bad source file, even when the translation is fine', async () => {
    writeFileSync(join(dir, 'good.txt'), 'Fine.\n');
    writeFileSync(join(dir, 'blank.txt'), '');
    const r = await serve(['good.txt', '--source', 'blank.txt']);
    expect(r).toMatchObject({ status: 2, stderr: 'redline serve: blank.txt is empty: there is nothing to review.\n' });
  });

  it('an unknown option or a bad port', async () => {
    expect((await serve(['--colour'])).status).toBe(2);
    expect((await serve(['--port', 'eighty'])).stderr).toMatch(/--port must be a number/);
  });
});

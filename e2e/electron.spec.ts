/**
 * The desktop app itself, driven through Playwright's Electron support. Runs where Electron's binary is
 * installed; elsewhere it is skipped with the reason printed.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { RedlinePage } from './support/redline-page';

const root = join(import.meta.dirname, '..');

const binary = electronBinary();
const reason =
  "Electron's binary is not installed here (node_modules/electron has no finished install; `npm run -s install-electron` fetches it); the desktop spec needs it.";
if (!binary) console.log(`Skipping the Electron spec: ${reason}`);

test.describe('the desktop app', () => {
  test.skip(!binary, reason);

  test('opens with the sample loaded, source beside translation, in a sandboxed window', async () => {
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const userData = mkdtempSync(join(tmpdir(), 'redline-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [root, `--user-data-dir=${userData}`],
      cwd: root,
    });
    try {
      const page = await app.firstWindow();
      const redline = new RedlinePage(page);
      await redline.waitForArticle('harbour-bridge.en.txt', 15);
      await expect(redline.paragraph(1)).toContainText('临江老港大桥');
      await expect(redline.paragraph(1)).toContainText("Linjiang's Old Harbour Bridge");
      // The page has no Node: only the contract's functions.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { redline: { openArticle: unknown } }).redline.openArticle)).toBe(
        'function',
      );
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      // Navigation away from the app is refused.
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});

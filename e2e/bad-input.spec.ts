import { join } from 'node:path';
import type { TempFiles } from './support/files';
import { expect, test } from './support/fixtures';
import { RedlinePage } from './support/redline-page';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

const cases: readonly { what: string; make: (files: TempFiles) => string; message: RegExp }[] = [
  { what: 'an empty file', make: (files) => files.write('empty.txt', ''), message: /empty\.txt is empty/ },
  { what: 'a PNG renamed .txt', make: (files) => files.write('photo.txt', PNG), message: /photo\.txt is a PNG image, not a text article/ },
  { what: 'a file that does not exist', make: (files) => join(files.dir, 'nowhere.txt'), message: /nowhere\.txt does not exist/ },
  {
    what: 'a file over the size limit',
    make: (files) => files.sparse('huge.txt', 300 * 1024 * 1024),
    message: /huge\.txt is 300 MiB, over the 256 MiB limit/,
  },
];

for (const c of cases) {
  test(`${c.what} gets a clear message and the app stays usable`, async ({ page, server: host, files }) => {
    const app = new RedlinePage(page);
    await app.goto(host.url);
    await app.waitForArticle('harbour-bridge.en.txt', 15);
    await app.open(c.make(files));
    await expect(app.openDialog.getByRole('alert')).toHaveText(c.message);
    // The article that was open is still there and still works.
    await app.openDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.paragraph(1)).toContainText("Linjiang's Old Harbour Bridge");
    await page.keyboard.press('End');
    await expect(app.status.getByLabel('Position')).toHaveText('¶ 15 of 15');
  });
}

test('API requests without the token in their header, or from another origin or host name, are refused', async ({
  request,
  server: host,
}) => {
  // The page's own files hold nothing private: they load without the token, and no cookie is set.
  const bare = await request.get(`${host.origin}/`);
  expect(bare.status()).toBe(200);
  expect(bare.headers()['set-cookie']).toBeUndefined();
  expect((await request.post(`${host.origin}/api/openSample`, { data: {} })).status()).toBe(403);
  const token = new URL(host.url).searchParams.get('token')!;
  expect((await request.post(`${host.origin}/api/appInfo?token=${token}`, { data: {} })).status()).toBe(403);
  const withToken = { 'X-Redline-Token': token };
  expect((await request.post(`${host.origin}/api/appInfo`, { data: {}, headers: withToken })).status()).toBe(200);
  const foreign = await request.post(`${host.origin}/api/appInfo`, { data: {}, headers: { ...withToken, Origin: 'http://evil.example' } });
  expect(foreign.status()).toBe(403);
  const rebound = await request.post(`${host.origin}/api/appInfo`, { data: {}, headers: { ...withToken, Host: 'evil.example' } });
  expect(rebound.status()).toBe(403);
  const invalid = await request.post(`${host.origin}/api/readParagraphs`, {
    data: { reviewId: 'x', start: -1, end: 5 },
    headers: withToken,
  });
  expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
});

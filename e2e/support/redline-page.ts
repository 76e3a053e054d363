/**
 * The app as a reviewer sees it, found by role and accessible name: a page object for the end-to-end specs.
 */
import { expect, type Locator, type Page, type Response } from '@playwright/test';

export class RedlinePage {
  constructor(readonly page: Page) {}

  get paragraphs(): Locator {
    return this.page.getByRole('listitem', { name: /^Paragraph \d+ of \d+/ });
  }

  paragraph(n: number): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^Paragraph ${n} of \\d+`) });
  }

  get status(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status' });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Loading article' });
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Waits until an article is open and fully loaded, with `count` paragraphs, and its review file is open. */
  async waitForArticle(name: string, count: number): Promise<void> {
    await expect(this.status).toContainText(name);
    await expect(this.status.getByLabel('Paragraph count')).toHaveText(`${count.toLocaleString('en-US')} paragraphs`, { timeout: 30_000 });
    await expect(this.status.getByLabel('Review file')).toBeVisible({ timeout: 30_000 });
  }

  /** Opens an article through File > Open, typing its path (and its source's) as a reviewer would. */
  async open(path: string, sourcePath?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Open…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Open an article' });
    await dialog.getByLabel('Translation file').fill(path);
    if (sourcePath) await dialog.getByLabel('Source file (optional)').fill(sourcePath);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  }

  /**
   * Resolves once the app has told the service that paragraph `n` is the reviewer's place (it does so a moment
   * after focus rests there). Call it before the move, and await it before reloading.
   */
  placeSaved(n: number): Promise<Response> {
    return this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/setPlace' && r.ok() && r.request().postDataJSON()?.paragraphId === `p${n}`,
    );
  }

  get openDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Open an article' });
  }
}

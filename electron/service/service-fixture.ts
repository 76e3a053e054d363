/**
 * A review service over a temporary folder, for the service's tests: an article of our own, a data folder,
 * and a way to wait until the article's review file is open.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReviewDelta, ReviewView } from '../../shared/contract';
import type { Failure, Result } from '../../shared/result';
import { ReviewService, type ServiceOptions } from './review-service';

export const ARTICLE_PARAGRAPHS = [
  'The river ferry will stop running at the end of the month.',
  'The council said the old boat costs too much to repair and a new bridge will replace it next year.',
  'Passengers can use the bus service on the east bank until then.',
];

export const SAMPLE = join(import.meta.dirname, '..', 'sample', 'harbour-bridge.en.txt');

export class ServiceFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'redline-service-'));
  readonly articles = join(this.dir, 'articles');
  readonly dataDir = join(this.dir, 'data');
  readonly article = join(this.articles, 'ferry.txt');
  private readonly services: ReviewService[] = [];

  constructor() {
    mkdirSync(this.articles);
    writeFileSync(this.article, `${ARTICLE_PARAGRAPHS.join('\n\n')}\n`);
  }

  service(options: Partial<ServiceOptions> = {}): ReviewService {
    const service = new ReviewService({
      host: 'browser',
      version: 'test',
      dataDir: this.dataDir,
      sample: { path: SAMPLE, sourcePath: SAMPLE.replace('.en.txt', '.zh.txt') },
      ...options,
    });
    this.services.push(service);
    return service;
  }

  /** Opens an article and waits until its review is open; fails the test with the reason otherwise. */
  async open(service: ReviewService, path = this.article): Promise<ReviewView> {
    const opened = await service.openArticle({ path });
    if (!opened.ok) throw new Error(opened.error.message);
    return waitForReview(service, opened.value.reviewId);
  }

  async cleanup(): Promise<void> {
    for (const s of this.services) await s.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Waits until the review of an opened article is open (getReview stops answering null). */
export async function waitForReview(service: ReviewService, reviewId: string): Promise<ReviewView> {
  for (let i = 0; i < 500; i++) {
    const r = await service.getReview({ reviewId });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    if (r.value) return r.value;
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error('the review did not open within 5 seconds');
}

/** The whole review after a change (changes answer with a delta): fails the test with the change's failure. */
export async function viewAfter(service: ReviewService, change: Promise<Result<ReviewDelta>>): Promise<ReviewView> {
  const delta = value(await change);
  return value(await service.getReview({ reviewId: delta.reviewId }))!;
}

/** Waits until opening an article's review has failed, and answers the failure. */
export async function waitForFailure(service: ReviewService, reviewId: string): Promise<Failure> {
  for (let i = 0; i < 500; i++) {
    const r = await service.getReview({ reviewId });
    if (!r.ok) return r.error;
    if (r.value) throw new Error('the review opened, though it was expected to fail');
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error('the review did not fail within 5 seconds');
}

/** Unwraps a result in a test, failing with its message. */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

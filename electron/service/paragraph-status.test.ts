import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceFixture, value } from './service-fixture';

let fx: ServiceFixture;
beforeEach(() => {
  fx = new ServiceFixture();
});
afterEach(() => fx.cleanup());

describe('paragraphs marked reviewed and paragraph notes', () => {
  it('marks and notes survive reopening the app, with the progress figure', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    const reviewId = review.reviewId;
    expect(review.reviewedCount).toBe(0);
    const marked = value(await first.setParagraphReviewed({ reviewId, paragraphId: 'p1', reviewed: true }));
    expect(marked.reviewed).toEqual({ p1: true });
    expect(marked.reviewedCount).toBe(1);
    expect(marked.undoLabel).toBe('Undo mark reviewed');
    value(await first.setParagraphReviewed({ reviewId, paragraphId: 'p3', reviewed: true }));
    const noted = value(await first.setParagraphNote({ reviewId, paragraphId: 'p2', note: '  Ask the desk which bridge is meant.  ' }));
    expect(noted.notes).toEqual({ p2: 'Ask the desk which bridge is meant.' });
    expect(noted.reviewedCount).toBe(2);
    await first.close();

    // Kept in the review file as events, each line with its checksum.
    const lines = readFileSync(join(fx.articles, 'ferry.redline'), 'utf8').trim().split('\n');
    const kinds = lines.slice(1).map((l) => (JSON.parse(l) as { type: string }).type);
    expect(kinds.filter((k) => k === 'paragraph-status-set')).toHaveLength(2);
    expect(kinds).toContain('paragraph-note-set');
    expect(lines.every((l) => l.startsWith('{"crc32":"'))).toBe(true);

    const second = fx.service();
    const reopened = await fx.open(second);
    expect([...reopened.reviewed].sort()).toEqual(['p1', 'p3']);
    expect(reopened.reviewedCount).toBe(2);
    expect(reopened.notes).toEqual({ p2: 'Ask the desk which bridge is meant.' });
  });

  it('undo takes back a mark and a removed note, answering each as a delta', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    value(await service.setParagraphNote({ reviewId, paragraphId: 'p1', note: 'Headline' }));
    value(await service.setParagraphReviewed({ reviewId, paragraphId: 'p1', reviewed: true }));
    const undone = value(await service.undo({ reviewId }));
    expect(undone.reviewed).toEqual({ p1: false });
    expect(undone.reviewedCount).toBe(0);
    const removed = value(await service.setParagraphNote({ reviewId, paragraphId: 'p1', note: '' }));
    expect(removed.notes).toEqual({ p1: null });
    const back = value(await service.undo({ reviewId }));
    expect(back.notes).toEqual({ p1: 'Headline' });
  });

  it('asking for what a paragraph already is writes nothing', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const first = value(await service.setParagraphReviewed({ reviewId, paragraphId: 'p2', reviewed: true }));
    const again = value(await service.setParagraphReviewed({ reviewId, paragraphId: 'p2', reviewed: true }));
    expect(again.seq).toBe(first.seq);
    expect(again.reviewed).toBeUndefined();
  });

  it('the JSON export of the review carries the notes and which paragraphs are reviewed', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    value(await service.setParagraphNote({ reviewId, paragraphId: 'p3', note: 'Bus times to confirm' }));
    value(await service.setParagraphReviewed({ reviewId, paragraphId: 'p1', reviewed: true }));
    const exported = JSON.parse(value(await service.exportText({ reviewId, format: 'json' })).text) as {
      notes: unknown;
      reviewed: unknown;
    };
    expect(exported.notes).toEqual({ p3: 'Bus times to confirm' });
    expect(exported.reviewed).toEqual(['p1']);
  });

  it('a paragraph the article does not have is named in the refusal', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const r = await service.setParagraphReviewed({ reviewId, paragraphId: 'p40', reviewed: true });
    expect(r).toEqual({ ok: false, error: { code: 'bad-request', message: 'The article has no paragraph p40.' } });
    const n = await service.setParagraphNote({ reviewId, paragraphId: 'p40', note: 'x' });
    expect(n.ok).toBe(false);
  });
});

describe("the reviewer's place in an article", () => {
  it('the paragraph in focus and the compared versions come back when the article is opened again', async () => {
    const first = fx.service();
    const { reviewId } = await fx.open(first);
    expect(value(await first.getPlace({ reviewId }))).toBeNull();
    value(await first.setPlace({ reviewId, paragraphId: 'p2' }));
    value(await first.setPlace({ reviewId, compare: { left: 0, right: 'current', level: 'char' } }));
    await first.close();

    const second = fx.service();
    const reopened = await fx.open(second);
    expect(value(await second.getPlace({ reviewId: reopened.reviewId }))).toEqual({
      paragraphId: 'p2',
      compare: { left: 0, right: 'current', level: 'char' },
    });
  });

  it('a place naming a paragraph or version the review no longer has is not offered', async () => {
    const first = fx.service();
    const { reviewId } = await fx.open(first);
    value(await first.setPlace({ reviewId, paragraphId: 'p9', compare: { left: 4, right: 'current', level: 'word' } }));
    expect(value(await first.getPlace({ reviewId }))).toEqual({});
  });

  it('places are written to the data folder, not the review file', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const before = readFileSync(join(fx.articles, 'ferry.redline'), 'utf8');
    for (const id of ['p1', 'p2', 'p3', 'p2']) value(await service.setPlace({ reviewId, paragraphId: id }));
    await service.close();
    expect(readFileSync(join(fx.articles, 'ferry.redline'), 'utf8')).toBe(before);
    const places = JSON.parse(readFileSync(join(fx.dataDir, 'places.json'), 'utf8')) as Record<string, { paragraphId: string }>;
    expect(places[fx.article]?.paragraphId).toBe('p2');
  });
});

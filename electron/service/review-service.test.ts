import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scoreArticle } from '../../shared/scoring/article-scorer';
import { ReviewJournal } from '../journal/review-journal';
import { ARTICLE_PARAGRAPHS, SAMPLE, ServiceFixture, value, viewAfter, waitForFailure, waitForReview } from './service-fixture';

let fx: ServiceFixture;
beforeEach(() => {
  fx = new ServiceFixture();
});
afterEach(() => fx.cleanup());

const flagOf = (reviewId: string, overrides: Record<string, unknown> = {}) => ({
  reviewId,
  paragraphId: 'p2',
  side: 'target' as const,
  start: 4,
  end: 11,
  category: 'Accuracy/Mistranslation',
  severity: 'major' as const,
  comment: 'council means the city council here',
  ...overrides,
});

describe('the review file of an article', () => {
  it('is not open while the article loads, then sits beside the article', async () => {
    const service = fx.service();
    const opened = value(await service.openArticle({ path: fx.article }));
    expect(value(await service.getReview({ reviewId: opened.reviewId }))).toBeNull();
    const view = await waitForReview(service, opened.reviewId);
    expect(view.reviewPath).toBe(join(fx.articles, 'ferry.redline'));
    expect(view.reviewLocation).toBe('beside-article');
    expect(existsSync(view.reviewPath)).toBe(true);
  });

  it('goes to the data folder when the article folder is not writable', async () => {
    const service = fx.service({ canWrite: async () => false });
    const view = await fx.open(service);
    expect(view.reviewLocation).toBe('data-folder');
    expect(dirname(view.reviewPath)).toBe(fx.dataDir);
    expect(readdirSync(fx.articles)).toEqual(['ferry.txt']);
  });

  it("the bundled sample's review never goes into the sample folder", async () => {
    const service = fx.service();
    const before = readdirSync(dirname(SAMPLE));
    try {
      const opened = value(await service.openSample({}));
      const view = await waitForReview(service, opened.reviewId);
      expect(view.reviewLocation).toBe('data-folder');
      expect(dirname(view.reviewPath)).toBe(fx.dataDir);
      expect(readdirSync(dirname(SAMPLE))).toEqual(before);
    } finally {
      // Should this ever fail, the app's own folder is left as it was found.
      await service.close();
      for (const name of readdirSync(dirname(SAMPLE))) if (!before.includes(name)) rmSync(join(dirname(SAMPLE), name), { force: true });
    }
  });

  it('a flag survives reopening the app with its category, severity, comment and rater', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    value(await first.setRater({ reviewId: review.reviewId, rater: 'Ana Lima' }));
    const flagged = value(await first.addAnnotation(flagOf(review.reviewId)));
    expect(flagged.annotations).toHaveLength(1);
    await first.close();

    const second = fx.service();
    const reopened = await fx.open(second);
    expect(reopened.annotations).toHaveLength(1);
    expect(reopened.annotations[0]).toMatchObject({
      paragraphId: 'p2',
      start: 4,
      end: 11,
      category: 'Accuracy/Mistranslation',
      severity: 'major',
      comment: 'council means the city council here',
      rater: 'Ana Lima',
      status: 'open',
      origin: { kind: 'person' },
    });
    expect(reopened.score.flags).toBe(1);
  });

  it('the name a reviewer sets becomes the rater of their next new review', async () => {
    const service = fx.service();
    const review = await fx.open(service);
    value(await service.setRater({ reviewId: review.reviewId, rater: 'Chen Yu' }));
    const other = join(fx.articles, 'other.txt');
    writeFileSync(other, 'Another short article.\n');
    const next = await fx.open(service, other);
    expect(next.rater).toBe('Chen Yu');
  });

  it('a torn last line is dropped and reported, and the review goes on', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    value(await first.addAnnotation(flagOf(review.reviewId)));
    await first.close();
    appendFileSync(review.reviewPath, '{"type":"annotation-removed","id":"');

    const second = fx.service();
    const reopened = await fx.open(second);
    expect(reopened.annotations).toHaveLength(1);
    expect(reopened.warnings.join(' ')).toMatch(/cut short/);
    const more = await viewAfter(second, second.addAnnotation(flagOf(reopened.reviewId, { paragraphId: 'p1', start: 0, end: 3 })));
    expect(more.annotations).toHaveLength(2);
    await second.close();
    expect(readFileSync(review.reviewPath, 'utf8')).not.toContain('"id":"\n');
  });

  it('a damaged review is reported with its line, the article still shows, and the file is left as it was', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    value(await first.addAnnotation(flagOf(review.reviewId)));
    value(await first.addAnnotation(flagOf(review.reviewId, { paragraphId: 'p1', start: 0, end: 3 })));
    await first.close();
    const lines = readFileSync(review.reviewPath, 'utf8').split('\n');
    lines[3] = 'this line is not an event';
    writeFileSync(review.reviewPath, lines.join('\n'));
    const bytes = readFileSync(review.reviewPath);

    const second = fx.service();
    const opened = value(await second.openArticle({ path: fx.article }));
    let answer = await second.getReview({ reviewId: opened.reviewId });
    for (let i = 0; i < 500 && answer.ok && answer.value === null; i++) {
      await new Promise((done) => setTimeout(done, 10));
      answer = await second.getReview({ reviewId: opened.reviewId });
    }
    expect(answer.ok ? 'opened' : answer.error.code).toBe('damaged');
    expect(answer.ok ? '' : answer.error.message).toMatch(/line 4/);
    expect(answer.ok ? [] : answer.error.remedies).toEqual(['recover', 'start-new']);
    const window = value(await second.readParagraphs({ reviewId: opened.reviewId, start: 0, end: 10 }));
    expect(window.paragraphs.map((p) => p.target)).toEqual(ARTICLE_PARAGRAPHS);
    const flagging = await second.addAnnotation(flagOf(opened.reviewId));
    expect(flagging.ok).toBe(false);
    await second.close();
    expect(readFileSync(review.reviewPath).equals(bytes)).toBe(true);

    // The reviewer chooses to recover: everything before the damage comes back, and the damaged file is kept.
    const third = fx.service();
    const again = value(await third.openArticle({ path: fx.article }));
    await waitForFailure(third, again.reviewId);
    const recovered = value(await third.resolveReview({ reviewId: again.reviewId, remedy: 'recover' }));
    expect(recovered.message).toMatch(
      /^2 changes before line 4 were recovered\. The damaged file is kept as ferry\.damaged-[0-9-]+\.redline\.$/,
    );
    const view = await waitForReview(third, again.reviewId);
    expect(view.annotations).toHaveLength(1);
    expect(view.warnings[0]).toBe(recovered.message);
    value(await third.addAnnotation(flagOf(again.reviewId)));
    await third.close();
    const kept = readdirSync(dirname(review.reviewPath)).find((n) => n.includes('.damaged-'))!;
    expect(readFileSync(join(dirname(review.reviewPath), kept)).equals(bytes)).toBe(true);
  });

  it('a damaged review can be set aside to start a new one, and the damaged file is kept', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    await first.close();
    writeFileSync(review.reviewPath, '');
    const second = fx.service();
    const opened = value(await second.openArticle({ path: fx.article }));
    const failure = await waitForFailure(second, opened.reviewId);
    expect(failure.message).toMatch(/ferry\.redline is empty/);
    const started = value(await second.resolveReview({ reviewId: opened.reviewId, remedy: 'start-new' }));
    expect(started.message).toMatch(/^A new review was started\. The damaged file is kept as ferry\.damaged-/);
    const view = await waitForReview(second, opened.reviewId);
    expect(view.annotations).toEqual([]);
    value(await second.addAnnotation(flagOf(opened.reviewId)));
    await second.close();
    expect(readdirSync(dirname(review.reviewPath)).filter((n) => n.includes('.damaged-'))).toHaveLength(1);
  });

  it('a read-only review file opens read-only (never an empty review), and the reviewer can continue in a copy', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    value(await first.addAnnotation(flagOf(review.reviewId)));
    await first.close();
    chmodSync(review.reviewPath, 0o444);
    const bytes = readFileSync(review.reviewPath);

    const second = fx.service();
    const opened = await fx.open(second);
    expect(opened.reviewPath).toBe(review.reviewPath);
    expect(opened.annotations).toHaveLength(1);
    expect(opened.readOnly).toMatchObject({ reason: 'read-only-file', remedies: ['copy'] });
    const refused = await second.addAnnotation(flagOf(opened.reviewId));
    expect(refused.ok ? 'saved' : refused.error.code).toBe('read-only');
    const copied = value(await second.resolveReview({ reviewId: opened.reviewId, remedy: 'copy' }));
    expect(copied.message).toMatch(/^The review continues in a copy, .*ferry-[0-9a-f]{12}\.redline; ferry\.redline was left as it is\.$/);
    const copy = await waitForReview(second, opened.reviewId);
    expect(copy.reviewLocation).toBe('data-folder');
    expect(copy.readOnly).toBeUndefined();
    value(await second.addAnnotation(flagOf(copy.reviewId)));
    await second.close();
    expect(readFileSync(review.reviewPath).equals(bytes)).toBe(true);

    // Opening the article again goes on in the copy, and says where the original is.
    const third = fx.service();
    const again = await fx.open(third);
    expect(again.reviewPath).toBe(copy.reviewPath);
    expect(again.annotations).toHaveLength(2);
    expect(again.warnings.join(' ')).toContain(`because ${review.reviewPath} could not be written`);
    await third.close();
  });

  it('a review beside an article in a read-only folder opens read-only there, not as an empty review elsewhere', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    value(await first.addAnnotation(flagOf(review.reviewId)));
    await first.close();
    const second = fx.service({ canWrite: async () => false });
    const opened = await fx.open(second);
    expect(opened.reviewPath).toBe(review.reviewPath);
    expect(opened.annotations).toHaveLength(1);
    expect(opened.readOnly).toMatchObject({ reason: 'read-only-folder', remedies: ['copy'] });
    await second.close();
  });

  it('a long review opened read-only is checked against the paragraphs as loaded, as one held is, not read back whole', async () => {
    // Over 4 MiB, a held review's header is checked against the loaded paragraphs instead of parsed back.
    const sentence = 'The harbour authority approved the new bridge on Tuesday, after months of debate. ';
    writeFileSync(fx.article, Array.from({ length: 7000 }, (_, i) => `${i + 1}. ${sentence.repeat(8)}`).join('\n\n'));
    const first = fx.service();
    const review = await fx.open(first);
    value(await first.addAnnotation(flagOf(review.reviewId)));
    await first.close();
    const open = vi.spyOn(ReviewJournal, 'open');
    try {
      const second = fx.service({ canWrite: async () => false });
      const opened = await fx.open(second);
      expect(opened.readOnly).toMatchObject({ reason: 'read-only-folder' });
      expect(opened.annotations).toHaveLength(1);
      const asked = open.mock.calls.at(-1)![1] as { readOnly?: unknown; expected?: Promise<{ paragraphs: unknown[] } | undefined> };
      expect(asked.readOnly).toBeDefined();
      expect((await asked.expected)?.paragraphs).toHaveLength(7000);
      await second.close();
    } finally {
      open.mockRestore();
    }
  });

  it('a second service on the same review opens it read-only, refuses every change, and loses nothing of the first', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    const second = fx.service();
    const other = await fx.open(second);
    expect(other.readOnly?.reason).toBe('locked');
    expect(other.readOnly?.message).toMatch(/\(process \d+, since \d\d:\d\d UTC\) has ferry\.redline open/);
    expect(other.readOnly?.remedies).toEqual(['take-over', 'copy']);
    const refused = await second.addAnnotation(flagOf(other.reviewId));
    expect(refused.ok ? 'saved' : refused.error.code).toBe('locked');
    const edit = await second.editParagraph({ reviewId: other.reviewId, paragraphId: 'p1', text: 'changed elsewhere' });
    expect(edit.ok ? 'saved' : edit.error.code).toBe('locked');
    // Taking over is refused while the holder runs.
    const early = await second.resolveReview({ reviewId: other.reviewId, remedy: 'take-over' });
    expect(early.ok ? 'taken' : early.error.code).toBe('locked');
    value(await first.addAnnotation(flagOf(review.reviewId)));
    await first.close();
    await second.close();
    const third = fx.service();
    const reopened = await fx.open(third);
    expect(reopened.readOnly).toBeUndefined();
    expect(reopened.annotations).toHaveLength(1);
    await third.close();
  });

  it('an article changed on disk keeps the review as it began, with a warning', async () => {
    const first = fx.service();
    const review = await fx.open(first);
    value(await first.addAnnotation(flagOf(review.reviewId)));
    await first.close();
    writeFileSync(fx.article, 'Someone rewrote the whole article.\n');

    const second = fx.service();
    const reopened = await fx.open(second);
    expect(reopened.warnings.join(' ')).toMatch(/changed on disk/);
    expect(reopened.annotations).toHaveLength(1);
    const window = value(await second.readParagraphs({ reviewId: reopened.reviewId, start: 0, end: 10 }));
    expect(window.paragraphs.map((p) => p.target)).toEqual(ARTICLE_PARAGRAPHS);
  });

  it('a long article reopens with its review whole, and one changed on disk keeps the review as it began', async () => {
    // Long enough (a review file over 4 MB) for its header to be made beside the loading and checked, a piece at a
    // time, against the review's on reopening.
    const texts = Array.from({ length: 40_000 }, (_, i) => `${ARTICLE_PARAGRAPHS[i % ARTICLE_PARAGRAPHS.length]!} (${i + 1})`);
    const long = join(fx.articles, 'long.txt');
    writeFileSync(long, `${texts.join('\n\n')}\n`);
    const first = fx.service();
    const review = await fx.open(first, long);
    value(await first.addAnnotation(flagOf(review.reviewId, { paragraphId: 'p5000' })));
    value(await first.editParagraph({ reviewId: review.reviewId, paragraphId: 'p6000', text: 'Edited.' }));
    await first.close();

    const second = fx.service();
    const reopened = await fx.open(second, long);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.annotations.map((a) => a.paragraphId)).toEqual(['p5000']);
    expect(reopened.drafts).toEqual({ p6000: 'Edited.' });
    await second.close();

    writeFileSync(long, `${texts.map((t, i) => (i === 3000 ? `${t} Changed.` : t)).join('\n\n')}\n`);
    const third = fx.service();
    const changed = await fx.open(third, long);
    expect(changed.warnings.join(' ')).toMatch(/changed on disk/);
    const window = value(await third.readParagraphs({ reviewId: changed.reviewId, start: 3000, end: 3001 }));
    expect(window.paragraphs[0]!.target).toBe(texts[3000]);
  });

  it('opening the same article again closes the earlier review and keeps its work', async () => {
    const service = fx.service();
    const first = await fx.open(service);
    const pending = service.addAnnotation(flagOf(first.reviewId));
    const second = await fx.open(service);
    expect((await pending).ok).toBe(true);
    expect(second.annotations).toHaveLength(1);
    expect((await service.getReview({ reviewId: first.reviewId })).ok).toBe(false);
    value(await service.addAnnotation(flagOf(second.reviewId, { paragraphId: 'p3', start: 0, end: 10 })));
    await service.close();
    const third = fx.service();
    expect((await fx.open(third)).annotations).toHaveLength(2);
  });

  it('opening the review file itself opens its article with the review, or says the article is gone', async () => {
    const service = fx.service();
    const first = await fx.open(service);
    value(await service.addAnnotation(flagOf(first.reviewId)));
    await service.close();
    const again = fx.service();
    const byReview = await fx.open(again, first.reviewPath);
    expect(byReview.annotations).toHaveLength(1);
    await again.close();
    rmSync(fx.article);
    const gone = await fx.service().openArticle({ path: first.reviewPath });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!gone.ok && gone.error.message).toMatch(/ferry\.txt, which is no longer there/);
  });
});

describe('flags', () => {
  it('undo removes a flag, redo brings it back, and with nothing to undo the answer says so', async () => {
    const service = fx.service();
    const review = await fx.open(service);
    const id = review.reviewId;
    expect(value(await service.addAnnotation(flagOf(id))).undoLabel).toBe('Undo flag');
    const undone = value(await service.undo({ reviewId: id }));
    expect(undone.annotations).toHaveLength(0);
    expect(undone.score.flags).toBe(0);
    expect(undone.redoLabel).toBe('Redo flag');
    expect(value(await service.redo({ reviewId: id })).annotations).toHaveLength(1);
    value(await service.undo({ reviewId: id }));
    const nothing = await service.undo({ reviewId: id });
    expect(nothing.ok ? 'undone' : nothing.error.code).toBe('conflict');
    expect(nothing.ok ? '' : nothing.error.message).toMatch(/nothing to undo/i);
  });

  it('a span outside the paragraph, an unknown paragraph or an unknown flag is refused by name', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const long = await service.addAnnotation(flagOf(reviewId, { paragraphId: 'p1', start: 10, end: 500 }));
    expect(long.ok ? '' : long.error.message).toMatch(/10-500 is outside the machine translation of paragraph 1/);
    const source = await service.addAnnotation(flagOf(reviewId, { side: 'source' }));
    expect(source.ok ? '' : source.error.message).toMatch(/no source text/);
    const missing = await service.changeAnnotation({ reviewId, id: 'no-such-flag', changes: { severity: 'minor' } });
    expect(missing.ok ? '' : `${missing.error.code} ${missing.error.message}`).toMatch(/^bad-request .*no-such-flag/);
    const omission = value(await service.addAnnotation(flagOf(reviewId, { start: 5, end: 5, category: 'Accuracy/Omission' })));
    expect(omission.annotations[0]).toMatchObject({ start: 5, end: 5 });
  });

  it('a flag answers with what changed, and the answer does not grow with the flags the review holds', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const first = value(await service.addAnnotation(flagOf(reviewId)));
    expect(first).toMatchObject({ type: 'delta', removed: [], drafts: {}, undoLabel: 'Undo flag', redoLabel: null });
    expect(first.annotations).toHaveLength(1);
    expect(first.paragraphScores.map((p) => [p.id, p.flags])).toEqual([['p2', 1]]);
    for (let i = 0; i < 300; i++) value(await service.addAnnotation(flagOf(reviewId, { comment: `flag ${i}` })));
    const later = value(await service.addAnnotation(flagOf(reviewId)));
    expect(later.score.flags).toBe(302);
    expect(later.paragraphScores[0]!.flags).toBe(302);
    // The same figures as the whole view, and about the size of the first answer.
    const view = value(await service.getReview({ reviewId }))!;
    expect(later.score).toEqual(view.score);
    expect(JSON.stringify(later).length).toBeLessThan(JSON.stringify(first).length + 100);
    const removed = value(await service.removeAnnotation({ reviewId, id: later.annotations[0]!.id }));
    expect(removed.removed).toEqual([later.annotations[0]!.id]);
    expect(removed.annotations).toEqual([]);
    const back = value(await service.undo({ reviewId }));
    expect(back.annotations.map((a) => a.id)).toEqual([later.annotations[0]!.id]);
    expect(back.redoLabel).toBe('Redo flag removal');
  });

  it('other windows hear each change as the same delta', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const heard: unknown[] = [];
    service.onEvent((e) => e.type === 'review-delta' && heard.push(e.delta));
    const answer = value(await service.addAnnotation(flagOf(reviewId)));
    expect(heard).toEqual([answer]);
  });

  it('the live score matches a score from scratch after flags are changed, dismissed, removed and undone', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const a = value(await service.addAnnotation(flagOf(reviewId))).annotations[0]!;
    value(
      await service.addAnnotation(
        flagOf(reviewId, { paragraphId: 'p1', start: 0, end: 3, severity: 'minor', category: 'Fluency/Grammar' }),
      ),
    );
    value(await service.changeAnnotation({ reviewId, id: a.id, changes: { severity: 'critical' } }));
    const c = value(await service.addAnnotation(flagOf(reviewId, { paragraphId: 'p3', start: 0, end: 10 }))).annotations[0]!;
    value(await service.changeAnnotation({ reviewId, id: c.id, changes: { status: 'dismissed' } }));
    value(await service.removeAnnotation({ reviewId, id: a.id }));
    const view = await viewAfter(service, service.undo({ reviewId }));
    const paragraphs = value(await service.readParagraphs({ reviewId, start: 0, end: 10 })).paragraphs;
    const options = { profile: 'mqm-core' as const, threshold: view.settings.passThreshold };
    expect(view.annotations).toHaveLength(3);
    expect(view.score).toEqual(scoreArticle(options, paragraphs, view.annotations));
    expect(value(await service.paragraphScore({ reviewId, paragraphId: 'p2' })).flags).toBe(1);

    const wmt = value(await service.changeSettings({ reviewId, scoringProfile: 'wmt', passThreshold: 90 }));
    expect(wmt.score).toEqual(scoreArticle({ profile: 'wmt', threshold: 90 }, paragraphs, view.annotations));
  });

  it('a custom typology is checked, used for scoring, and restored on reopening', async () => {
    const first = fx.service();
    const { reviewId } = await fx.open(first);
    const bad = join(fx.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'House', categories: [{ name: 'Accuracy', weight: 'heavy' }] }));
    const refused = await first.loadTypology({ reviewId, path: bad });
    expect(refused.ok ? '' : `${refused.error.code} ${refused.error.message}`).toMatch(/^parse-error bad\.json: categories\[0\]\.weight/);

    const good = join(fx.dir, 'house.json');
    writeFileSync(
      good,
      JSON.stringify({ name: 'House style', categories: [{ name: 'Accuracy', weight: 2, children: [{ name: 'Numbers' }] }] }),
    );
    const loaded = value(await first.loadTypology({ reviewId, path: good }));
    expect(loaded.typology.name).toBe('House style');
    expect(loaded.settings.typology).toBe('House style');
    const flagged = value(await first.addAnnotation(flagOf(reviewId, { category: 'Accuracy/Numbers', severity: 'minor' })));
    // Weight 2 doubles the minor penalty of 1.
    expect(flagged.score.mqm.penalty).toBe(2);
    await first.close();

    const second = fx.service();
    const reopened = await fx.open(second);
    expect(reopened.typology.name).toBe('House style');
    expect(reopened.score.mqm.penalty).toBe(2);
  });
});

describe('reopening a review with many flags', () => {
  it('scores every flag, added to the scorer a batch at a time, as a score from scratch does', async () => {
    const first = fx.service();
    const view = await fx.open(first);
    await first.close();
    const journal = await ReviewJournal.open(view.reviewPath);
    if (!journal.ok) throw new Error(journal.error.message);
    const severities = ['minor', 'major', 'critical'] as const;
    const appends = Array.from({ length: 4500 }, (_, i) =>
      journal.value.journal.append({
        type: 'annotation-added',
        annotation: {
          id: `many-${i}`,
          paragraphId: `p${1 + (i % ARTICLE_PARAGRAPHS.length)}`,
          side: 'target',
          start: 0,
          end: 2,
          category: i % 2 ? 'Accuracy/Mistranslation' : 'Fluency/Grammar',
          severity: severities[i % 3]!,
          comment: '',
          rater: i % 5 === 0 ? 'second rater' : 'first rater',
          origin: { kind: 'person' },
          status: 'open',
          created: '2026-01-01T00:00:00.000Z',
        },
      }),
    );
    await Promise.all(appends);
    await journal.value.journal.close();
    const second = fx.service();
    const reopened = await fx.open(second);
    expect(reopened.score.flags).toBe(4500);
    const paragraphs = value(
      await second.readParagraphs({ reviewId: reopened.reviewId, start: 0, end: ARTICLE_PARAGRAPHS.length }),
    ).paragraphs;
    expect(reopened.score).toEqual(
      scoreArticle({ profile: 'mqm-core', threshold: reopened.settings.passThreshold }, paragraphs, reopened.annotations),
    );
  });
});

describe('a review file that grew long', () => {
  it('is compacted on reopening, and keeps every draft, flag and undo step', async () => {
    const service = fx.service();
    const view = await fx.open(service);
    value(await service.addAnnotation(flagOf(view.reviewId)));
    // A long typing burst: one event per keystroke, all one undo step.
    let text = ARTICLE_PARAGRAPHS[0]!;
    for (let i = 0; i < 2100; i++) {
      text += i % 10 === 9 ? ' ' : 'x';
      value(await service.editParagraph({ reviewId: view.reviewId, paragraphId: 'p1', text, group: 'burst' }));
    }
    await service.close();
    const before = readFileSync(view.reviewPath, 'utf8').split('\n').length;

    const again = fx.service();
    const reopened = await fx.open(again);
    await again.close();
    const after = readFileSync(view.reviewPath, 'utf8').split('\n').length;
    expect(before).toBeGreaterThan(2100);
    expect(after).toBeLessThan(10);

    const third = fx.service();
    const last = await fx.open(third);
    expect(last.drafts.p1).toBe(text);
    expect(last.annotations).toEqual(reopened.annotations);
    expect(last.undoLabel).toBe(reopened.undoLabel);
    value(await third.undo({ reviewId: last.reviewId }));
    expect(value(await third.getReview({ reviewId: last.reviewId }))!.drafts.p1).toBeUndefined();
  });
});

describe('a file dropped on the browser window', () => {
  it('is kept per content: the same file finds its review again, another file of the same name gets its own', async () => {
    const service = fx.service();
    const drop = async (text: string) => {
      const opened = value(await service.openDropped({ name: 'dropped.txt', base64: Buffer.from(text).toString('base64') }));
      return waitForReview(service, opened.reviewId);
    };
    const first = await drop('First article.\n\nIt has two paragraphs.\n');
    value(await service.addAnnotation(flagOf(first.reviewId, { paragraphId: 'p1', start: 0, end: 5 })));
    const other = await drop('Another article with the same file name.\n');
    expect(other.annotations).toHaveLength(0);
    expect(other.reviewPath).not.toBe(first.reviewPath);
    const again = await drop('First article.\n\nIt has two paragraphs.\n');
    expect(again.annotations).toHaveLength(1);
    expect(again.reviewPath).toBe(first.reviewPath);
  });
});

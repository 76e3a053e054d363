import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleEditRate, compareRows } from '../../shared/diff/compare-rows';
import { ARTICLE_PARAGRAPHS, ServiceFixture, value, viewAfter, waitForReview } from './service-fixture';

let fx: ServiceFixture;
beforeEach(() => {
  fx = new ServiceFixture();
});
afterEach(() => fx.cleanup());

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const ARTICLE_WORDS = ARTICLE_PARAGRAPHS.reduce((n, p) => n + words(p), 0);
/** Paragraph 2 with one word replaced ("council" → "city"). */
const CORRECTED = ARTICLE_PARAGRAPHS[1]!.replace('council', 'city');

async function editedReview() {
  const service = fx.service();
  const { reviewId } = await fx.open(service);
  return { service, reviewId };
}

describe('post-editing and versions', () => {
  it('an edit is durable at once, and saving it makes version 1 with its counts and edit rate', async () => {
    const { service, reviewId } = await editedReview();
    const edited = value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: CORRECTED, group: 'burst-1' }));
    expect(edited.unsaved).toBe(1);
    expect(edited.seq).toBeGreaterThan(0);
    expect(value(await service.getReview({ reviewId }))!.drafts).toEqual({ p2: CORRECTED });

    const saved = await viewAfter(service, service.saveVersion({ reviewId, message: '' }));
    expect(saved.unsaved).toBe(0);
    expect(saved.versions.map((v) => v.number)).toEqual([0, 1]);
    const v1 = saved.versions[1]!;
    expect(v1.message).toBe('Version 1');
    expect(v1.author).toBe(saved.rater);
    expect(v1.changedFromPrevious).toBe(1);
    expect(v1.changedFromMachine).toBe(1);
    // One substituted word over every word of the article (the others unchanged).
    expect(v1.ter?.edits).toBe(1);
    expect(v1.ter?.refWords).toBe(ARTICLE_WORDS);
    expect(saved.versions[0]!.ter?.edits).toBe(0);

    const again = await service.saveVersion({ reviewId, message: 'nothing new' });
    expect(again.ok ? 'saved' : again.error.code).toBe('conflict');
  });

  it('a version and the drafts survive reopening the app', async () => {
    const { service, reviewId } = await editedReview();
    value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: CORRECTED }));
    value(await service.saveVersion({ reviewId, message: 'First pass' }));
    value(await service.editParagraph({ reviewId, paragraphId: 'p3', text: 'Passengers can take the bus.' }));
    await service.close();
    const reopened = await fx.open(fx.service());
    expect(reopened.versions.map((v) => v.message)).toEqual(['Machine translation', 'First pass']);
    expect(reopened.drafts).toEqual({ p2: CORRECTED, p3: 'Passengers can take the bus.' });
    expect(reopened.unsaved).toBe(1);
  });

  it('comparing the machine translation with the current text shows the edited word', async () => {
    const { service, reviewId } = await editedReview();
    value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: CORRECTED }));
    const window = value(await service.compare({ reviewId, left: 0, right: 'current', level: 'word', start: 0, end: 10 }));
    expect(window.total).toBe(3);
    expect(window.changedIndices).toEqual([1]);
    expect(window.counts).toEqual({ same: 2, changed: 1, added: 0, removed: 0 });
    const row = window.rows[1]!;
    expect(row.status).toBe('changed');
    expect(row.diff!.segments.filter((s) => s.kind !== 'same').map((s) => `${s.kind}:${s.text}`)).toEqual([
      'delete:council',
      'insert:city',
    ]);
    expect(window.ter.edits).toBe(1);
    // The article's edit rate is the one the diff module gives for the whole comparison.
    const machine = ARTICLE_PARAGRAPHS.map((text, i) => ({ id: `p${i + 1}`, text }));
    const current = machine.map((p) => (p.id === 'p2' ? { ...p, text: CORRECTED } : p));
    expect(window.ter).toEqual(articleEditRate(compareRows(machine, current)));

    // The working text changes: the comparison follows it.
    value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: ARTICLE_PARAGRAPHS[1]! }));
    const after = value(await service.compare({ reviewId, left: 0, right: 'current', level: 'word', start: 0, end: 10 }));
    expect(after.changedIndices).toEqual([]);
    const unknown = await service.compare({ reviewId, left: 0, right: 4, level: 'word', start: 0, end: 10 });
    expect(unknown.ok ? '' : unknown.error.message).toMatch(/no version 4/);
  });

  it('a flag whose words were corrected in version 1 is marked fixed in version 1', async () => {
    const { service, reviewId } = await editedReview();
    const target = ARTICLE_PARAGRAPHS[1]!;
    const at = target.indexOf('council');
    const fixedFlag = value(
      await service.addAnnotation({
        reviewId,
        paragraphId: 'p2',
        side: 'target',
        start: at,
        end: at + 7,
        category: 'Terminology',
        severity: 'minor',
        comment: '',
      }),
    );
    const other = target.indexOf('new bridge');
    value(
      await service.addAnnotation({
        reviewId,
        paragraphId: 'p2',
        side: 'target',
        start: other,
        end: other + 10,
        category: 'Style',
        severity: 'minor',
        comment: '',
      }),
    );
    value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: CORRECTED }));
    const beforeSave = value(await service.compare({ reviewId, left: 0, right: 'current', level: 'word', start: 0, end: 10 }));
    expect(beforeSave.flags.every((f) => f.fixedInVersion === undefined)).toBe(true);

    value(await service.saveVersion({ reviewId, message: 'terms' }));
    const window = value(await service.compare({ reviewId, left: 0, right: 1, level: 'word', start: 0, end: 10 }));
    const byId = new Map(window.flags.map((f) => [f.annotation.id, f.fixedInVersion]));
    expect(byId.get(fixedFlag.annotations[0]!.id)).toBe(1);
    expect([...byId.values()].filter((v) => v === undefined)).toHaveLength(1);
    const fromV1 = value(await service.compare({ reviewId, left: 1, right: 'current', level: 'word', start: 0, end: 10 }));
    expect(fromV1.flags.every((f) => f.fixedInVersion === undefined)).toBe(true);
  });

  it('reverting the article to the machine translation restores it, and undo brings the edits back', async () => {
    const { service, reviewId } = await editedReview();
    value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: CORRECTED }));
    value(await service.editParagraph({ reviewId, paragraphId: 'p3', text: 'Use the east bank bus.' }));
    value(await service.saveVersion({ reviewId, message: 'edits' }));
    // Each answer says which drafts changed (null: back to the machine translation).
    const reverted = value(await service.revertArticle({ reviewId, version: 0 }));
    expect(reverted.drafts).toEqual({ p2: null, p3: null });
    expect(reverted.undoLabel).toBe('Undo article revert');
    expect(value(await service.getReview({ reviewId }))!.drafts).toEqual({});
    const undone = value(await service.undo({ reviewId }));
    expect(undone.drafts).toEqual({ p2: CORRECTED, p3: 'Use the east bank bus.' });

    const one = value(await service.revertParagraph({ reviewId, paragraphId: 'p3', version: 0 }));
    expect(one.drafts).toEqual({ p3: null });
    expect(value(await service.getReview({ reviewId }))!.drafts).toEqual({ p2: CORRECTED });
  });
});

describe('a reopened review with large saved versions', () => {
  it('opens before their edit rates are worked out, then has the same rates and says so', async () => {
    const article = join(fx.articles, 'long.txt');
    const texts = Array.from({ length: 800 }, (_, i) => `Paragraph ${i + 1} of the harbour report says the council will meet again.`);
    writeFileSync(article, `${texts.join('\n\n')}\n`);
    const first = fx.service();
    const { reviewId } = await fx.open(first, article);
    for (let i = 0; i < 400; i++) {
      value(await first.editParagraph({ reviewId, paragraphId: `p${i * 2 + 1}`, text: texts[i * 2]!.replace('council', 'city') }));
    }
    const saved = await viewAfter(first, first.saveVersion({ reviewId, message: 'city' }));
    expect(saved.versions[1]!.ter?.edits).toBe(400);
    for (const n of [2, 4, 6]) value(await first.editParagraph({ reviewId, paragraphId: `p${n}`, text: `Paragraph ${n} was rewritten.` }));
    for (const n of [8, 10]) {
      value(
        await first.addAnnotation({
          reviewId,
          paragraphId: `p${n}`,
          side: 'target',
          start: 0,
          end: 9,
          category: 'Accuracy/Mistranslation',
          severity: 'minor',
          comment: '',
        }),
      );
    }
    await first.close();

    const second = fx.service();
    const changed: string[] = [];
    second.onEvent((e) => e.type === 'review-changed' && changed.push(e.reviewId));
    const opened = value(await second.openArticle({ path: article }));
    const first1 = await waitForReview(second, opened.reviewId);
    // Known at once: the version and its counts; its edit rate may still be on its way.
    expect(first1.versions[1]).toMatchObject({ number: 1, message: 'city', changedFromMachine: 400, changedFromPrevious: 400 });
    // The first view, made a part at a time as the review opened, has the flags and the drafts since the version.
    expect(first1.annotations.map((a) => a.paragraphId)).toEqual(['p8', 'p10']);
    expect(Object.keys(first1.drafts).length).toBe(403);
    expect(first1.drafts.p4).toBe('Paragraph 4 was rewritten.');
    expect(first1.unsaved).toBe(3);
    for (let i = 0; i < 200 && value(await second.getReview({ reviewId: opened.reviewId }))!.versions[1]!.ter === undefined; i++) {
      await new Promise((done) => setTimeout(done, 10));
    }
    const later = value(await second.getReview({ reviewId: opened.reviewId }))!;
    expect(later.versions[1]!.ter).toEqual(saved.versions[1]!.ter);
    // The page hears that the review changed once the rates are known, and asks for it again.
    expect(changed.filter((id) => id === opened.reviewId).length).toBeGreaterThanOrEqual(2);
  });
});

describe('export', () => {
  it('writes the corrected text as plain text and as Markdown', async () => {
    const { service, reviewId } = await editedReview();
    value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: CORRECTED }));
    const out = join(fx.dir, 'out');
    mkdirSync(out);
    const txt = value(await service.exportArticle({ reviewId, format: 'txt', path: join(out, 'ferry.txt') }));
    expect(txt.paragraphs).toBe(3);
    expect(readFileSync(txt.path, 'utf8')).toBe(`${[ARTICLE_PARAGRAPHS[0], CORRECTED, ARTICLE_PARAGRAPHS[2]].join('\n\n')}\n`);
    const machine = value(await service.exportArticle({ reviewId, version: 0, format: 'md', path: join(out, 'ferry.md') }));
    expect(readFileSync(machine.path, 'utf8')).toContain(ARTICLE_PARAGRAPHS[1]!);

    const review = value(await service.getReview({ reviewId }))!;
    const over = await service.exportArticle({ reviewId, format: 'txt', path: review.reviewPath });
    expect(over.ok ? '' : over.error.message).toMatch(/review file itself/);
    const nowhere = await service.exportArticle({ reviewId, format: 'txt', path: join(fx.dir, 'missing', 'x.txt') });
    expect(nowhere.ok ? '' : nowhere.error.code).toBe('not-found');
  });
});

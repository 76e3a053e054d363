import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readXliff } from '../../shared/formats/xliff/xliff-reader';
import { ServiceFixture, waitForReview } from './service-fixture';

const FIXTURES = join(import.meta.dirname, '..', '..', 'shared', 'formats', 'xliff', 'fixtures');

describe('an XLIFF article under review', () => {
  const fixtures: ServiceFixture[] = [];
  afterEach(async () => {
    for (const f of fixtures.splice(0)) await f.cleanup();
  });

  async function openXliff(name: string) {
    const fx = new ServiceFixture();
    fixtures.push(fx);
    const path = join(fx.articles, name);
    copyFileSync(join(FIXTURES, name), path);
    const service = fx.service();
    const opened = await service.openArticle({ path });
    if (!opened.ok) throw new Error(opened.error.message);
    const review = await waitForReview(service, opened.value.reviewId);
    return { fx, service, path, reviewId: opened.value.reviewId, review, article: opened.value.article };
  }

  it('opens with the units as paragraphs, source beside target, and the quality issues of the file as flags', async () => {
    const { service, reviewId, review, article } = await openXliff('xliff20-its.xlf');
    expect(article.format).toBe('xliff');
    const window = await service.readParagraphs({ reviewId, start: 0, end: 10 });
    if (!window.ok) throw new Error(window.error.message);
    expect(window.value.paragraphs.map((p) => p.ref)).toEqual(['room1', 'room2', 'room3', 'room4']);
    expect(window.value.paragraphs[0]!.source).toMatch(/^Welcome to the /);
    expect(window.value.paragraphs[0]!.notes).toEqual(['Sign at the entrance of the east wing.']);
    expect(window.value.paragraphs[0]!.codes?.map((c) => c.label)).toEqual(['<1>', '</1>', '{2}']);
    expect(review.annotations.map((a) => [a.paragraphId, a.category, a.severity, a.status])).toEqual([
      ['p1', 'Linguistic conventions/Grammar', 'minor', 'open'],
      ['p2', 'Linguistic conventions/Spelling', 'critical', 'open'],
      ['p2', 'Terminology/Wrong term', 'minor', 'dismissed'],
      ['p3', 'Accuracy/Omission', 'major', 'open'],
    ]);
  });

  it('exports the original file unchanged when nothing was edited, and with the corrected target when one was', async () => {
    const { fx, service, path, reviewId } = await openXliff('xliff12-codes.xlf');
    const same = join(fx.dir, 'same.xlf');
    const written = await service.exportArticle({ reviewId, format: 'xliff', path: same });
    expect(written.ok).toBe(true);
    expect(readFileSync(same, 'utf8')).toBe(readFileSync(path, 'utf8'));

    const window = await service.readParagraphs({ reviewId, start: 0, end: 1 });
    if (!window.ok) throw new Error(window.error.message);
    const text = window.value.paragraphs[0]!.target.replace('neun', 'einundzwanzig');
    expect((await service.editParagraph({ reviewId, paragraphId: 'p1', text })).ok).toBe(true);
    const edited = join(fx.dir, 'edited.xlf');
    expect((await service.exportArticle({ reviewId, format: 'xliff', path: edited })).ok).toBe(true);
    const again = readXliff('edited.xlf', readFileSync(edited, 'utf8'));
    expect(again.units[0]!.target).toBe(text);
    expect(again.units[0]!.segments[0]!.state).toBe('translated');
    expect(again.units.slice(1).map((u) => u.target)).toEqual(
      readXliff('o.xlf', readFileSync(path, 'utf8'))
        .units.slice(1)
        .map((u) => u.target),
    );
  });

  it('exports XLIFF 2.1 with every flag, which opens again with the same flags', async () => {
    const { fx, service, reviewId, review } = await openXliff('xliff20-its.xlf');
    const out = join(fx.dir, 'museum.its.xlf');
    expect((await service.exportArticle({ reviewId, format: 'xliff-its', path: out })).ok).toBe(true);
    const second = fx.service();
    const opened = await second.openArticle({ path: out });
    if (!opened.ok) throw new Error(opened.error.message);
    const reopened = await waitForReview(second, opened.value.reviewId);
    const key = (a: (typeof review.annotations)[number]) =>
      [a.paragraphId, a.side, a.start, a.end, a.category, a.severity, a.comment, a.status].join('|');
    expect(reopened.annotations.map(key).sort()).toEqual(review.annotations.map(key).sort());
  });

  it('names the languages of the XLIFF article in the XLIFF 2.1 made of it, from the start of the file in its own encoding', async () => {
    const { fx, service, path, reviewId } = await openXliff('xliff12-codes.xlf');
    const out = join(fx.dir, 'harbour.its.xlf');
    expect((await service.exportArticle({ reviewId, format: 'xliff-its', path: out })).ok).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/<xliff [^>]*srcLang="en" trgLang="de"/);
    // The same file in UTF-16, with a long unit after the start that is read: the languages come all the same.
    const text = readFileSync(path, 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const wide = join(fx.articles, 'wide.xlf');
    const long = `<trans-unit id="long"><source>${'Tide. '.repeat(20_000)}</source><target>${'Flut. '.repeat(20_000)}</target></trans-unit>`;
    writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('</body>', `${long}</body>`), 'utf16le')]));
    const opened = await service.openArticle({ path: wide });
    if (!opened.ok) throw new Error(opened.error.message);
    await waitForReview(service, opened.value.reviewId);
    const wideOut = join(fx.dir, 'wide.its.xlf');
    expect((await service.exportArticle({ reviewId: opened.value.reviewId, format: 'xliff-its', path: wideOut })).ok).toBe(true);
    expect(readFileSync(wideOut, 'utf8')).toMatch(/<xliff [^>]*srcLang="en" trgLang="de"/);
  });

  it('refuses the same-format export for an article that did not come as XLIFF', async () => {
    const fx = new ServiceFixture();
    fixtures.push(fx);
    const service = fx.service();
    const review = await fx.open(service);
    const r = await service.exportArticle({ reviewId: review.reviewId, format: 'xliff', path: join(fx.dir, 'x.xlf') });
    expect(r.ok).toBe(false);
  });

  it('refuses to record a correction that cuts a tag in half, naming the tag, and keeps the last good text', async () => {
    const { service, reviewId } = await openXliff('xliff12-codes.xlf');
    const broken = await service.editParagraph({ reviewId, paragraphId: 'p1', text: 'Die Fähre fährt um \ue000neun Uhr ab.' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toMatch(/<\/1> was removed but <1> was kept/);
    const review = await service.getReview({ reviewId });
    if (!review.ok) throw new Error(review.error.message);
    expect(review.value?.drafts['p1']).toBeUndefined();
    expect((await service.editParagraph({ reviewId, paragraphId: 'p1', text: 'Die Fähre fährt um neun Uhr ab.' })).ok).toBe(true);
  });
});

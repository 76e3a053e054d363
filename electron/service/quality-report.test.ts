import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceFixture, value, viewAfter } from './service-fixture';

let fx: ServiceFixture;
beforeEach(() => {
  fx = new ServiceFixture();
});
afterEach(() => fx.cleanup());

describe('the quality report of an open review', () => {
  it('has exactly the score panel’s figures, under every profile, and the version panel’s edit rates', async () => {
    const service = fx.service();
    const view = await fx.open(service);
    const reviewId = view.reviewId;
    const flag = { reviewId, side: 'target' as const, comment: '' };
    await viewAfter(
      service,
      service.addAnnotation({ ...flag, paragraphId: 'p1', start: 0, end: 3, category: 'Accuracy/Mistranslation', severity: 'major' }),
    );
    await viewAfter(
      service,
      service.addAnnotation({
        ...flag,
        paragraphId: 'p2',
        start: 1,
        end: 4,
        category: 'Linguistic conventions/Punctuation',
        severity: 'minor',
      }),
    );
    value(await service.editParagraph({ reviewId, paragraphId: 'p2', text: 'A corrected second paragraph.' }));
    value(await service.saveVersion({ reviewId, message: 'first pass' }));

    for (const scoringProfile of ['mqm-core', 'wmt', 'wmt-legacy'] as const) {
      const now = value(await service.changeSettings({ reviewId, scoringProfile }));
      const report = value(await service.qualityReport({ reviewId }));
      expect(report.profile.id).toBe(scoringProfile);
      expect(report.score.perParagraph).toBe(now.score.wmt.score);
      expect(report.score.quality).toBe(now.score.mqm.quality);
      expect(report.score.pass).toBe(now.score.mqm.pass);
      expect(report.score.errorsPerThousandWords).toBe(now.score.mqm.errorsPerThousandWords);
      expect(report.score.flags).toBe(now.score.flags);
      expect(report.versions.map((v) => [v.number, v.ter, v.changedFromMachine])).toEqual(
        now.versions.map((v) => [v.number, v.ter?.ter, v.changedFromMachine]),
      );
    }
  });

  it('is refused for a review that is not open', async () => {
    const service = fx.service();
    const r = await service.qualityReport({ reviewId: 'nothing-open' });
    expect(r.ok).toBe(false);
  });
});

/** Suggestions through the service: offered after the review opens, accepted as flags, dismissed for good, undone. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestionList } from '../../shared/contract';
import type { ReviewService } from './review-service';
import { ServiceFixture, value, waitForReview } from './service-fixture';

let fx: ServiceFixture;
afterEach(async () => fx.cleanup());

async function suggestionsOf(service: ReviewService, reviewId: string): Promise<SuggestionList> {
  for (let i = 0; i < 500; i++) {
    const list = value(await service.listSuggestions({ reviewId }));
    if (!list.checking && list.suggestions.length > 0) return list;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no suggestions arrived');
}

async function openSample(heard: string[] = []): Promise<{ service: ReviewService; reviewId: string }> {
  fx = new ServiceFixture();
  const service = fx.service();
  service.onEvent((e) => {
    if (e.type === 'suggestions-changed') heard.push(e.reviewId);
  });
  const opened = value(await service.openSample({}));
  await waitForReview(service, opened.reviewId);
  return { service, reviewId: opened.reviewId };
}

describe('suggestions', () => {
  it('the sample is offered its planted number, untranslated and fused-sentence errors, and an event says so', async () => {
    const heard: string[] = [];
    const { service, reviewId } = await openSample(heard);
    const list = await suggestionsOf(service, reviewId);
    expect(heard).toContain(reviewId);
    const texts = list.suggestions.map((s) => `${s.paragraphId} ${s.check} ${s.text}`);
    expect(texts).toContain('p3 numbers 34 million');
    expect(texts).toContain('p11 untranslated 看看海，是她年轻时从来没有想过的事。');
    expect(texts.some((t) => t.startsWith('p7 sentences'))).toBe(true);
  });

  it('accepting a suggestion makes a flag by the reviewer with the check as its origin; undo offers it again', async () => {
    const { service, reviewId } = await openSample();
    const list = await suggestionsOf(service, reviewId);
    const numbers = list.suggestions.find((s) => s.text === '34 million')!;
    const delta = value(await service.acceptSuggestions({ reviewId, ids: [numbers.id] }));
    const flag = delta.annotations[0]!;
    expect(flag).toMatchObject({
      paragraphId: 'p3',
      start: numbers.start,
      end: numbers.end,
      category: 'Accuracy/Mistranslation',
      origin: { kind: 'check', check: 'numbers' },
    });
    expect(flag.rater).toBe(value(await service.getReview({ reviewId }))!.rater);
    expect(value(await service.listSuggestions({ reviewId })).suggestions.some((s) => s.id === numbers.id)).toBe(false);
    value(await service.undo({ reviewId }));
    expect(value(await service.listSuggestions({ reviewId })).suggestions.some((s) => s.id === numbers.id)).toBe(true);
  });

  it('a dismissed suggestion is never offered again, even after the app reopens the review', async () => {
    const { service, reviewId } = await openSample();
    const list = await suggestionsOf(service, reviewId);
    const target = list.suggestions.find((s) => s.check === 'untranslated')!;
    value(await service.dismissSuggestions({ reviewId, ids: [target.id] }));
    expect(value(await service.listSuggestions({ reviewId })).suggestions.some((s) => s.id === target.id)).toBe(false);
    await service.close();
    const again = fx.service();
    const reopened = value(await again.openSample({}));
    await waitForReview(again, reopened.reviewId);
    const after = await suggestionsOf(again, reopened.reviewId);
    expect(after.suggestions.some((s) => s.id === target.id)).toBe(false);
    expect(after.suggestions.length).toBe(list.suggestions.length - 1);
  });

  it('all of one check are accepted in one step, and a check turned off offers nothing', async () => {
    const { service, reviewId } = await openSample();
    const list = await suggestionsOf(service, reviewId);
    const numbers = list.suggestions.filter((s) => s.check === 'numbers');
    const delta = value(await service.acceptSuggestions({ reviewId, ids: numbers.map((s) => s.id) }));
    expect(delta.annotations.length).toBe(numbers.length);
    expect(delta.undoLabel).toBe(`Undo ${numbers.length} flags`);
    value(await service.changeSettings({ reviewId, checksOff: ['untranslated'] }));
    expect(value(await service.listSuggestions({ reviewId })).suggestions.some((s) => s.check === 'untranslated')).toBe(false);
  });

  it('all of a check on a long article are accepted, undone and dismissed as one step each, written in parts', async () => {
    fx = new ServiceFixture();
    const service = fx.service();
    // 6,000 paragraphs whose numbers differ from their source's: one number suggestion each.
    const target = join(fx.articles, 'long.en.txt');
    const source = join(fx.articles, 'long.zh.txt');
    const count = 6000;
    writeFileSync(
      target,
      `${Array.from({ length: count }, (_, i) => `The ferry carried ${(i + 2) * 10} passengers on trip ${i + 1}.`).join('\n\n')}\n`,
    );
    writeFileSync(source, `${Array.from({ length: count }, (_, i) => `第${i + 1}趟渡轮载客${i + 2}人。`).join('\n\n')}\n`);
    const opened = value(await service.openArticle({ path: target, sourcePath: source }));
    const reviewId = opened.reviewId;
    await waitForReview(service, reviewId);
    const numbers = (await suggestionsOf(service, reviewId)).suggestions.filter((s) => s.check === 'numbers');
    expect(numbers.length).toBeGreaterThanOrEqual(count);
    const ids = numbers.map((s) => s.id);
    const events: string[] = [];
    service.onEvent((e) => events.push(e.type === 'review-delta' ? `delta of ${e.delta.annotations.length}` : e.type));

    const accepted = value(await service.acceptSuggestions({ reviewId, ids }));
    // Other windows are told to read the review again, not sent thousands of flags in one event.
    expect(events).toContain('review-changed');
    expect(events.filter((e) => e.startsWith('delta of'))).toEqual([]);
    expect(accepted.annotations.length).toBe(numbers.length);
    expect(accepted.undoLabel).toBe(`Undo ${numbers.length} flags`);
    expect(accepted.score.flags).toBe(numbers.length);
    // Every flagged paragraph's figures, once each, as they stand after the last part.
    expect(accepted.paragraphScores.length).toBe(new Set(numbers.map((s) => s.paragraphId)).size);
    expect(accepted.paragraphScores.find((p) => p.id === 'p1')?.flags).toBe(numbers.filter((s) => s.paragraphId === 'p1').length);
    const view = value(await service.getReview({ reviewId }))!;
    const lines = readFileSync(view.reviewPath, 'utf8').split('\n');
    // Written as several events, each of a part, all of one group.
    const parts = lines.filter((l) => l.includes('"type":"annotations-added"'));
    expect(parts.length).toBeGreaterThan(2);
    expect(new Set(parts.map((l) => /"group":"([^"]+)"/.exec(l)?.[1])).size).toBe(1);

    const undone = value(await service.undo({ reviewId }));
    expect(undone.score.flags).toBe(0);
    expect(value(await service.listSuggestions({ reviewId })).suggestions.filter((s) => s.check === 'numbers').length).toBe(numbers.length);

    value(await service.dismissSuggestions({ reviewId, ids }));
    expect(value(await service.listSuggestions({ reviewId })).suggestions.some((s) => s.check === 'numbers')).toBe(false);
    value(await service.undo({ reviewId }));
    expect(value(await service.listSuggestions({ reviewId })).suggestions.filter((s) => s.check === 'numbers').length).toBe(numbers.length);
  });

  it('a span the reviewer flagged by hand is no longer suggested', async () => {
    const { service, reviewId } = await openSample();
    const list = await suggestionsOf(service, reviewId);
    const numbers = list.suggestions.find((s) => s.text === '34 million')!;
    value(
      await service.addAnnotation({
        reviewId,
        paragraphId: 'p3',
        side: 'target',
        start: numbers.start,
        end: numbers.end + 5,
        category: 'Accuracy/Mistranslation',
        severity: 'critical',
        comment: '',
      }),
    );
    expect(value(await service.listSuggestions({ reviewId })).suggestions.some((s) => s.id === numbers.id)).toBe(false);
  });

  it('an edit that removes the cause takes the suggestion away', async () => {
    const { service, reviewId } = await openSample();
    const list = await suggestionsOf(service, reviewId);
    const p11 = list.suggestions.find((s) => s.paragraphId === 'p11')!;
    const text = value(await service.readParagraphs({ reviewId, start: 10, end: 11 })).paragraphs[0]!.target;
    value(
      await service.editParagraph({
        reviewId,
        paragraphId: 'p11',
        text: text.replace(p11.text, 'look out at the sea was something she had never imagined.'),
      }),
    );
    expect(
      value(await service.listSuggestions({ reviewId })).suggestions.some((s) => s.paragraphId === 'p11' && s.check === 'untranslated'),
    ).toBe(false);
  });
});

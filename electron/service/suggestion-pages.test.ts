/** The suggestion list read a page at a time, as the app reads a long article's. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../shared/contract';
import { ServiceFixture, value, waitForReview } from './service-fixture';

let fx: ServiceFixture;
afterEach(async () => fx.cleanup());

describe('suggestions in pages', () => {
  it('pages of two give the whole list in order with its total; a page past the end is empty; a dismissal shows on the next page read', async () => {
    fx = new ServiceFixture();
    const service = fx.service();
    const { reviewId } = value(await service.openSample({}));
    await waitForReview(service, reviewId);
    let whole = value(await service.listSuggestions({ reviewId }));
    for (let i = 0; i < 500 && (whole.checking || whole.suggestions.length === 0); i++) {
      await new Promise((r) => setTimeout(r, 10));
      whole = value(await service.listSuggestions({ reviewId }));
    }
    expect(whole.total).toBe(whole.suggestions.length);
    expect(whole.total).toBeGreaterThan(2);

    const paged: Suggestion[] = [];
    for (let offset = 0; offset < whole.total; offset += 2) {
      const page = value(await service.listSuggestions({ reviewId, offset, limit: 2 }));
      expect(page).toMatchObject({ total: whole.total, offset });
      expect(page.suggestions.length).toBe(Math.min(2, whole.total - offset));
      paged.push(...page.suggestions);
    }
    expect(paged).toEqual(whole.suggestions);
    expect(value(await service.listSuggestions({ reviewId, offset: whole.total, limit: 2 })).suggestions).toEqual([]);

    value(await service.dismissSuggestions({ reviewId, ids: [whole.suggestions[0]!.id] }));
    const first = value(await service.listSuggestions({ reviewId, offset: 0, limit: 2 }));
    expect(first.total).toBe(whole.total - 1);
    expect(first.suggestions[0]).toEqual(whole.suggestions[1]);
  });

  it('a request for a page is checked at the boundary: no negative offset, no empty page', async () => {
    const { requestSchemas } = await import('../../shared/contract');
    const schema = requestSchemas.listSuggestions;
    expect(schema.safeParse({ reviewId: 'r', offset: -1, limit: 2 }).success).toBe(false);
    expect(schema.safeParse({ reviewId: 'r', offset: 0, limit: 0 }).success).toBe(false);
    expect(schema.safeParse({ reviewId: 'r', offset: 10, limit: 500 }).success).toBe(true);
    fx = new ServiceFixture();
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceFixture, value } from './service-fixture';

let fx: ServiceFixture;
beforeEach(() => {
  fx = new ServiceFixture();
});
afterEach(() => fx.cleanup());

const bridge = { text: 'bridge', scope: 'target', matchCase: false, wholeWord: false } as const;
const start = { paragraph: 0, side: 'target', offset: 0 } as const;

/** An article of `count` paragraphs where paragraph k (1-based) mentions "the bridge" when `has(k)`. */
function longArticle(count: number, has: (k: number) => boolean): string {
  const path = join(fx.articles, 'long.txt');
  const parts = Array.from({ length: count }, (_, i) =>
    has(i + 1) ? `Paragraph ${i + 1} is about the Bridge and the bridge.` : `Paragraph ${i + 1} is about the road.`,
  );
  writeFileSync(path, `${parts.join('\n\n')}\n`);
  return path;
}

describe('find in the whole article', () => {
  it('finds a match far below the screen, then counts all and says which one it is', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(
      service,
      longArticle(8_000, (k) => k % 2_000 === 0),
    );
    const first = value(await service.findMatch({ reviewId, query: bridge, from: start, direction: 1, inclusive: true }));
    expect(first.match).toMatchObject({ paragraph: 1_999, paragraphId: 'p2000', side: 'target', start: 28, end: 34 });
    const count = value(await service.countMatches({ reviewId, query: bridge }));
    expect(count).toMatchObject({ total: 8, paragraphs: 4 });
    const again = value(await service.findMatch({ reviewId, query: bridge, from: start, direction: 1, inclusive: true }));
    expect(again).toMatchObject({ ordinal: 1, total: 8 });
    // Back from the first match wraps around to the last one.
    const last = value(
      await service.findMatch({
        reviewId,
        query: bridge,
        from: { paragraph: 1_999, side: 'target', offset: 28 },
        direction: -1,
        inclusive: false,
      }),
    );
    expect(last).toMatchObject({ match: { paragraphId: 'p8000', start: 43 }, ordinal: 8, total: 8 });
  });

  it('searches the current text: a draft is found, the machine translation it replaced is not', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const ferry = { ...bridge, text: 'ferry' };
    expect(value(await service.countMatches({ reviewId, query: ferry })).total).toBe(1);
    value(await service.editParagraph({ reviewId, paragraphId: 'p1', text: 'The river boat will stop running.' }));
    value(await service.editParagraph({ reviewId, paragraphId: 'p3', text: 'A ferry, and another ferry.' }));
    expect(value(await service.countMatches({ reviewId, query: ferry }))).toMatchObject({ total: 2, paragraphs: 1 });
    const found = value(await service.findMatch({ reviewId, query: ferry, from: start, direction: 1, inclusive: true }));
    expect(found).toMatchObject({ match: { paragraphId: 'p3', start: 2, end: 7 }, ordinal: 1, total: 2 });
  });

  it('says so when nothing matches, and names a paragraph outside the article', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const tunnel = { ...bridge, text: 'tunnel' };
    expect(value(await service.findMatch({ reviewId, query: tunnel, from: start, direction: 1, inclusive: true })).match).toBeNull();
    const outside = await service.findMatch({
      reviewId,
      query: tunnel,
      from: { paragraph: 9, side: 'target', offset: 0 },
      direction: 1,
      inclusive: true,
    });
    expect(outside.ok ? 'found' : outside.error.message).toBe('Find cannot start at paragraph 10: the article has 3.');
  });
});

describe('replace', () => {
  it('counts again, in the background, the paragraphs a Replace all changed, then those its undo changed back', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(
      service,
      longArticle(3_000, (k) => k % 3 === 0),
    );
    const bridges = value(await service.countMatches({ reviewId, query: bridge }));
    expect(bridges).toMatchObject({ total: 2_000, paragraphs: 1_000 });
    const all = value(await service.replaceAll({ reviewId, query: { ...bridge, matchCase: true }, replacement: 'ferry' }));
    expect(all).toMatchObject({ replaced: 1_000, paragraphs: 1_000 });
    expect(value(await service.countMatches({ reviewId, query: bridge }))).toMatchObject({ total: 1_000, paragraphs: 1_000 });
    value(await service.undo({ reviewId }));
    expect(value(await service.countMatches({ reviewId, query: bridge }))).toMatchObject({ total: 2_000, paragraphs: 1_000 });
    const first = value(await service.findMatch({ reviewId, query: bridge, from: start, direction: 1, inclusive: true }));
    expect(first).toMatchObject({ match: { paragraphId: 'p3', start: 25 }, ordinal: 1, total: 2_000 });
  });

  it('replaces one match, then every other one as one edit that one undo takes back', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    const the = { text: 'the', scope: 'both', matchCase: false, wholeWord: true } as const;
    const one = value(await service.replaceMatch({ reviewId, query: the, paragraphId: 'p1', start: 0, end: 3, replacement: 'A' }));
    expect(one).toMatchObject({ replaced: 1, paragraphs: 1 });
    expect(one.delta.drafts).toEqual({ p1: 'A river ferry will stop running at the end of the month.' });
    expect(one.delta.undoLabel).toBe('Undo replacement');

    const all = value(await service.replaceAll({ reviewId, query: the, replacement: 'this' }));
    expect(all).toMatchObject({ replaced: 6, paragraphs: 3 });
    expect(all.delta.undoLabel).toBe('Undo replace all');
    const view = value(await service.getReview({ reviewId }))!;
    expect(view.drafts).toEqual({
      p1: 'A river ferry will stop running at this end of this month.',
      p2: 'this council said this old boat costs too much to repair and a new bridge will replace it next year.',
      p3: 'Passengers can use this bus service on this east bank until then.',
    });

    const undone = value(await service.undo({ reviewId }));
    expect(undone.drafts).toEqual({ p1: 'A river ferry will stop running at the end of the month.', p2: null, p3: null });
    // The saved version holds the replacements, as any edit: its diff from the machine translation shows them.
    value(await service.redo({ reviewId }));
    const saved = value(await service.saveVersion({ reviewId, message: 'Replaced the' }));
    expect(saved.versions?.[1]).toMatchObject({ changedFromMachine: 3 });
    const compared = value(await service.compare({ reviewId, left: 0, right: 1, level: 'word', start: 0, end: 3 }));
    expect(compared.counts.changed).toBe(3);
  });

  it('a replacement survives reopening the review, as one step still to undo', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(service);
    value(await service.replaceAll({ reviewId, query: { ...bridge, text: 'bus' }, replacement: 'tram' }));
    await service.close();
    const again = fx.service();
    const reopened = await fx.open(again);
    expect(reopened.drafts).toEqual({ p3: 'Passengers can use the tram service on the east bank until then.' });
    expect(reopened.undoLabel).toBe('Undo replace all');
  });

  it('never touches the source, refuses a match that moved, and refuses on a review open read-only, saying why', async () => {
    const first = fx.service();
    const { reviewId } = await fx.open(first);
    const sourceOnly = await first.replaceAll({ reviewId, query: { ...bridge, scope: 'source' }, replacement: 'x' });
    expect(sourceOnly.ok ? 'replaced' : sourceOnly.error.message).toMatch(/translation only, never the source/);
    const moved = await first.replaceMatch({ reviewId, query: bridge, paragraphId: 'p2', start: 0, end: 6, replacement: 'x' });
    expect(moved.ok ? 'replaced' : moved.error.message).toMatch(/no longer at 0-6 of paragraph 2/);
    const none = await first.replaceAll({ reviewId, query: { ...bridge, text: 'tunnel' }, replacement: 'x' });
    expect(none.ok ? 'replaced' : none.error.message).toMatch(/Nothing was replaced: “tunnel” is not in the translation/);

    const second = fx.service();
    const other = await fx.open(second);
    const refused = await second.replaceAll({ reviewId: other.reviewId, query: bridge, replacement: 'tunnel' });
    expect(refused.ok ? 'replaced' : refused.error.code).toBe('locked');
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^Nothing was replaced: this review is open read-only\. .*has ferry\.redline open/,
    );
  });
});

describe('undo and redo of a replace all of many paragraphs', () => {
  it('undo gives back the review as it was before, redo as it was after, each one step, and both survive reopening', async () => {
    const service = fx.service();
    const path = longArticle(1_500, (k) => k % 3 !== 0);
    const { reviewId } = await fx.open(service, path);
    value(await service.editParagraph({ reviewId, paragraphId: 'p1', text: 'Paragraph 1 was about the bridge.' }));
    value(await service.editParagraph({ reviewId, paragraphId: 'p3', text: 'Paragraph 3 is about the bridge now.' }));
    const view = async () => {
      const { drafts, unsaved, undoLabel, redoLabel } = value(await service.getReview({ reviewId }))!;
      return { drafts, unsaved, undoLabel, redoLabel };
    };
    const before = await view();
    const all = value(await service.replaceAll({ reviewId, query: bridge, replacement: 'tunnel' }));
    expect(all).toMatchObject({ replaced: 2_000, paragraphs: 1_001 });
    const after = await view();
    expect(after.drafts['p3']).toBe('Paragraph 3 is about the tunnel now.');

    const undone = value(await service.undo({ reviewId }));
    expect(undone.draftsToRead).toHaveLength(1_001);
    expect({ ...(await view()), redoLabel: undefined }).toEqual({ ...before, redoLabel: undefined });
    expect((await view()).redoLabel).toBe('Redo replace all');
    value(await service.redo({ reviewId }));
    expect(await view()).toEqual(after);
    value(await service.undo({ reviewId }));
    const undoneAgain = await view();
    await service.close();

    const again = fx.service();
    const reopened = await fx.open(again, path);
    expect(reopened.drafts).toEqual(undoneAgain.drafts);
    expect(reopened.drafts).toEqual(before.drafts);
    value(await again.redo({ reviewId: reopened.reviewId }));
    expect(value(await again.getReview({ reviewId: reopened.reviewId }))!.drafts).toEqual(after.drafts);
  });
});

describe('replace all and the automatic checks', () => {
  it('re-checks every paragraph it changed, in slices, and then tells listeners once', async () => {
    const path = join(fx.articles, 'doubled.txt');
    const parts = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 1} says the the bridge opens on Sunday.`);
    writeFileSync(path, `${parts.join('\n\n')}\n`);
    const service = fx.service();
    const { reviewId } = await fx.open(service, path);
    const doubled = async () => {
      for (let i = 0; i < 500; i++) {
        const list = value(await service.listSuggestions({ reviewId }));
        if (!list.checking) return list.suggestions.filter((s) => s.text.toLowerCase() === 'the the').length;
        await new Promise((done) => setTimeout(done, 10));
      }
      throw new Error('the checks did not finish');
    };
    expect(await doubled()).toBe(400);
    let heard = 0;
    service.onEvent((e) => {
      if (e.type === 'suggestions-changed') heard += 1;
    });
    const query = { text: 'the the', scope: 'target', matchCase: false, wholeWord: true } as const;
    const all = value(await service.replaceAll({ reviewId, query, replacement: 'the' }));
    expect(all).toMatchObject({ replaced: 400, paragraphs: 400 });
    for (let i = 0; i < 500 && heard === 0; i++) await new Promise((done) => setTimeout(done, 10));
    expect(heard).toBe(1);
    expect(await doubled()).toBe(0);
  });
});

describe('the answer to a replace all of many paragraphs', () => {
  it('names the paragraphs without their texts, which are read a page at a time; so does its undo', async () => {
    const service = fx.service();
    const { reviewId } = await fx.open(
      service,
      longArticle(1_200, () => true),
    );
    const all = value(await service.replaceAll({ reviewId, query: bridge, replacement: 'tunnel' }));
    expect(all).toMatchObject({ replaced: 2_400, paragraphs: 1_200 });
    expect(all.delta.drafts).toEqual({});
    expect(all.delta.draftsToRead).toHaveLength(1_200);
    expect(all.delta.unsaved).toBe(1_200);
    const page = value(await service.readDrafts({ reviewId, ids: all.delta.draftsToRead!.slice(0, 2) }));
    expect(page).toEqual({
      seq: all.delta.seq,
      drafts: { p1: 'Paragraph 1 is about the tunnel and the tunnel.', p2: 'Paragraph 2 is about the tunnel and the tunnel.' },
    });
    const undone = value(await service.undo({ reviewId }));
    expect(undone.draftsToRead).toHaveLength(1_200);
    expect(value(await service.readDrafts({ reviewId, ids: ['p1'] })).drafts).toEqual({ p1: null });
    // A replacement of a few paragraphs carries its texts as before.
    const one = value(
      await service.replaceAll({ reviewId, query: { ...bridge, text: 'Paragraph 7 is' }, replacement: 'Paragraph seven is' }),
    );
    expect(one.delta.draftsToRead).toBeUndefined();
    expect(one.delta.drafts).toEqual({ p7: 'Paragraph seven is about the Bridge and the bridge.' });
  });
});

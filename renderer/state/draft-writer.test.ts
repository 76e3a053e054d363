import { describe, expect, it } from 'vitest';
import type { Failure, Result } from '../../shared/result';
import { DraftWriter, newEditGroup, type DraftEdit } from './draft-writer';

type Ack = { readonly seq: number; readonly unsaved: number };

/** A service whose answers the test releases one by one, recording what it was sent. */
function fakeService() {
  const sent: DraftEdit[] = [];
  const pending: ((r: Result<Ack>) => void)[] = [];
  let seq = 0;
  const send = (req: DraftEdit): Promise<Result<Ack>> => {
    sent.push(req);
    return new Promise((resolve) => pending.push(resolve));
  };
  const answer = async (failure?: Failure) => {
    const resolve = pending.shift();
    if (!resolve) throw new Error('no call in flight');
    resolve(failure ? { ok: false, error: failure } : { ok: true, value: { seq: ++seq, unsaved: 1 } });
    await new Promise((r) => setTimeout(r, 0));
  };
  return { sent, pending, send, answer };
}

const edit = (paragraphId: string, text: string, group = 'g1'): DraftEdit => ({ reviewId: 'r', paragraphId, text, group });

describe('sending typed text to the service', () => {
  it('sends the first keystroke at once and the rest of a burst as one latest text', async () => {
    const s = fakeService();
    const w = new DraftWriter(s.send);
    w.write(edit('p1', 'T'));
    w.write(edit('p1', 'Th'));
    w.write(edit('p1', 'The'));
    w.write(edit('p1', 'The c'));
    expect(s.sent.map((e) => e.text)).toEqual(['T']);
    await s.answer();
    expect(s.sent.map((e) => e.text)).toEqual(['T', 'The c']);
    await s.answer();
    expect(s.sent).toHaveLength(2);
    expect(w.statusOf('r', 'p1')).toMatchObject({ kind: 'saved', seq: 2 });
  });

  it('never has two calls in flight and keeps the order of paragraphs as last typed', async () => {
    const s = fakeService();
    const w = new DraftWriter(s.send);
    w.write(edit('p1', 'a'));
    w.write(edit('p2', 'b'));
    w.write(edit('p3', 'c'));
    w.write(edit('p2', 'bb'));
    expect(s.pending).toHaveLength(1);
    await s.answer();
    expect(s.pending).toHaveLength(1);
    await s.answer();
    await s.answer();
    expect(s.sent.map((e) => `${e.paragraphId}:${e.text}`)).toEqual(['p1:a', 'p3:c', 'p2:bb']);
  });

  it('keeps two editing sessions of one paragraph apart, so each stays its own undo step', async () => {
    const s = fakeService();
    const w = new DraftWriter(s.send);
    w.write(edit('p1', 'x', 'g0'));
    w.write(edit('p1', 'first session', 'g1'));
    w.write(edit('p1', 'second session', 'g2'));
    await s.answer();
    await s.answer();
    await s.answer();
    expect(s.sent.map((e) => `${e.group}:${e.text}`)).toEqual(['g0:x', 'g1:first session', 'g2:second session']);
  });

  it('shows saving until the last text of the paragraph is acknowledged', async () => {
    const s = fakeService();
    const w = new DraftWriter(s.send);
    w.write(edit('p1', 'a'));
    w.write(edit('p1', 'ab'));
    expect(w.statusOf('r', 'p1').kind).toBe('saving');
    await s.answer();
    expect(w.statusOf('r', 'p1').kind).toBe('saving');
    await s.answer();
    expect(w.statusOf('r', 'p1').kind).toBe('saved');
  });

  it('reports a failed write with the service message and retries it before newer edits', async () => {
    const s = fakeService();
    const saved: string[] = [];
    const w = new DraftWriter(s.send, (e) => saved.push(e.text));
    w.write(edit('p1', 'one'));
    await s.answer({ code: 'io-error', message: 'Could not write review.redline: disk full' });
    expect(w.statusOf('r', 'p1')).toEqual({
      kind: 'failed',
      error: { code: 'io-error', message: 'Could not write review.redline: disk full' },
    });
    expect(w.busy).toBe(false);
    w.write(edit('p2', 'two'));
    await s.answer();
    await s.answer();
    expect(s.sent.map((e) => e.text)).toEqual(['one', 'one', 'two']);
    expect(saved).toEqual(['one', 'two']);
    expect(w.statusOf('r', 'p1').kind).toBe('saved');
  });

  it('does not resend a text the service refused as invalid', async () => {
    const s = fakeService();
    const w = new DraftWriter(s.send);
    w.write(edit('p1', 'bad'));
    await s.answer({ code: 'bad-request', message: 'Invalid request to editParagraph (text): too long' });
    w.retry();
    expect(s.sent).toHaveLength(1);
    expect(w.statusOf('r', 'p1').kind).toBe('failed');
  });

  it('turns a transport that throws into a failure instead of losing the queue', async () => {
    const sent: string[] = [];
    const w = new DraftWriter(async (req) => {
      sent.push(req.text);
      if (sent.length === 1) throw new Error('channel closed');
      return { ok: true, value: { seq: 1, unsaved: 1 } };
    });
    w.write(edit('p1', 'a'));
    await w.flush();
    expect(w.statusOf('r', 'p1')).toMatchObject({ kind: 'failed', error: { message: expect.stringContaining('channel closed') } });
    w.retry();
    await w.flush();
    expect(w.statusOf('r', 'p1').kind).toBe('saved');
  });

  it('lets an action wait until every queued edit is durable', async () => {
    const s = fakeService();
    const w = new DraftWriter(s.send);
    w.write(edit('p1', 'a'));
    w.write(edit('p2', 'b'));
    let flushed = false;
    const done = w.flush().then(() => (flushed = true));
    await s.answer();
    expect(flushed).toBe(false);
    await s.answer();
    await done;
    expect(flushed).toBe(true);
  });

  it('makes editing-session keys that differ and fit the contract', () => {
    const a = newEditGroup();
    const b = newEditGroup();
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(64);
  });
});

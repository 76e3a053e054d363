import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleAnnotation, sampleHeader } from '../../shared/journal/sample-review';
import { decisionsOf, EMPTY_PLAN, withChoice, withMerge } from '../../shared/report/adjudication-plan';
import { decisionsFileText } from '../../shared/report/adjudication-decisions';
import type { Command } from '../cli/command';
import { commands } from '../cli/commands';
import { writeReviewFile } from '../test-support/review-files';
import { readReviewFile } from './read-review';
import type { ReviewService } from './review-service';
import { ServiceFixture, value, waitForReview } from './service-fixture';

let fx: ServiceFixture;
let service: ReviewService;
let reviewId: string;
let reviewPath: string;

/** A review file's text without what differs from one writing to the next: the times, and the checksums over them. */
function timeless(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\{"crc32":"[0-9a-f]{8}",/g, '{')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'TIME');
}

beforeEach(async () => {
  fx = new ServiceFixture();
  service = fx.service();
  const view = await fx.open(service);
  reviewId = view.reviewId;
  reviewPath = view.reviewPath;
  value(await service.setRater({ reviewId, rater: 'Ana' }));
  // Ana: "ferry" in p1 a minor mistranslation, "costs too much" in p2 minor.
  value(
    await service.addAnnotation({
      reviewId,
      paragraphId: 'p1',
      side: 'target',
      start: 10,
      end: 15,
      category: 'Accuracy/Mistranslation',
      severity: 'minor',
      comment: '',
    }),
  );
  value(
    await service.addAnnotation({
      reviewId,
      paragraphId: 'p2',
      side: 'target',
      start: 29,
      end: 43,
      category: 'Fluency/Grammar',
      severity: 'minor',
      comment: 'clumsy',
    }),
  );
  const { header } = value(await readReviewFile(reviewPath)).state;
  // Ben agrees on p1 and calls p2 critical, over an overlapping span; he also flags p3.
  await writeReviewFile(join(fx.dir, 'ben.redline'), header, [
    { type: 'rater-set', rater: 'Ben' },
    { type: 'annotation-added', annotation: sampleAnnotation('b1', 'p1', { rater: 'Ben', start: 10, end: 15, severity: 'minor' }) },
    { type: 'annotation-added', annotation: sampleAnnotation('b2', 'p2', { rater: 'Ben', start: 34, end: 52, severity: 'critical' }) },
    { type: 'annotation-added', annotation: sampleAnnotation('b3', 'p3', { rater: 'Ben', start: 0, end: 10, severity: 'minor' }) },
  ]);
});
afterEach(() => fx.cleanup());

describe('adjudication in the app', () => {
  it('adds another rater’s review and lists the paragraph where they disagree most first, with both raters’ flags', async () => {
    const view = value(await service.adjudicationAdd({ reviewId, path: join(fx.dir, 'ben.redline') }));
    expect(view.reviews.map((r) => [r.label, r.reviewer, r.flags])).toEqual([
      ['ferry.redline', 'Ana', 2],
      ['ben.redline', 'Ben', 3],
    ]);
    expect(view.paragraphs.map((p) => p.number)).toEqual([2, 3, 1]);
    expect(view.paragraphs[0]!.flags.map((f) => [f.rater, f.severity, f.start, f.end])).toEqual([
      ['Ana', 'minor', 29, 43],
      ['Ben', 'critical', 34, 52],
    ]);
    // Identical flags know each other: left undecided they become one.
    expect(view.paragraphs[2]!.flags.map((f) => f.sameAs.length)).toEqual([1, 1]);
  });

  it('refuses a review of another article naming both, a file that is not a review, and the same review twice', async () => {
    await writeReviewFile(join(fx.dir, 'other.redline'), sampleHeader(3, 'budget.txt'), [{ type: 'rater-set', rater: 'Cy' }]);
    const other = await service.adjudicationAdd({ reviewId, path: join(fx.dir, 'other.redline') });
    expect(!other.ok && other.error.message).toBe(
      'other.redline is a review of budget.txt, not of ferry.txt (the article of ferry.redline); only reviews of one article can be adjudicated together.',
    );
    writeFileSync(join(fx.dir, 'notes.redline'), 'Just some notes.\n');
    const notes = await service.adjudicationAdd({ reviewId, path: join(fx.dir, 'notes.redline') });
    expect(!notes.ok && notes.error.message).toMatch(/^notes\.redline could not be added: .*notes\.redline/);
    // A damaged review: a changed byte is named by its line.
    const damaged = readFileSync(join(fx.dir, 'ben.redline'), 'utf8').split('\n');
    damaged[2] = damaged[2]!.replace('"b1"', '"b9"');
    writeFileSync(join(fx.dir, 'damaged.redline'), damaged.join('\n'));
    const broken = await service.adjudicationAdd({ reviewId, path: join(fx.dir, 'damaged.redline') });
    expect(!broken.ok && broken.error.message).toMatch(/^damaged\.redline could not be added: .*line 3/);
    value(await service.adjudicationAdd({ reviewId, path: join(fx.dir, 'ben.redline') }));
    const twice = await service.adjudicationAdd({ reviewId, path: join(fx.dir, 'ben.redline') });
    expect(!twice.ok && twice.error.message).toContain('already among the reviews to adjudicate');
    const itself = await service.adjudicationAdd({ reviewId, path: reviewPath });
    expect(!itself.ok && itself.error.message).toContain('the open review itself');
  });

  it('takes a review uploaded from a browser page as it takes one by path', async () => {
    const base64 = readFileSync(join(fx.dir, 'ben.redline')).toString('base64');
    const view = value(await service.adjudicationAdd({ reviewId, upload: { name: 'ben.redline', base64 } }));
    expect(view.reviews.map((r) => r.label)).toEqual(['ferry.redline', 'ben.redline']);
    expect(view.paragraphs[0]!.flags.map((f) => f.ref)).toContain('ben.redline#b2');
  });

  it('saves a new review stamped adjudicated, the same file the command line makes from the same decisions, which opens like any review', async () => {
    const view = value(await service.adjudicationAdd({ reviewId, path: join(fx.dir, 'ben.redline') }));
    const flags = view.paragraphs.flatMap((p) => p.flags);
    const flag = (ref: string) => flags.find((f) => f.ref === ref)!;
    const anas = (paragraphId: string) => flags.find((f) => f.rater === 'Ana' && f.paragraphId === paragraphId)!.ref;
    const merged = value(withMerge(EMPTY_PLAN, [flag(anas('p2')), flag('ben.redline#b2')], 'Accuracy/Mistranslation', 'major'));
    const plan = withChoice(withChoice(merged, 'ben.redline#b3', 'drop'), anas('p1'), 'keep');
    const decisions = decisionsOf(plan, view.paragraphs);

    const saved = value(await service.adjudicationSave({ reviewId, decisions, adjudicator: 'Lead' }));
    expect(saved).toMatchObject({ location: 'data-folder', flags: 3, merged: 1 });
    expect(saved.path).toBe(join(fx.dataDir, 'adjudicated', 'ferry.adjudicated.redline'));

    // Never over an existing file: a path given that exists is refused; the data folder picks a new name.
    const over = await service.adjudicationSave({ reviewId, decisions, adjudicator: 'Lead', path: join(fx.dir, 'ben.redline') });
    expect(!over.ok && over.error.message).toContain('always a new file');
    expect(value(await service.adjudicationSave({ reviewId, decisions, adjudicator: 'Lead' })).path).toBe(
      join(fx.dataDir, 'adjudicated', 'ferry.adjudicated-2.redline'),
    );

    writeFileSync(join(fx.dir, 'decisions.json'), decisionsFileText(decisions));
    const adjudicateCommand = commands.find((c) => c.name === 'adjudicate') as Command;
    let stderr = '';
    const status = await adjudicateCommand.run(
      [reviewPath, 'ben.redline', '--decisions', 'decisions.json', '--adjudicator', 'Lead', '--out', 'cli.redline'],
      {
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
        cwd: fx.dir,
      },
    );
    expect(stderr).toContain('3 flags (1 merged)');
    expect(status).toBe(0);
    expect(timeless(join(fx.dir, 'cli.redline'))).toBe(timeless(saved.path));

    const opened = value(await service.openArticle({ path: saved.path }));
    const review = await waitForReview(service, opened.reviewId);
    expect(review.reviewPath).toBe(saved.path);
    expect(review.rater).toBe('Lead (adjudicated)');
    expect(review.annotations.map((a) => [a.paragraphId, a.start, a.end, a.severity, a.rater, a.comment])).toEqual([
      ['p2', 29, 52, 'major', 'Ana + Ben', `clumsy — Merged from ${anas('p2')}, ben.redline#b2`],
      ['p1', 10, 15, 'minor', 'Ana', `Kept from ${anas('p1')}`],
      ['p1', 10, 15, 'minor', 'Ben', 'Kept from ben.redline#b1'],
    ]);
    expect(existsSync(reviewPath)).toBe(true);
  });
});

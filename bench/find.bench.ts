/**
 * Find and Replace over a long article, timed where the reviewer waits: at a client of the browser host (from
 * sending the request to holding the parsed answer, with the page's event stream open), on a generated news
 * article of 100,000 paragraphs (English with about one paragraph in ten in Chinese, see article-generator.ts).
 * Searches start half-way down the article, where a reviewer at work usually is. The service's event loop is
 * watched the whole time: its longest block is the longest any other request would have waited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FoundMatch, MatchCount, ReplaceResult } from '../shared/contract';
import { startBrowserHost } from '../electron/host/browser-host';
import { writeArticle } from './article-generator';
import { benchServiceOptions, hostClient, openTimed, startedService } from './review-client';
import { median, type BenchSection, type Figure } from './report';

const PARAGRAPHS = 100_000;
/** Where the searches start: paragraph 50,001. */
const FROM = { paragraph: 50_000, side: 'target', offset: 0 } as const;
/** Next-match steps timed once the count is done. */
const STEPS = 50;

/** Phrases a reviewer looks for, from common to rare, in English and Chinese, with and without options. */
const QUERIES = [
  { label: 'a common word, "council"', text: 'council', scope: 'target', matchCase: false, wholeWord: false },
  { label: 'a phrase, "the sea wall"', text: 'the sea wall', scope: 'target', matchCase: false, wholeWord: false },
  { label: 'a whole word, "plan" (not "plans")', text: 'plan', scope: 'target', matchCase: false, wholeWord: true },
  { label: 'Chinese, "港口管理局"', text: '港口管理局', scope: 'target', matchCase: false, wholeWord: false },
  { label: 'a word in every paragraph, "the"', text: 'the', scope: 'target', matchCase: false, wholeWord: true },
] as const;

/**
 * Watches the event loop with a timer every millisecond: the longest gap between two ticks is the longest block,
 * in wall time and in this process's CPU time over the same gap (on a machine shared with other work, the wall
 * time also counts the time the process waited for a core).
 */
function watchLoop() {
  let wall = 0;
  let cpu = 0;
  let lastAt = performance.now();
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const used = process.cpuUsage(lastCpu);
    wall = Math.max(wall, now - lastAt);
    cpu = Math.max(cpu, (used.user + used.system) / 1000);
    lastAt = now;
    lastCpu = process.cpuUsage();
  }, 1);
  return {
    stop(): { wall: number; cpu: number } {
      clearInterval(timer);
      return { wall, cpu };
    },
  };
}

export const section: BenchSection = {
  title: `Find and replace in a long article (${PARAGRAPHS.toLocaleString('en')} paragraphs)`,
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'redline-bench-find-'));
    const file = join(dir, 'long.txt');
    const options = benchServiceOptions(dir);
    try {
      writeArticle(file, { seed: 41, paragraphs: PARAGRAPHS });
      const service = await startedService(options);
      const { view } = await openTimed(service, file);
      const reviewId = view.reviewId;
      // The automatic checks run over the article once its review opens; searches are timed after they finished,
      // as a reviewer searches while reading, not in the first seconds after opening a 100,000-paragraph article.
      for (;;) {
        const list = await service.listSuggestions({ reviewId });
        if (list.ok && !list.value.checking) break;
        await new Promise((done) => setTimeout(done, 50));
      }
      const host = await startBrowserHost({ service, staticDir: dir, port: 0 });
      const client = hostClient(host);
      // An anchor for this machine's speed at this moment: the same request that does no searching.
      const anchor: number[] = [];
      for (let i = 0; i < 20; i++) anchor.push((await client.call('readParagraphs', { reviewId, start: 0, end: 1 })).ms);

      const figures: Figure[] = [{ name: 'a request that does not search, median (anchor)', value: median(anchor), unit: 'ms' }];
      const loop = watchLoop();
      for (const q of QUERIES) {
        const query = { text: q.text, scope: q.scope, matchCase: q.matchCase, wholeWord: q.wholeWord };
        // The bar asks for the nearest match and for the count together, as the page does.
        const t0 = performance.now();
        const counting = client.call('countMatches', { reviewId, query });
        const first = await client.call('findMatch', { reviewId, query, from: FROM, direction: 1, inclusive: true });
        const counted = await counting;
        const countMs = performance.now() - t0;
        const found = first.value as FoundMatch;
        const count = counted.value as MatchCount;
        if (!found.match) throw new Error(`${q.text} was not found`);
        figures.push({
          name: `first match of ${q.label}`,
          value: first.ms,
          unit: 'ms',
          target: { op: '<=', value: 100 },
          note: `in paragraph ${(found.match.paragraph + 1).toLocaleString('en')}`,
        });
        figures.push({
          name: `  every match counted`,
          value: countMs,
          unit: 'ms',
          target: { op: '<=', value: 1000 },
          note: `${count.total.toLocaleString('en')} in ${count.paragraphs.toLocaleString('en')} paragraphs`,
        });
      }
      // Stepping once counted: each answer says which match it is.
      const stepQuery = { text: 'the sea wall', scope: 'target', matchCase: false, wholeWord: false };
      await client.call('countMatches', { reviewId, query: stepQuery });
      let at: FoundMatch = (await client.call('findMatch', { reviewId, query: stepQuery, from: FROM, direction: 1, inclusive: true }))
        .value as FoundMatch;
      const steps: number[] = [];
      for (let i = 0; i < STEPS; i++) {
        const m = at.match!;
        const r = await client.call('findMatch', {
          reviewId,
          query: stepQuery,
          from: { paragraph: m.paragraph, side: m.side, offset: m.start },
          direction: 1,
          inclusive: false,
        });
        steps.push(r.ms);
        at = r.value as FoundMatch;
        if (at.ordinal === undefined) throw new Error('a step after counting did not say which match it was');
      }
      figures.push({
        name: `next match once counted, median of ${STEPS} (says "N of M")`,
        value: median(steps),
        unit: 'ms',
        target: { op: '<=', value: 20 },
      });
      const finding = loop.stop();
      figures.push({
        name: 'longest event-loop block while finding and counting (CPU)',
        value: finding.cpu,
        unit: 'ms',
        target: { op: '<=', value: 50 },
      });
      figures.push({
        name: 'longest event-loop block while finding and counting (wall)',
        value: finding.wall,
        unit: 'ms',
        note: 'includes waiting for a core',
      });

      // Replace all: one edit of every paragraph holding the phrase, acknowledged once it is on disk. First a name
      // in a few thousand paragraphs, then a phrase in a quarter of the article.
      const nameQuery = { text: 'Priya Natarajan said', scope: 'target', matchCase: true, wholeWord: true };
      const naming = watchLoop();
      const renamed = await client.call('replaceAll', { reviewId, query: nameQuery, replacement: 'Priya Natarajan stated' });
      const nameBlock = naming.stop();
      const renamedResult = renamed.value as ReplaceResult;
      figures.push({
        name: 'replace all of a name, acknowledged at the client',
        value: renamed.ms,
        unit: 'ms',
        note: `${renamedResult.replaced.toLocaleString('en')} matches in ${renamedResult.paragraphs.toLocaleString('en')} paragraphs`,
      });
      figures.push({
        name: '  longest event-loop block meanwhile (CPU)',
        value: nameBlock.cpu,
        unit: 'ms',
        target: { op: '<=', value: 50 },
      });
      const replacing = watchLoop();
      const replaced = await client.call('replaceAll', { reviewId, query: stepQuery, replacement: 'the new sea wall' });
      const replaceBlock = replacing.stop();
      const result = replaced.value as ReplaceResult;
      figures.push({
        name: 'replace all in a quarter of the article, acknowledged',
        value: replaced.ms,
        unit: 'ms',
        note: `${result.replaced.toLocaleString('en')} matches in ${result.paragraphs.toLocaleString('en')} paragraphs; answer ${(replaced.bytes / 1e6).toFixed(1)} MB`,
      });
      figures.push({
        name: '  longest event-loop block meanwhile (CPU)',
        value: replaceBlock.cpu,
        unit: 'ms',
        target: { op: '<=', value: 50 },
        note: 'the change is one step: every new text made, and the answer carrying them all',
      });
      const undoing = watchLoop();
      const undone = await client.call('undo', { reviewId });
      const undoBlock = undoing.stop();
      figures.push({ name: 'undo of the replace all, acknowledged', value: undone.ms, unit: 'ms', note: 'one step' });
      figures.push({
        name: '  longest event-loop block meanwhile (CPU)',
        value: undoBlock.cpu,
        unit: 'ms',
        target: { op: '<=', value: 50 },
        note: 'every text the replace all changed put back',
      });
      const redoing = watchLoop();
      const redone = await client.call('redo', { reviewId });
      const redoBlock = redoing.stop();
      figures.push({ name: 'redo of the replace all, acknowledged', value: redone.ms, unit: 'ms', note: 'one step' });
      figures.push({
        name: '  longest event-loop block meanwhile (CPU)',
        value: redoBlock.cpu,
        unit: 'ms',
        target: { op: '<=', value: 50 },
        note: 'every new text set again',
      });

      await client.close();
      await host.close();
      await service.close();
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

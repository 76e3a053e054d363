/**
 * The automatic checks' suggestions on a long article, through the browser host as the page reaches them (see
 * suggestions.bench.ts): the article of the checks' benchmark (100,000 paragraphs beside their Chinese source, some
 * 30,000 suggestions), its list read again after a flag, a page at a time as the page reads it, all of the largest
 * check accepted, undone and dismissed at once, and the quality report; each timed at the client with the longest
 * block of the service's event loop meanwhile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from '../electron/host/browser-host';
import type { Suggestion, SuggestionList } from '../shared/contract';
import { articleText } from './article-generator';
import { article } from './checks.bench';
import type { Figure } from './report';
import { benchServiceOptions, hostClient, longestBlock, must, startedService } from './review-client';

/** Suggestions the page asks for at a time (as the page does). */
const PAGE = 2000;

/**
 * Writes the article and its source into `dir` and keeps nothing of them (in a function of its own: a suspended async
 * function would keep them in memory beside the service measured; see writeArticle in article-generator.ts).
 */
function writeArticle(dir: string): { target: string; source: string } {
  const paragraphs = article(7);
  const target = join(dir, 'long.en.txt');
  const source = join(dir, 'long.zh.txt');
  writeFileSync(target, articleText(paragraphs.map((p) => p.text)));
  writeFileSync(source, articleText(paragraphs.map((p) => p.source ?? '')));
  return { target, source };
}

async function measure(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-bench-suggestions-'));
  try {
    const { target, source } = writeArticle(dir);
    const service = await startedService(benchServiceOptions(dir));
    const reviewId = must(await service.openArticle({ path: target, sourcePath: source })).reviewId;
    while (!must(await service.getReview({ reviewId }))) await new Promise((done) => setTimeout(done, 20));
    while (must(await service.listSuggestions({ reviewId, limit: 1 })).checking) await new Promise((done) => setTimeout(done, 100));
    const host = await startBrowserHost({ service, staticDir: dir, port: 0 });
    const client = hostClient(host);
    /** The whole list, a page at a time, as the page reads it after each change. */
    const readAll = async (): Promise<Suggestion[]> => {
      const all: Suggestion[] = [];
      for (;;) {
        const page = (await client.call('listSuggestions', { reviewId, offset: all.length, limit: PAGE })).value as SuggestionList;
        all.push(...page.suggestions);
        if (page.suggestions.length === 0 || all.length >= page.total) return all;
      }
    };
    // A flag by hand changes what is offered: the page reads the list again.
    await client.call('addAnnotation', {
      reviewId,
      paragraphId: 'p500',
      side: 'target',
      start: 0,
      end: 3,
      category: 'Accuracy/Mistranslation',
      severity: 'minor',
      comment: '',
    });
    const listed = await longestBlock(readAll);
    const offered = listed.value;
    const byCheck = new Map<string, string[]>();
    for (const s of offered) {
      const list = byCheck.get(s.check);
      if (list) list.push(s.id);
      else byCheck.set(s.check, [s.id]);
    }
    const [check, ids] = [...byCheck].sort((a, b) => b[1].length - a[1].length)[0]!;
    // A long answer is taken as the page takes it, its bytes, and read only after the timing: this client runs in the
    // service's process, and its reading must not count as the service's block.
    const answered = async (method: string, arg: unknown) => {
      const r = await longestBlock(() => client.fetchBytes(method, arg));
      const answer = JSON.parse(Buffer.concat(r.value).toString('utf8')) as { ok: boolean; error?: { message: string } };
      if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
      return r;
    };
    const accepted = await answered('acceptSuggestions', { reviewId, ids });
    const undone = await answered('undo', { reviewId });
    const dismissed = await answered('dismissSuggestions', { reviewId, ids });
    const report = await answered('qualityReport', { reviewId });
    await client.close();
    await host.close();
    await service.close();
    const n = ids.length.toLocaleString('en-US');
    const blockFigure = (name: string, r: { ms: number; blockMs: number }): Figure[] => [
      { name, value: r.ms, unit: 'ms', note: 'at the client, for scale' },
      { name: '  longest event-loop block meanwhile', value: r.blockMs, unit: 'ms', target: { op: '<=', value: 50 } },
    ];
    return [
      { name: 'suggestions offered', value: offered.length, unit: '', note: `${n} of them by the "${check}" check` },
      ...blockFigure(`suggestion list read again after a flag, in pages of ${PAGE.toLocaleString('en-US')}`, listed),
      ...blockFigure(`accept all ${n} "${check}" suggestions (one undo step)`, accepted),
      ...blockFigure('undo of it', undone),
      ...blockFigure(`dismiss all ${n} of them`, dismissed),
      ...blockFigure('quality report of the review', report),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const figures = await measure();
console.log(JSON.stringify(figures));

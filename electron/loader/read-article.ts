/** Reads a whole article into memory: for the command line and for tests, where streaming buys nothing. */
import type { ArticleInfo, Block } from '../../shared/model';
import { ok, type Result } from '../../shared/result';
import { streamArticle } from './article-stream';

export async function readArticle(path: string): Promise<Result<{ info: ArticleInfo; blocks: readonly Block[] }>> {
  const blocks: Block[] = [];
  // Block by block: one chunk can complete more paragraphs than a spread call may take as arguments.
  const result = await streamArticle(path, {
    onBlocks: (b) => {
      for (const block of b) blocks.push(block);
    },
  });
  if (!result.ok) return result;
  return ok({ info: result.value, blocks });
}

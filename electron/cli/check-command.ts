/**
 * `redline check FILE`: runs the automatic checks on an article in any format the app reads, as the app does,
 * and lists what they found: a line per finding, or JSON for scripts. The exit status says whether anything was
 * found, so a script can stop a delivery that still has findings.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkArticle } from '../../shared/checks/article-checker';
import { CHECK_LABELS, type CheckParagraph, type Finding } from '../../shared/checks/finding';
import { parseGlossary, type Glossary } from '../../shared/checks/glossary';
import { readArticle } from '../loader/read-article';
import { parseArgs, type CliIo, type CommandModule } from './command';

const USAGE = `Usage: redline check FILE [--source FILE] [--glossary FILE] [--json]

Runs the automatic checks on a translated article (plain text, Markdown, HTML, Word, XLIFF or TSV) and lists
what they found: sentences run together or cut off, punctuation, numbers and dates against the source, text left
untranslated, glossary terms, names and terms written in different ways, page furniture, and paragraphs far
shorter or longer than their source.

Options:
  --source FILE    the source text, paired with the article paragraph by paragraph (XLIFF and bilingual TSV
                   carry their own)
  --glossary FILE  a glossary: TSV (source term, required translation, forbidden variants separated by ;) or TBX
  --json           print an array of { check, paragraph (1-based), start, end, text, category, severity, message }

Exit status: 0 nothing found, 1 something found, 2 bad input or usage (the reason on stderr).
`;

function line(f: Finding, paragraph: number): string {
  const where = f.start === f.end ? `¶${paragraph}` : `¶${paragraph} “${f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text}”`;
  return `${where}  ${CHECK_LABELS[f.check].label}: ${f.message}  [${f.category}, ${f.severity}]`;
}

export const checkCommand: CommandModule = {
  name: 'check',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positional, values, switches, unknown } = parseArgs(args, { values: ['source', 'glossary'], switches: ['json'] });
    const usageError = (message: string): number => {
      io.stderr(`redline check: ${message}\nRun "redline check --help" for the options.\n`);
      return 2;
    };
    if (unknown.length > 0) return usageError(unknown.join('; '));
    if (positional.length !== 1) return usageError(positional.length === 0 ? 'name the article to check.' : 'give one article.');
    const file = positional[0]!;
    const article = await readArticle(resolve(io.cwd, file));
    if (!article.ok) {
      io.stderr(`redline check: ${article.error.message}\n`);
      return 2;
    }
    let sources: readonly string[] | undefined;
    const sourceFile = values.get('source');
    if (sourceFile !== undefined) {
      const source = await readArticle(resolve(io.cwd, sourceFile));
      if (!source.ok) {
        io.stderr(`redline check: ${source.error.message}\n`);
        return 2;
      }
      sources = source.value.blocks.map((b) => b.text);
    }
    let glossary: Glossary | undefined;
    const glossaryFile = values.get('glossary');
    if (glossaryFile !== undefined) {
      let text: string;
      try {
        text = await readFile(resolve(io.cwd, glossaryFile), 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        io.stderr(`redline check: ${glossaryFile}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.\n`);
        return 2;
      }
      const parsed = parseGlossary(text, glossaryFile);
      if (!parsed.ok) {
        io.stderr(`redline check: ${parsed.error.message}\n`);
        return 2;
      }
      glossary = parsed.value;
    }
    const paragraphs: CheckParagraph[] = article.value.blocks.map((b, i) => {
      const source = sources ? sources[i] : b.source;
      return { id: `p${i + 1}`, text: b.text, kind: b.kind, ...(source !== undefined ? { source } : {}) };
    });
    const findings = checkArticle(paragraphs, glossary ? { glossary } : {});
    const number = (f: Finding) => Number(f.paragraphId.slice(1));
    if (switches.has('json')) {
      const rows = findings.map((f) => ({
        check: f.check,
        paragraph: number(f),
        start: f.start,
        end: f.end,
        text: f.text,
        category: f.category,
        severity: f.severity,
        message: f.message,
      }));
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (findings.length === 0) {
      io.stdout(`${file}: nothing found in ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'}.\n`);
    } else {
      io.stdout(
        `${findings.map((f) => line(f, number(f))).join('\n')}\n${findings.length} finding${findings.length === 1 ? '' : 's'} in ${paragraphs.length} paragraphs.\n`,
      );
    }
    return findings.length === 0 ? 0 : 1;
  },
};

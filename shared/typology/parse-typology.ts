/**
 * Loads a custom typology from JSON text. The file looks like
 * `{ "name": "...", "categories": [{ "name": "Accuracy", "weight": 2, "children": [{ "name": "Omission" }] }],
 *    "severityMultipliers": { "minor": 1, "major": 10 } }`; multipliers not given keep their MQM-Core values.
 * A bad file is refused with a message naming the file and the field path, so its author can fix it.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { buildCategories, MQM_SEVERITY_MULTIPLIERS, type CategorySpec, type Typology } from './typology';

const weight = z.number().finite().min(0);

interface CategoryInput {
  name: string;
  description?: string | undefined;
  weight?: number | undefined;
  children?: CategoryInput[] | undefined;
}

const categorySchema: z.ZodType<CategoryInput> = z.lazy(() =>
  z
    .object({
      name: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .refine((n) => !n.includes('/'), 'must not contain "/"'),
      description: z.string().optional(),
      weight: weight.optional(),
      children: z.array(categorySchema).optional(),
    })
    .strict(),
);

const typologySchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty'),
    categories: z.array(categorySchema).min(1, 'must list at least one category'),
    severityMultipliers: z
      .object({ neutral: weight.optional(), minor: weight.optional(), major: weight.optional(), critical: weight.optional() })
      .strict()
      .optional(),
  })
  .strict();

/** `categories[3].children[0].name` from a zod issue path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  array: 'a list',
  object: 'an object',
};

/** A zod issue in words a typology author understands. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod does not keep the input; its message says when the field was absent.
      return issue.message.endsWith('received undefined') ? 'is required' : `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return issue.origin === 'number' ? `must be at least ${String(issue.minimum)}` : issue.message;
    default:
      return issue.message;
  }
}

/** Sibling categories must have distinct names, or two categories would share an id. */
function duplicateName(categories: readonly CategoryInput[], path: string): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i]!;
    const key = c.name.trim().toLowerCase();
    if (seen.has(key)) return `${path}[${i}].name: "${c.name.trim()}" appears twice at this level`;
    seen.add(key);
    const inner = duplicateName(c.children ?? [], `${path}[${i}].children`);
    if (inner) return inner;
  }
  return undefined;
}

function toSpec(c: CategoryInput): CategorySpec {
  return {
    name: c.name.trim(),
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.weight !== undefined ? { weight: c.weight } : {}),
    children: (c.children ?? []).map(toSpec),
  };
}

/** Parses and validates a typology file. Errors read `FILE: categories[3].name: expected a string`. */
export function parseTypology(jsonText: string, fileName: string): Result<Typology> {
  let data: unknown;
  try {
    data = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail('parse-error', `${fileName}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = typologySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = formatPath(issue.path);
    return fail('parse-error', `${fileName}: ${where === '' ? '' : `${where}: `}${describeIssue(issue)}`);
  }
  const dup = duplicateName(parsed.data.categories, 'categories');
  if (dup) return fail('parse-error', `${fileName}: ${dup}`);
  const m = parsed.data.severityMultipliers ?? {};
  return ok({
    name: parsed.data.name.trim(),
    categories: buildCategories(parsed.data.categories.map(toSpec)),
    severityMultipliers: {
      neutral: m.neutral ?? MQM_SEVERITY_MULTIPLIERS.neutral,
      minor: m.minor ?? MQM_SEVERITY_MULTIPLIERS.minor,
      major: m.major ?? MQM_SEVERITY_MULTIPLIERS.major,
      critical: m.critical ?? MQM_SEVERITY_MULTIPLIERS.critical,
    },
  });
}

/**
 * An error typology as data: the categories a reviewer can pick, optional per-category weights, and the
 * multiplier of each severity. Category ids are the names of a category and its ancestors joined by `/`
 * (`Accuracy/Mistranslation`), which is also how annotations and WMT files name them.
 */
import type { Severity } from '../model';

export interface Category {
  /** The name shown to a reviewer; never contains `/`. */
  readonly name: string;
  /** Path of names from the top category, joined by `/`. */
  readonly id: string;
  readonly description?: string;
  /** Multiplies the severity's penalty in MQM-Core scoring; inherited from the parent when absent, else 1. */
  readonly weight?: number;
  readonly children: readonly Category[];
}

export type SeverityMultipliers = Readonly<Record<Severity, number>>;

export interface Typology {
  readonly name: string;
  readonly categories: readonly Category[];
  readonly severityMultipliers: SeverityMultipliers;
}

/** The MQM-Core multipliers: a critical error costs 25 minor ones, a major five, a neutral note nothing. */
export const MQM_SEVERITY_MULTIPLIERS: SeverityMultipliers = { neutral: 0, minor: 1, major: 5, critical: 25 };

/** A category as written by hand: a name, optional description and weight, and children. */
export interface CategorySpec {
  readonly name: string;
  readonly description?: string;
  readonly weight?: number;
  readonly children?: readonly CategorySpec[];
}

/** Builds categories with their ids from a hand-written tree. */
export function buildCategories(specs: readonly CategorySpec[], parentId = ''): readonly Category[] {
  return specs.map((spec) => {
    const id = parentId === '' ? spec.name : `${parentId}/${spec.name}`;
    return {
      name: spec.name,
      id,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      ...(spec.weight !== undefined ? { weight: spec.weight } : {}),
      children: buildCategories(spec.children ?? [], id),
    };
  });
}

/** One row of a type-to-filter category picker. `parentLabel` is absent for a top category. */
export interface CategoryOption {
  readonly id: string;
  readonly label: string;
  readonly parentLabel?: string;
  /** 0 for a top category, 1 for its children, ... */
  readonly depth: number;
}

/** Lists every category depth-first (a parent before its children), as a picker shows them. */
export function flattenCategories(typology: Typology): readonly CategoryOption[] {
  const out: CategoryOption[] = [];
  const walk = (categories: readonly Category[], parent: Category | undefined, depth: number): void => {
    for (const c of categories) {
      out.push({ id: c.id, label: c.name, ...(parent ? { parentLabel: parent.name } : {}), depth });
      walk(c.children, c, depth + 1);
    }
  };
  walk(typology.categories, undefined, 0);
  return out;
}

/** Finds a category by id, or undefined. */
export function findCategory(typology: Typology, id: string): Category | undefined {
  let level = typology.categories;
  let found: Category | undefined;
  for (const name of id.split('/')) {
    found = level.find((c) => c.name === name);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

/**
 * The effective weight of every category id: its own weight, else its nearest ancestor's, else 1.
 * Computed once so that scoring an annotation is a map lookup.
 */
export function categoryWeights(typology: Typology): ReadonlyMap<string, number> {
  const weights = new Map<string, number>();
  const walk = (categories: readonly Category[], inherited: number): void => {
    for (const c of categories) {
      const w = c.weight ?? inherited;
      weights.set(c.id, w);
      walk(c.children, w);
    }
  };
  walk(typology.categories, 1);
  return weights;
}

/**
 * The weight of a category id that may not be in the typology (a file made with another typology): the
 * weight of its longest known ancestor path, else 1.
 */
export function weightOf(weights: ReadonlyMap<string, number>, categoryId: string): number {
  let id = categoryId;
  for (;;) {
    const w = weights.get(id);
    if (w !== undefined) return w;
    const cut = id.lastIndexOf('/');
    if (cut < 0) return 1;
    id = id.slice(0, cut);
  }
}

/**
 * A map of the review state (the flags, the drafts) that is cheap to change. A long review holds 10,000 flags and
 * tens of thousands of drafts, and every live change makes a new state that must not see later changes: a plain
 * Map would be copied whole on each flag or keystroke (4 ms for 10,000 flags, most of a flag's cost).
 *
 * Here a state's map is a base, never changed once shared, and a small overlay of what changed since: values
 * replaced, keys removed, keys added at the end. A change copies only the overlay; once the overlay grows past the
 * square root of the base, the map is made flat again (one copy), so a change costs about that root on average.
 * Iteration keeps a Map's order: the base's keys in order (a replaced value in its place), then the added keys.
 * Values are never undefined.
 */

/** The overlay of a layered map, shared between the states that have it. */
interface Layers<K, V> {
  readonly base: ReadonlyMap<K, V>;
  /** Base keys whose value was replaced. */
  readonly changed: ReadonlyMap<K, V>;
  /** Base keys taken out (one added again is also in `added`, at the end, as a Map puts it). */
  readonly removed: ReadonlySet<K>;
  /** Keys after the base's, in the order they were added. */
  readonly added: ReadonlyMap<K, V>;
  readonly size: number;
}

const EMPTY_MAP: ReadonlyMap<unknown, unknown> = new Map();
const EMPTY_SET: ReadonlySet<unknown> = new Set();
/** The one empty overlay part all layered maps share (never changed: a draft copies a part before changing it). */
const noValues = <K, V>(): ReadonlyMap<K, V> => EMPTY_MAP as ReadonlyMap<K, V>;
const noKeys = <K>(): ReadonlySet<K> => EMPTY_SET as ReadonlySet<K>;

function valueIn<K, V>(l: Layers<K, V>, key: K): V | undefined {
  const added = l.added.get(key);
  if (added !== undefined || l.removed.has(key)) return added;
  return l.changed.get(key) ?? l.base.get(key);
}

function hasIn<K, V>(l: Layers<K, V>, key: K): boolean {
  return l.added.has(key) || (!l.removed.has(key) && l.base.has(key));
}

function overlaid<K, V>(l: Layers<K, V>): boolean {
  return l.changed.size > 0 || l.removed.size > 0 || l.added.size > 0;
}

function* entriesOf<K, V>(l: Layers<K, V>): Generator<[K, V], undefined> {
  for (const [key, value] of l.base) {
    if (l.removed.has(key)) continue;
    yield [key, l.changed.get(key) ?? value];
  }
  yield* l.added;
  return undefined;
}

/** The reading side of a Map, over layers. */
abstract class LayeredReads<K, V> implements ReadonlyMap<K, V> {
  protected abstract layers(): Layers<K, V>;

  get size(): number {
    return this.layers().size;
  }

  get(key: K): V | undefined {
    return valueIn(this.layers(), key);
  }

  has(key: K): boolean {
    return hasIn(this.layers(), key);
  }

  entries(): MapIterator<[K, V]> {
    const l = this.layers();
    return overlaid(l) ? entriesOf(l) : (l.base.entries() as MapIterator<[K, V]>);
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
    return undefined;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
    return undefined;
  }

  forEach(visit: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) visit(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** An immutable map made by a `LayeredMapDraft`. */
export class LayeredMap<K, V> extends LayeredReads<K, V> {
  /** @internal Made by `LayeredMapDraft.build()`; the layers are never changed once a map holds them. */
  constructor(readonly parts: Layers<K, V>) {
    super();
  }

  protected layers(): Layers<K, V> {
    return this.parts;
  }
}

/**
 * Changes to a map, copying the overlay the first time it changes it after construction or `build()`; `build()`
 * gives the map as changed, the same object as long as nothing changed.
 */
export class LayeredMapDraft<K, V> extends LayeredReads<K, V> {
  private base: ReadonlyMap<K, V>;
  private changed: Map<K, V> | ReadonlyMap<K, V>;
  private removed: Set<K> | ReadonlySet<K>;
  private added: Map<K, V> | ReadonlyMap<K, V>;
  private count: number;
  /** True once the overlay is this draft's own copy. */
  private ownsOverlay = false;
  /** This draft's own flat map, once it made one: later changes go straight to it. */
  private flat: Map<K, V> | undefined;
  /** The map last handed out (or started from), while nothing changed since. */
  private built: ReadonlyMap<K, V> | undefined;

  constructor(from: ReadonlyMap<K, V>) {
    super();
    const l: Layers<K, V> =
      from instanceof LayeredMap
        ? (from as LayeredMap<K, V>).parts
        : { base: from, changed: noValues(), removed: noKeys(), added: noValues(), size: from.size };
    this.base = l.base;
    this.changed = l.changed;
    this.removed = l.removed;
    this.added = l.added;
    this.count = l.size;
    this.built = from;
  }

  protected layers(): Layers<K, V> {
    // Made for iteration only: `get` and `has`, which the reducer asks for every event, read the fields in place.
    if (this.flat) return { base: this.flat, changed: noValues(), removed: noKeys(), added: noValues(), size: this.flat.size };
    return { base: this.base, changed: this.changed, removed: this.removed, added: this.added, size: this.count };
  }

  override get size(): number {
    return this.flat ? this.flat.size : this.count;
  }

  override get(key: K): V | undefined {
    if (this.flat) return this.flat.get(key);
    const added = this.added.get(key);
    if (added !== undefined || this.removed.has(key)) return added;
    return this.changed.get(key) ?? this.base.get(key);
  }

  override has(key: K): boolean {
    if (this.flat) return this.flat.has(key);
    return this.added.has(key) || (!this.removed.has(key) && this.base.has(key));
  }

  /** The map as it was last handed out (or given), if nothing changed since; else undefined. */
  get unchanged(): ReadonlyMap<K, V> | undefined {
    return this.built;
  }

  set(key: K, value: V): void {
    this.built = undefined;
    if (this.flat) {
      this.flat.set(key, value);
      return;
    }
    const { changed, removed, added } = this.own();
    if (added.has(key)) added.set(key, value);
    else if (!removed.has(key) && this.base.has(key)) changed.set(key, value);
    else {
      added.set(key, value);
      this.count += 1;
    }
    this.flattenIfLarge();
  }

  delete(key: K): void {
    if (this.flat) {
      if (this.flat.delete(key)) this.built = undefined;
      return;
    }
    if (!this.has(key)) return;
    this.built = undefined;
    const { changed, removed, added } = this.own();
    if (!added.delete(key)) {
      removed.add(key);
      changed.delete(key);
    }
    this.count -= 1;
    this.flattenIfLarge();
  }

  /** This draft's own flat Map, for a change the overlay cannot hold (a key put back in the middle); changes go to it. */
  flatMap(): Map<K, V> {
    this.built = undefined;
    this.flat ??= this.flatCopy();
    return this.flat;
  }

  /**
   * The entries as one Map, in their order: the base copied by the Map itself (several times as fast as entry by
   * entry through the layers), then the overlay put on it: a key taken out and added again is deleted first, and so
   * comes at the end, where the layers have it; a replaced value keeps its key's place.
   */
  private flatCopy(): Map<K, V> {
    const flat = new Map(this.base);
    for (const key of this.removed) flat.delete(key);
    for (const [key, value] of this.changed) flat.set(key, value);
    for (const [key, value] of this.added) flat.set(key, value);
    return flat;
  }

  /** The map as changed so far. Later changes do not change it. */
  build(): ReadonlyMap<K, V> {
    if (this.built) return this.built;
    let map: LayeredMap<K, V>;
    if (this.flat) {
      map = new LayeredMap({ base: this.flat, changed: noValues(), removed: noKeys(), added: noValues(), size: this.flat.size });
      this.base = this.flat;
      this.changed = noValues();
      this.removed = noKeys();
      this.added = noValues();
      this.count = this.flat.size;
      this.flat = undefined;
    } else {
      map = new LayeredMap({ base: this.base, changed: this.changed, removed: this.removed, added: this.added, size: this.count });
    }
    this.ownsOverlay = false;
    this.built = map;
    return map;
  }

  private own(): { changed: Map<K, V>; removed: Set<K>; added: Map<K, V> } {
    if (!this.ownsOverlay) {
      this.changed = new Map(this.changed);
      this.removed = new Set(this.removed);
      this.added = new Map(this.added);
      this.ownsOverlay = true;
    }
    return { changed: this.changed as Map<K, V>, removed: this.removed as Set<K>, added: this.added as Map<K, V> };
  }

  /** Past the root of the base's size, the overlay costs each change more than one flat copy now saves. */
  private flattenIfLarge(): void {
    const overlay = this.changed.size + this.removed.size + this.added.size;
    if (overlay > Math.max(64, Math.sqrt(this.base.size))) this.flatMap();
  }
}

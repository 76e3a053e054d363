/**
 * Where the reviewer was in each article (the paragraph last in focus, the versions and level last compared), kept
 * in `places.json` in the app's data folder. Not in the review file: every focus move would be an event there,
 * and a place is a convenience, not part of the review a quality lead reads.
 *
 * A place changes with every key press, so it is held in memory and written a moment after the last change
 * (`WRITE_DELAY_MS`), whole, through a temporary file and a rename. A missing or damaged file means "no places";
 * a failed write loses only where the reviewer was, never their work, so it is not reported as an error.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReviewPlace } from '../../shared/contract';

/** Counts this process's temporary files, so that no two have the same name. */
let temporaries = 0;

/** Long enough that moving through paragraphs with J/K writes once, short enough that a crash loses a moment. */
export const WRITE_DELAY_MS = 400;
/** Articles remembered; the least recently used are forgotten so the file stays small. */
export const MAX_PLACES = 500;

interface Stored extends ReviewPlace {
  /** ISO time the place was last set, to forget the oldest. */
  readonly at: string;
}

const isRef = (v: unknown): v is number | 'current' => v === 'current' || (Number.isInteger(v) && (v as number) >= 0);

/** A stored place as read back, or undefined when it is not one. */
function placeOf(v: unknown): Stored | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.at !== 'string') return undefined;
  const paragraphId = typeof o.paragraphId === 'string' ? o.paragraphId : undefined;
  const c = o.compare as Record<string, unknown> | undefined;
  const level: 'word' | 'char' | undefined = c?.level === 'word' ? 'word' : c?.level === 'char' ? 'char' : undefined;
  const compare = c && isRef(c.left) && isRef(c.right) && level ? { left: c.left, right: c.right, level } : undefined;
  return { at: o.at, ...(paragraphId !== undefined ? { paragraphId } : {}), ...(compare ? { compare } : {}) };
}

export class ParagraphPlaces {
  private places: Map<string, Stored> | undefined;
  private loading: Promise<Map<string, Stored>> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly delayMs = WRITE_DELAY_MS,
  ) {}

  /** The place remembered for an article (by its path), if any. */
  async get(articlePath: string): Promise<ReviewPlace | undefined> {
    const stored = (await this.load()).get(articlePath);
    if (!stored) return undefined;
    const { at: _at, ...place } = stored;
    return place;
  }

  /** Merges a change into the article's place and schedules the write; answers the place as it now stands. */
  async set(articlePath: string, change: ReviewPlace): Promise<ReviewPlace> {
    const places = await this.load();
    const { at: _at, ...before } = places.get(articlePath) ?? { at: '' };
    const next: Stored = { ...before, ...change, at: new Date().toISOString() };
    // Delete first so the map's order is least recently used first.
    places.delete(articlePath);
    places.set(articlePath, next);
    while (places.size > MAX_PLACES) places.delete(places.keys().next().value as string);
    this.schedule();
    const { at: _, ...place } = next;
    return place;
  }

  /** Writes what is pending now (on close). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.write();
    }
    return this.writing;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.delayMs);
    // A pending place never keeps the process alive on its own.
    this.timer.unref?.();
  }

  private write(): void {
    const places = this.places;
    if (!places) return;
    const text = `${JSON.stringify(Object.fromEntries(places))}\n`;
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(this.file), { recursive: true });
        // Unique per write: two writers (another process, or another instance here) never share a temporary file.
        const temp = `${this.file}.${process.pid}.${++temporaries}.tmp`;
        await writeFile(temp, text);
        await rename(temp, this.file);
      })
      .catch(() => undefined);
  }

  private load(): Promise<Map<string, Stored>> {
    if (this.places) return Promise.resolve(this.places);
    this.loading ??= readFile(this.file, 'utf8')
      .then((text) => {
        const parsed: unknown = JSON.parse(text);
        const map = new Map<string, Stored>();
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
          const entries = Object.entries(parsed as Record<string, unknown>);
          entries.sort((a, b) => String((a[1] as Stored | null)?.at).localeCompare(String((b[1] as Stored | null)?.at)));
          for (const [path, value] of entries) {
            const place = placeOf(value);
            if (place) map.set(path, place);
          }
        }
        return map;
      })
      .catch(() => new Map<string, Stored>())
      .then((map) => (this.places = map));
    return this.loading;
  }
}

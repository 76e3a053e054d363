/**
 * A long event's journal line, made a piece at a time. A Replace all over 25,000 paragraphs is one event whose line
 * is a megabyte of JSON; serialising and checksumming it at once holds the writer's event loop for tens of
 * milliseconds. Here its long lists (and long records, such as a saved version's texts) are serialised a few
 * thousand items at a time, with a pause between, and the checksum follows along. The line is exactly the one
 * `eventLine` (read-journal.ts) makes: the members in the same order, each written as JSON.stringify writes it.
 */
import type { JournalEvent } from './journal-event';
import { checksumPrefix, CRC_START, crcUpdate } from './line-checksum';

/** Items of a list (or members of a record) serialised between two pauses: about a millisecond's work. */
const ITEMS_PER_STEP = 2000;

type Value = unknown;

function isRecord(value: Value): value is Readonly<Record<string, Value>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** True when an event holds a list or record long enough to be worth serialising in steps. */
export function isLongEvent(event: JournalEvent): boolean {
  for (const value of Object.values(event)) {
    if (Array.isArray(value) ? value.length > ITEMS_PER_STEP : isRecord(value) && Object.keys(value).length > ITEMS_PER_STEP) return true;
  }
  return false;
}

/** The event's line (checksum first, newline included), pausing (yielding) between pieces. */
export function* eventLineSteps(event: JournalEvent): Generator<void, string> {
  const parts: string[] = [];
  // The checksum covers the JSON text (see line-checksum.ts): fed a part at a time, a long part natively.
  let crc = CRC_START;
  const add = (text: string): void => {
    parts.push(text);
    crc = crcUpdate(crc, text);
  };
  add('{');
  let members = 0;
  for (const [key, value] of Object.entries(event)) {
    const head = `${members > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    if (Array.isArray(value) && value.length > ITEMS_PER_STEP) {
      add(`${head}[`);
      for (let i = 0; i < value.length; i += ITEMS_PER_STEP) {
        if (i > 0) {
          add(',');
          yield;
        }
        // A slice is written as the whole list writes its items, brackets aside.
        add(JSON.stringify(value.slice(i, i + ITEMS_PER_STEP)).slice(1, -1));
      }
      add(']');
    } else if (isRecord(value) && Object.keys(value).length > ITEMS_PER_STEP) {
      add(`${head}{`);
      let piece: string[] = [];
      let written = 0;
      for (const [name, item] of Object.entries(value)) {
        const text = JSON.stringify(item);
        // JSON.stringify leaves out a member whose value it cannot write (undefined, a function).
        if (text === undefined) continue;
        piece.push(`${written > 0 ? ',' : ''}${JSON.stringify(name)}:${text}`);
        written++;
        if (piece.length === ITEMS_PER_STEP) {
          add(piece.join(''));
          piece = [];
          yield;
        }
      }
      add(`${piece.join('')}}`);
    } else {
      const text = JSON.stringify(value);
      if (text === undefined) continue;
      add(`${head}${text}`);
    }
    members++;
  }
  add('}');
  parts[0] = checksumPrefix(crc);
  parts.push('\n');
  return parts.join('');
}

/** The same line, with the event loop let run (`breathe`) between pieces. */
export async function eventLineInSteps(event: JournalEvent, breathe: () => Promise<void>): Promise<string> {
  const steps = eventLineSteps(event);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await breathe();
  }
}

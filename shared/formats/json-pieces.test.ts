import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { jsonPieces } from './json-pieces';

function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 3 ? 5 : 8));
  switch (pick) {
    case 0:
      return Math.floor(random() * 1000) - 500;
    case 1:
      return ['plain', 'with "quotes"', 'line\nbreak', 'back\\slash', '港口 “curly”', ''][Math.floor(random() * 6)];
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return random() < 0.5 ? undefined : new Date(1_700_000_000_000 + Math.floor(random() * 1e9));
    case 5:
    case 6: {
      // Now and then far more members than a piece holds (not at every depth: nested, the value grows past reason).
      const length = depth < 2 && random() < 0.1 ? 300 + Math.floor(random() * 50) : Math.floor(random() * 5);
      return Array.from({ length }, () => randomValue(random, depth + 1));
    }
    default: {
      const length = depth < 2 && random() < 0.1 ? 300 : Math.floor(random() * 5);
      const out: Record<string, unknown> = {};
      for (let k = 0; k < length; k++) out[`key ${k} "${depth}"`] = randomValue(random, depth + 1);
      if (random() < 0.2) out.skipped = () => undefined;
      return out;
    }
  }
}

describe('JSON in pieces', () => {
  it('joins into exactly what JSON.stringify writes, with an indent of two or without spaces, whatever the value and the piece size', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      const value = randomValue(random, 0);
      const per = 1 + Math.floor(random() * 50);
      expect([...jsonPieces(value, per)].join(''), `round ${round}`).toBe(JSON.stringify(value, null, 2) ?? 'null');
      expect([...jsonPieces(value, per, false)].join(''), `round ${round}, without spaces`).toBe(JSON.stringify(value) ?? 'null');
    }
  });

  it('gives a long list in many pieces', () => {
    const value = { header: { paragraphs: Array.from({ length: 10_000 }, (_, i) => ({ id: `p${i + 1}`, target: `Text ${i}` })) } };
    const pieces = [...jsonPieces(value, 1000)];
    expect(pieces.length).toBeGreaterThanOrEqual(10);
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
  });
});

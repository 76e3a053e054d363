/**
 * Numbers and dates against the source: a number the source states that the translation lacks or changes
 * (3.4亿 rendered "34 million"), and a number in digits that the translation adds. Values are compared, not
 * writings, so a correct conversion (1.5万 → "15,000", 9月28日 → "28 September", 四成 → "40%") is never a
 * finding. Without a source paragraph there is nothing to compare and nothing is reported.
 *
 * A number the source states several times counts once: translations often say "that year" the second time.
 * Number words the translation adds ("one of the", "a second bridge") are not reported: English uses them where
 * the source has none.
 */
import { finding, type CheckParagraph, type Finding } from './finding';
import { formatValue, readSourceNumbers, readTargetNumbers, sameNumber, type NumberMention } from './number-reading';

/** Checks one paragraph's numbers against its source. */
export function checkNumbers(p: CheckParagraph): Finding[] {
  const source = p.source;
  if (!source || !p.text) return [];
  const fromSource = readSourceNumbers(source);
  const inTarget = readTargetNumbers(p.text);
  if (fromSource.length === 0 && !inTarget.some((t) => t.digits)) return [];

  const missing = dedupe(fromSource.filter((s) => !inTarget.some((t) => sameNumber(s, t))));
  const extra = inTarget.filter((t) => t.digits && !fromSource.some((s) => sameNumber(s, t)) && !isTrivial(t));
  const out: Finding[] = [];
  // A source number and a translation number both left over, in the same order: one was changed into the other.
  const pairs = Math.min(missing.length, extra.length);
  for (let i = 0; i < pairs; i++) {
    const s = missing[i]!;
    const t = extra[i]!;
    out.push(
      finding(
        'numbers',
        p,
        t.start,
        t.end,
        'Accuracy/Mistranslation',
        'major',
        `The source says ${stated(source, s)}; the translation has ${p.text.slice(t.start, t.end)}.`,
      ),
    );
  }
  for (const s of missing.slice(pairs)) {
    const at = p.text.length;
    out.push(finding('numbers', p, at, at, 'Accuracy/Omission', 'major', `The source's ${stated(source, s)} is not in the translation.`));
  }
  for (const t of extra.slice(pairs)) {
    out.push(finding('numbers', p, t.start, t.end, 'Accuracy/Addition', 'minor', `${p.text.slice(t.start, t.end)} is not in the source.`));
  }
  return out;
}

/** A source number as written, with its value where the writing is not plain digits: "3.4亿 (340,000,000)". */
function stated(source: string, s: NumberMention): string {
  const percent = /^[%％]/.test(source.slice(s.end, s.end + 1)) ? '%' : '';
  const said = source.slice(s.start, s.end) + percent;
  const value = formatValue(s.values[0]!);
  return said.replace(/,/g, '') === value.replace(/,/g, '') + percent ? said : `${said} (${value}${percent})`;
}

/** Zero and one are written, dropped and added freely ("one of", "no"); they are never held to the source. */
function isTrivial(t: NumberMention): boolean {
  return t.values.every((v) => v === 0 || v === 1);
}

function dedupe(list: readonly NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of list) if (!out.some((o) => sameNumber(o, m))) out.push(m);
  return out;
}

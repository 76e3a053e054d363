/**
 * What a Word paragraph style means to a reviewer: a heading (and its level), a quote, a list item, or text.
 * Word documents name their styles in styles.xml; the ids in document.xml are often localised ("berschrift1")
 * while the names stay English ("heading 1"), so the kind is decided from the name, then from the outline level
 * and numbering the style (or a style it is based on) carries.
 */
import type { ParagraphKind } from '../../model';
import { ok, type Result } from '../../result';
import { readXml } from './xml-events';

export interface WordStyle {
  readonly id: string;
  readonly name: string;
  readonly basedOn?: string;
  /** 0-based outline level (0 is a top heading). */
  readonly outlineLevel?: number;
  readonly numbered: boolean;
}

export type StyleMap = ReadonlyMap<string, WordStyle>;

/** Reads the paragraph styles of styles.xml (an absent part gives no styles). */
export function readStyles(xml: string | undefined, part = 'word/styles.xml'): Result<StyleMap> {
  const styles = new Map<string, WordStyle>();
  if (xml === undefined) return ok(styles);
  let current: { id: string; name: string; basedOn?: string; outlineLevel?: number; numbered: boolean } | undefined;
  const read = readXml(xml, part, {
    open(e) {
      if (e.name === 'w:style') {
        const type = e.attributes['w:type'];
        current =
          type === undefined || type === 'paragraph' ? { id: e.attributes['w:styleId'] ?? '', name: '', numbered: false } : undefined;
        return;
      }
      if (!current) return;
      if (e.name === 'w:name') current.name = e.attributes['w:val'] ?? '';
      else if (e.name === 'w:basedOn') current.basedOn = e.attributes['w:val'];
      else if (e.name === 'w:outlineLvl') current.outlineLevel = Number(e.attributes['w:val']);
      else if (e.name === 'w:numPr') current.numbered = true;
    },
    close(name) {
      if (name === 'w:style' && current) {
        styles.set(current.id, { ...current });
        current = undefined;
      }
    },
  });
  return read.ok ? ok(styles) : read;
}

export interface ParagraphShape {
  readonly kind: ParagraphKind;
  readonly level?: number;
  /** The style's name as Word shows it, or its id when styles.xml does not name it. */
  readonly style?: string;
}

/** The kind of a paragraph from its style id and the list level of its own numbering, if any. */
export function shapeOf(styles: StyleMap, styleId: string | undefined, listLevel: number | undefined): ParagraphShape {
  const chain: WordStyle[] = [];
  for (let id = styleId, guard = 0; id !== undefined && guard < 20; guard++) {
    const s = styles.get(id);
    if (!s) break;
    chain.push(s);
    id = s.basedOn;
  }
  const style = chain[0]?.name || styleId;
  const named = { ...(style ? { style } : {}) };
  const name = (chain[0]?.name ?? styleId ?? '').toLowerCase();
  const heading = /^heading\s*([1-9])$/.exec(name) ?? /^heading([1-9])$/.exec((styleId ?? '').toLowerCase());
  if (heading) return { kind: 'heading', level: Math.min(6, Number(heading[1])), ...named };
  if (name === 'title') return { kind: 'heading', level: 1, ...named };
  const outline = chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
  if (outline !== undefined && outline >= 0 && outline < 9) return { kind: 'heading', level: Math.min(6, outline + 1), ...named };
  if (/quote/.test(name)) return { kind: 'quote', ...named };
  if (listLevel !== undefined) return { kind: 'list-item', level: listLevel, ...named };
  if (chain.some((s) => s.numbered) || name.startsWith('list')) return { kind: 'list-item', level: 0, ...named };
  return { kind: 'text', ...named };
}

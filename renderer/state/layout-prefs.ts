/**
 * The reader's layout preferences: the article's text size, the side panel's width and whether it is shown.
 * They belong to the person, not to a review, so they live in the page's own storage (the desktop window and the
 * browser host each keep theirs) and apply to every article. Values read back are clamped, so a stored value
 * from an older build or typed by hand can never make the text unreadable or the panel vanish.
 */

export interface LayoutPrefs {
  /** Size of the article's text in CSS pixels. */
  readonly textSize: number;
  /** Width of the side panel in CSS pixels. */
  readonly panelWidth: number;
  readonly panelHidden: boolean;
}

export const TEXT_SIZES = { min: 12, max: 24, step: 1, initial: 15 } as const;
export const PANEL_WIDTHS = { min: 260, max: 640, step: 20, initial: 340 } as const;

export const DEFAULT_LAYOUT: LayoutPrefs = { textSize: TEXT_SIZES.initial, panelWidth: PANEL_WIDTHS.initial, panelHidden: false };

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(n)));

/** Preferences from stored text: anything missing, of the wrong type or out of range falls back or is clamped. */
export function parseLayout(text: string | null | undefined): LayoutPrefs {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // Unreadable storage is the same as none: the defaults.
  }
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  return {
    textSize: clamp(num(data.textSize, TEXT_SIZES.initial), TEXT_SIZES.min, TEXT_SIZES.max),
    panelWidth: clamp(num(data.panelWidth, PANEL_WIDTHS.initial), PANEL_WIDTHS.min, PANEL_WIDTHS.max),
    panelHidden: data.panelHidden === true,
  };
}

/** One step larger (1) or smaller (-1), or back to the initial size (0). */
export function stepTextSize(prefs: LayoutPrefs, step: 1 | -1 | 0): LayoutPrefs {
  const textSize = step === 0 ? TEXT_SIZES.initial : clamp(prefs.textSize + step * TEXT_SIZES.step, TEXT_SIZES.min, TEXT_SIZES.max);
  return { ...prefs, textSize };
}

/** The panel at a new width, kept within its bounds. */
export function withPanelWidth(prefs: LayoutPrefs, width: number): LayoutPrefs {
  return { ...prefs, panelWidth: clamp(width, PANEL_WIDTHS.min, PANEL_WIDTHS.max) };
}

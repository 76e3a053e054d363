import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, parseLayout, PANEL_WIDTHS, stepTextSize, TEXT_SIZES, withPanelWidth } from './layout-prefs';

describe('the reader’s layout preferences', () => {
  it('come back as they were stored', () => {
    const prefs = { textSize: 18, panelWidth: 420, panelHidden: true };
    expect(parseLayout(JSON.stringify(prefs))).toEqual(prefs);
  });

  it('fall back to the defaults for missing, broken or foreign storage', () => {
    for (const text of [null, '', '{', '[]', '"big"', JSON.stringify({ textSize: 'huge', panelWidth: null, panelHidden: 'yes' })]) {
      expect(parseLayout(text)).toEqual(DEFAULT_LAYOUT);
    }
  });

  it('never make the text unreadable or the panel vanish, whatever was stored', () => {
    expect(parseLayout(JSON.stringify({ textSize: 2, panelWidth: 5 }))).toMatchObject({
      textSize: TEXT_SIZES.min,
      panelWidth: PANEL_WIDTHS.min,
    });
    expect(parseLayout(JSON.stringify({ textSize: 300, panelWidth: 9000 }))).toMatchObject({
      textSize: TEXT_SIZES.max,
      panelWidth: PANEL_WIDTHS.max,
    });
  });

  it('step the text size one pixel at a time within bounds, and reset it', () => {
    let prefs = DEFAULT_LAYOUT;
    prefs = stepTextSize(prefs, 1);
    expect(prefs.textSize).toBe(TEXT_SIZES.initial + 1);
    for (let i = 0; i < 50; i++) prefs = stepTextSize(prefs, 1);
    expect(prefs.textSize).toBe(TEXT_SIZES.max);
    expect(stepTextSize(prefs, 0).textSize).toBe(TEXT_SIZES.initial);
    for (let i = 0; i < 50; i++) prefs = stepTextSize(prefs, -1);
    expect(prefs.textSize).toBe(TEXT_SIZES.min);
  });

  it('keep a dragged panel width within bounds', () => {
    expect(withPanelWidth(DEFAULT_LAYOUT, 100).panelWidth).toBe(PANEL_WIDTHS.min);
    expect(withPanelWidth(DEFAULT_LAYOUT, 455.6).panelWidth).toBe(456);
  });
});

/**
 * The layout preferences as live state: applied to the page as CSS custom properties (`--text-size`,
 * `--panel-width`) and kept in the page's storage. The commands that change them (Ctrl+plus, Ctrl+minus,
 * Ctrl+0, Ctrl+B, and the View menu) are in shared/commands.ts, carried out through the app's dispatcher.
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_LAYOUT, parseLayout, stepTextSize, withPanelWidth, type LayoutPrefs } from './layout-prefs';

const STORAGE_KEY = 'redline.layout';

function stored(): LayoutPrefs {
  try {
    return parseLayout(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be refused (a locked-down profile); the defaults still work.
    return DEFAULT_LAYOUT;
  }
}

export interface LayoutControls {
  readonly prefs: LayoutPrefs;
  stepText(step: 1 | -1 | 0): void;
  setPanelWidth(width: number): void;
  togglePanel(): void;
}

export function useLayout(): LayoutControls {
  const [prefs, setPrefs] = useState<LayoutPrefs>(stored);

  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty('--text-size', `${prefs.textSize}px`);
    root.setProperty('--panel-width', `${prefs.panelWidth}px`);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
    } catch {
      // Not kept for next time; this session still has it.
    }
  }, [prefs]);

  const stepText = useCallback((step: 1 | -1 | 0) => setPrefs((p) => stepTextSize(p, step)), []);
  const setPanelWidth = useCallback((width: number) => setPrefs((p) => withPanelWidth(p, width)), []);
  const togglePanel = useCallback(() => setPrefs((p) => ({ ...p, panelHidden: !p.panelHidden })), []);

  return { prefs, stepText, setPanelWidth, togglePanel };
}

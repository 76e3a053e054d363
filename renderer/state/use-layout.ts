/**
 * The layout preferences as live state: applied to the page as CSS custom properties (`--text-size`,
 * `--panel-width`), kept in the page's storage, and changed by keys that every reading app uses: Ctrl+plus and
 * Ctrl+minus for the text size, Ctrl+0 to reset it, Ctrl+B to hide or show the side panel.
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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      // Ctrl+= is Ctrl+plus without Shift on most layouts; '+' arrives with Shift or from the keypad.
      if (e.key === '+' || e.key === '=') stepText(1);
      else if (e.key === '-' || e.key === '_') stepText(-1);
      else if (e.key === '0') stepText(0);
      else if (e.key.toLowerCase() === 'b' && !e.shiftKey) togglePanel();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepText, togglePanel]);

  return { prefs, stepText, setPanelWidth, togglePanel };
}

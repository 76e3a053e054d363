/**
 * The handle between the article and the side panel: drag it, or focus it and press the arrow keys, to make the
 * panel wider or narrower; Home and End go to the narrowest and widest, a double click back to the default. It is
 * a focusable separator with its value, as the WAI-ARIA window splitter pattern describes.
 */
import { useRef } from 'react';
import { PANEL_WIDTHS } from '../../state/layout-prefs';
import './layout.css';

interface Props {
  readonly width: number;
  readonly onWidth: (width: number) => void;
}

export function PanelSplitter({ width, onWidth }: Props) {
  const drag = useRef<{ readonly x: number; readonly width: number }>(undefined);
  return (
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize side panel"
      aria-valuenow={width}
      aria-valuemin={PANEL_WIDTHS.min}
      aria-valuemax={PANEL_WIDTHS.max}
      tabIndex={0}
      title="Drag to resize the side panel (arrow keys when focused; double-click for the default width)"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        // The panel is on the right: moving the handle left makes it wider.
        if (drag.current) onWidth(drag.current.width + drag.current.x - e.clientX);
      }}
      onPointerUp={() => (drag.current = undefined)}
      onPointerCancel={() => (drag.current = undefined)}
      onDoubleClick={() => onWidth(PANEL_WIDTHS.initial)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? PANEL_WIDTHS.step * 4 : PANEL_WIDTHS.step;
        const to =
          e.key === 'ArrowLeft'
            ? width + step
            : e.key === 'ArrowRight'
              ? width - step
              : e.key === 'Home'
                ? PANEL_WIDTHS.min
                : e.key === 'End'
                  ? PANEL_WIDTHS.max
                  : undefined;
        if (to === undefined) return;
        e.preventDefault();
        e.stopPropagation();
        onWidth(to);
      }}
    />
  );
}

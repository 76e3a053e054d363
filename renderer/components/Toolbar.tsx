/**
 * The toolbar: open, navigation, jump to a paragraph, flag and edit, then the version commands. Every control has
 * an accessible name. It stays on one row: in a narrow window the sample and the version commands move into a
 * "More" menu (the stylesheet decides which of the two shows, from the window's width).
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { OverflowMenu, type ToolbarCommand } from './layout/OverflowMenu';
import './toolbar.css';
import './layout/layout.css';

interface Props {
  /** The open article's name: the go-to field is cleared when another article opens. */
  readonly articleName?: string;
  readonly current: number;
  readonly total: number;
  readonly onOpen: () => void;
  readonly onOpenSample: () => void;
  readonly onGoTo: (paragraphNumber: number) => void;
  readonly onFirst: () => void;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
  readonly onLast: () => void;
  readonly onShortcuts: () => void;
  readonly onFlag: () => void;
  readonly canFlag: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly undoLabel?: string;
  readonly redoLabel?: string;
  readonly onSettings: () => void;
  /** Opens the editor on the paragraph in focus; absent while there is nothing to edit. */
  readonly onEdit?: () => void;
  /** The version commands (save, compare, export, report): a group when wide, the "More" menu when narrow. */
  readonly commands: readonly ToolbarCommand[];
  readonly panelHidden: boolean;
  readonly onTogglePanel: () => void;
}

export function Toolbar(props: Props) {
  const [target, setTarget] = useState('');
  // A number typed for one article means nothing in the next.
  useEffect(() => setTarget(''), [props.articleName]);
  const placeholder = props.total ? `1–${props.total}` : '';
  const jump = () => {
    const n = Number.parseInt(target, 10);
    if (Number.isFinite(n) && n >= 1) props.onGoTo(Math.min(n, props.total));
  };
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="toolbar__brand" aria-hidden="true">
        <span className="toolbar__logo">R</span> Redline
      </span>
      <div className="toolbar__group" role="group" aria-label="File">
        <button type="button" onClick={props.onOpen} title="Open an article (Ctrl+O)">
          Open…
        </button>
      </div>
      <div className="toolbar__group" role="group" aria-label="Navigate">
        <button
          type="button"
          aria-label="First paragraph"
          title="First paragraph (Home)"
          onClick={props.onFirst}
          disabled={props.total === 0}
        >
          ⤒
        </button>
        <button
          type="button"
          aria-label="Previous paragraph"
          title="Previous paragraph (K or ↑)"
          onClick={props.onPrevious}
          disabled={props.current <= 0}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next paragraph"
          title="Next paragraph (J or ↓)"
          onClick={props.onNext}
          disabled={props.current >= props.total - 1}
        >
          ↓
        </button>
        <button type="button" aria-label="Last paragraph" title="Last paragraph (End)" onClick={props.onLast} disabled={props.total === 0}>
          ⤓
        </button>
        <form
          className="toolbar__goto"
          // Out-of-range numbers go to the nearest paragraph instead of raising the browser's own complaint.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            jump();
          }}
        >
          <label htmlFor="goto-paragraph">Go to ¶</label>
          <input
            id="goto-paragraph"
            type="number"
            min={1}
            max={Math.max(1, props.total)}
            inputMode="numeric"
            placeholder={placeholder}
            // As wide as the range it offers: "1–100000" is read whole, not cut to "1–1000".
            style={{ '--goto-chars': Math.max(5, placeholder.length) } as CSSProperties}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            // Ctrl+G then a number replaces the old number instead of adding digits to it.
            onFocus={(e) => e.currentTarget.select()}
            title="Jump to paragraph number (Ctrl+G)"
          />
          <button type="submit">Go</button>
        </form>
      </div>
      <div className="toolbar__group" role="group" aria-label="Review">
        <button
          type="button"
          className="primary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={props.onFlag}
          disabled={!props.canFlag}
          title="Flag the selected phrase, or a phrase of the paragraph in focus (F)"
        >
          Flag
        </button>
        <button type="button" onClick={props.onEdit} disabled={!props.onEdit} title="Edit the paragraph in focus (E or Enter)">
          Edit
        </button>
        <button
          type="button"
          onClick={props.onUndo}
          disabled={!props.undoLabel}
          aria-label={props.undoLabel ?? 'Undo'}
          title={`${props.undoLabel ?? 'Nothing to undo'} (Ctrl+Z)`}
        >
          ↶
        </button>
        <button
          type="button"
          onClick={props.onRedo}
          disabled={!props.redoLabel}
          aria-label={props.redoLabel ?? 'Redo'}
          title={`${props.redoLabel ?? 'Nothing to redo'} (Ctrl+Shift+Z)`}
        >
          ↷
        </button>
      </div>
      <div className="toolbar__group toolbar__wide-only" role="group" aria-label="Versions">
        {props.commands.map((c) => (
          <button
            key={c.label}
            type="button"
            disabled={c.disabled}
            {...(c.pressed !== undefined ? { 'aria-pressed': c.pressed } : {})}
            onClick={c.onRun}
            title={c.title}
          >
            {c.label}
          </button>
        ))}
      </div>
      <div className="toolbar__narrow-only">
        <OverflowMenu
          commands={[{ label: 'Sample', title: 'Open the bundled sample article', onRun: props.onOpenSample }, ...props.commands]}
        />
      </div>
      <div className="toolbar__spacer" />
      <button
        type="button"
        onClick={props.onTogglePanel}
        aria-label="Side panel"
        aria-pressed={!props.panelHidden}
        title={`${props.panelHidden ? 'Show' : 'Hide'} the side panel: scores, flags, versions (Ctrl+B)`}
      >
        ◨
      </button>
      <button
        type="button"
        onClick={props.onSettings}
        aria-label="Review settings"
        title="Review settings: your name, scoring, typology (Ctrl+,)"
      >
        ⚙
      </button>
      <button type="button" onClick={props.onShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </header>
  );
}

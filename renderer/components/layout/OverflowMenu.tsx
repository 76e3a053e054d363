/**
 * "More": the toolbar's commands that do not fit a narrow window, as a menu button. The toolbar hands the same
 * command list to its wide group and to this menu, so a command never exists in one place only. Keys follow the
 * WAI-ARIA menu button pattern: Enter, Space or ArrowDown open it on the first item, the arrows move, Esc closes
 * it and gives focus back to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { moveInMenu } from './menu-keys';

export interface ToolbarCommand {
  readonly label: string;
  readonly title: string;
  readonly onRun: () => void;
  readonly disabled?: boolean;
  /** For toggles (compare, report): whether the command's view is showing. */
  readonly pressed?: boolean;
}

export function OverflowMenu({ commands }: { readonly commands: readonly ToolbarCommand[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not([disabled])') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    window.addEventListener('pointerdown', outside);
    return () => window.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div className="overflow-menu">
      <button
        ref={button}
        type="button"
        className="overflow-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="More commands"
        title="More commands"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        More ▾
      </button>
      {open && (
        <div
          ref={menu}
          className="overflow-menu__list"
          role="menu"
          aria-label="More commands"
          onKeyDown={(e) => {
            if (!moveInMenu(e.key, items())) {
              if (e.key === 'Escape' || e.key === 'Tab') close(e.key === 'Escape');
              else return;
            }
            if (e.key !== 'Tab') e.preventDefault();
            e.stopPropagation();
          }}
        >
          {commands.map((c) => (
            <button
              key={c.label}
              type="button"
              role={c.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
              {...(c.pressed !== undefined ? { 'aria-checked': c.pressed } : {})}
              disabled={c.disabled}
              title={c.title}
              onClick={() => {
                close(false);
                c.onRun();
              }}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

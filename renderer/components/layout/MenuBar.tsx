/**
 * The app's menus in the page, for the browser host (the desktop app has the same menus natively): built from the
 * one table of commands (shared/commands.ts), carried out by the one dispatcher, so every command of the desktop
 * menu is here too. Items only the desktop has (a native file dialog, the clipboard roles) are left out; the
 * page's own Open dialog covers opening with a source and the recent files.
 *
 * Keys follow the WAI-ARIA menu bar pattern: ← and → move between menus, ↓ or Enter opens one, ↑ and ↓ move in it,
 * Enter runs an item, Esc closes and gives focus back to the menu's name.
 */
import { useEffect, useRef, useState } from 'react';
import { COMMANDS, isPageCommand, keyLabel, MENUS, plainLabel, type PageCommand } from '../../../shared/commands';
import type { Commands } from '../use-shortcuts';
import './layout.css';
import { MAC, moveInMenu } from './menu-keys';

/** Each menu's page commands, with a separator wherever the menu has one between two kept items. */
const PAGE_MENUS = MENUS.map((menu) => {
  const items: (PageCommand | 'separator')[] = [];
  for (const ref of menu.items) {
    if (ref === 'separator') {
      if (items.length > 0 && items.at(-1) !== 'separator') items.push('separator');
    } else if (isPageCommand(ref)) items.push(ref);
  }
  if (items.at(-1) === 'separator') items.pop();
  return { label: plainLabel(menu.label), items };
});

export function MenuBar({ commands }: { readonly commands: Commands }) {
  const [open, setOpen] = useState<number>();
  const bar = useRef<HTMLDivElement>(null);
  const heads = useRef<(HTMLButtonElement | null)[]>([]);

  const itemsOf = (menu: number) => [
    ...(bar.current?.querySelectorAll<HTMLButtonElement>(`[data-menu="${menu}"] [role="menu"] [role="menuitem"]:not([disabled])`) ?? []),
  ];

  useEffect(() => {
    if (open === undefined) return;
    itemsOf(open)[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(undefined);
    };
    window.addEventListener('pointerdown', outside);
    return () => window.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (menu: number) => {
    setOpen(undefined);
    heads.current[menu]?.focus();
  };

  return (
    <div ref={bar} className="menubar" role="menubar" aria-label="Menu">
      {PAGE_MENUS.map((menu, m) => (
        <div key={menu.label} className="menubar__menu" data-menu={m}>
          <button
            ref={(el) => {
              heads.current[m] = el;
            }}
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === m}
            className="menubar__head"
            onClick={() => setOpen(open === m ? undefined : m)}
            // Once a menu is open, pointing at another opens that one, as desktop menu bars do.
            onPointerEnter={() => open !== undefined && open !== m && setOpen(m)}
            onKeyDown={(e) => {
              const to =
                e.key === 'ArrowRight'
                  ? (m + 1) % PAGE_MENUS.length
                  : e.key === 'ArrowLeft'
                    ? (m + PAGE_MENUS.length - 1) % PAGE_MENUS.length
                    : undefined;
              if (to !== undefined) heads.current[to]?.focus();
              else if (e.key === 'ArrowDown') setOpen(m);
              else if (e.key === 'Escape' && open !== undefined) setOpen(undefined);
              else return;
              e.preventDefault();
            }}
          >
            {menu.label}
          </button>
          {open === m && (
            <div
              className="menubar__list"
              role="menu"
              aria-label={menu.label}
              onKeyDown={(e) => {
                if (!moveInMenu(e.key, itemsOf(m))) {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
                    setOpen((m + (e.key === 'ArrowRight' ? 1 : PAGE_MENUS.length - 1)) % PAGE_MENUS.length);
                  else if (e.key === 'Escape') close(m);
                  else if (e.key === 'Tab') setOpen(undefined);
                  else return;
                }
                if (e.key !== 'Tab') e.preventDefault();
                // The article's keys must not see keys meant for the menu.
                e.stopPropagation();
              }}
            >
              {menu.items.map((item, i) =>
                item === 'separator' ? (
                  <div key={`sep-${i}`} role="separator" className="menubar__separator" />
                ) : (
                  <button
                    key={item}
                    type="button"
                    role="menuitem"
                    className="menubar__item"
                    disabled={!commands.enabled(item)}
                    onClick={() => {
                      setOpen(undefined);
                      commands.run(item);
                    }}
                    {...(COMMANDS[item].key
                      ? { 'aria-keyshortcuts': COMMANDS[item].key!.replace('CmdOrCtrl', MAC ? 'Meta' : 'Control') }
                      : {})}
                  >
                    <span>{COMMANDS[item].label}</span>
                    {COMMANDS[item].key && <kbd className="menubar__key">{keyLabel(COMMANDS[item].key!, MAC)}</kbd>}
                  </button>
                ),
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

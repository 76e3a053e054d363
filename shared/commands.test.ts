import { describe, expect, it } from 'vitest';
import { COMMANDS, isPageCommand, keyLabel, matchesChord, MENUS, PAGE_COMMANDS, parseAccelerator } from './commands';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the table of commands', () => {
  it('puts every page command in exactly one menu', () => {
    const placed = MENUS.flatMap((m) => m.items).filter((i) => i !== 'separator' && isPageCommand(i));
    expect([...placed].sort()).toEqual([...PAGE_COMMANDS].sort());
  });

  it('gives no two commands the same key', () => {
    const keys = PAGE_COMMANDS.flatMap((id) => (COMMANDS[id].key ? [COMMANDS[id].key] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('matching a key press to a command’s key', () => {
  it('takes Ctrl or Cmd for CmdOrCtrl, and tells Ctrl+S from S and from Ctrl+Shift+S', () => {
    const save = parseAccelerator('CmdOrCtrl+S');
    expect(matchesChord(save, press('s', { ctrlKey: true }))).toBe(true);
    expect(matchesChord(save, press('s', { metaKey: true }))).toBe(true);
    expect(matchesChord(save, press('s'))).toBe(false);
    expect(matchesChord(save, press('S', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesChord(parseAccelerator('CmdOrCtrl+Shift+E'), press('E', { ctrlKey: true, shiftKey: true }))).toBe(true);
  });

  it('reads a symbol with the Shift that types it: ? is Shift+/, Ctrl+plus is Ctrl+= or Ctrl+Shift+=', () => {
    expect(matchesChord(parseAccelerator('?'), press('?', { shiftKey: true }))).toBe(true);
    const larger = parseAccelerator('CmdOrCtrl+=');
    expect(matchesChord(larger, press('=', { ctrlKey: true }))).toBe(true);
    expect(matchesChord(larger, press('+', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesChord(parseAccelerator('CmdOrCtrl+-'), press('-', { ctrlKey: true }))).toBe(true);
  });

  it('keeps lone letters apart from their capitals and from Alt', () => {
    const flag = parseAccelerator('F');
    expect(matchesChord(flag, press('f'))).toBe(true);
    expect(matchesChord(flag, press('F', { shiftKey: true }))).toBe(false);
    expect(matchesChord(flag, press('f', { altKey: true }))).toBe(false);
  });

  it('writes keys as people read them', () => {
    expect(keyLabel('CmdOrCtrl+Shift+E')).toBe('Ctrl+Shift+E');
    expect(keyLabel('CmdOrCtrl+=')).toBe('Ctrl+plus');
    expect(keyLabel('CmdOrCtrl+Shift+E', true)).toBe('⌘⇧E');
  });
});

// The shortcuts of the shared command list, as the browser's keyboard handler reads them.
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForKey } from '../../../shared/commands.ts';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt,
});

describe('commandForKey', () => {
  it('maps Ctrl and ⌘ shortcuts to the same commands as the menu', () => {
    expect(commandForKey(key('n', { ctrl: true }))).toBe('workspace.new');
    expect(commandForKey(key('o', { meta: true }))).toBe('workspace.open');
    expect(commandForKey(key('p', { ctrl: true }))).toBe('export.roadmap');
    expect(commandForKey(key('1', { ctrl: true }))).toBe('navigate:/clients');
    expect(commandForKey(key('4', { ctrl: true }))).toBe('navigate:/plan');
    expect(commandForKey(key('z', { ctrl: true }))).toBe('edit.undo');
    expect(commandForKey(key('Z', { ctrl: true, shift: true }))).toBe('edit.redo');
    expect(commandForKey(key('y', { ctrl: true }))).toBe('edit.redo');
  });

  it('ignores keys without the modifier, or with one the shortcut does not have', () => {
    expect(commandForKey(key('n'))).toBeNull();
    expect(commandForKey(key('n', { ctrl: true, alt: true }))).toBeNull();
    expect(commandForKey(key('s', { ctrl: true }))).toBeNull();
  });

  it('gives every shortcut to one command only', () => {
    const accelerators = Object.values(COMMANDS).flatMap((c) => ('accelerator' in c ? [c.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

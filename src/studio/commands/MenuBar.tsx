import { useEffect, useRef, useState } from 'react';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { isEnabled } from './index.ts';
import { formatChord, isMacPlatform } from './shortcuts.ts';
import type { Command, CommandContext, CommandGroup } from './types.ts';

const messages = defineMessages({
  'zh-CN': { file: '文件', edit: '编辑', view: '视图', pack: '规则包', menu: '菜单' },
  en: { file: 'File', edit: 'Edit', view: 'View', pack: 'Pack', menu: 'Menu' },
});

const GROUPS: readonly CommandGroup[] = ['file', 'edit', 'view', 'pack'];

/** Menus built from the command registry: one entry per command, in its group. */
export function MenuBar(props: { commands: readonly Command[]; ctx: CommandContext }) {
  const { commands, ctx } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const [open, setOpen] = useState<CommandGroup | null>(null);
  const ref = useRef<HTMLElement>(null);
  const isMac = isMacPlatform();

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(null);
    };
    // Escape closes the menu wherever the focus is (after a click it is on the menu's button).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(null);
      ref.current?.querySelector<HTMLElement>(`[data-menu="${open}"]`)?.focus();
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <nav className="menubar" ref={ref} aria-label={t('menu')}>
      {GROUPS.map((group) => {
        const items = commands.filter((c) => c.group === group);
        if (items.length === 0) return null;
        return (
          <div key={group} className="menu">
            <button
              className={open === group ? 'menu-button open' : 'menu-button'}
              aria-haspopup="menu"
              aria-expanded={open === group}
              onClick={() => setOpen(open === group ? null : group)}
              onMouseEnter={() => open && setOpen(group)}
              data-menu={group}
            >
              {t(group)}
            </button>
            {open === group && (
              <ul className="menu-list" role="menu">
                {items.map((command) => (
                  <li key={command.id} role="none">
                    <button
                      role="menuitem"
                      className="menu-item"
                      disabled={!isEnabled(command, ctx)}
                      onClick={() => {
                        setOpen(null);
                        void command.perform(ctx);
                      }}
                      data-command={command.id}
                    >
                      <span>{localize(command.label)}</span>
                      {command.shortcut?.[0] && (
                        <kbd className="kbd">{formatChord(command.shortcut[0], isMac)}</kbd>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </nav>
  );
}

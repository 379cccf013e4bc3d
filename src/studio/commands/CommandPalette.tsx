import { useMemo, useState, type KeyboardEvent } from 'react';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { fuzzyFilter } from './fuzzy.ts';
import { isEnabled } from './index.ts';
import { formatChord, isMacPlatform } from './shortcuts.ts';
import type { Command, CommandContext } from './types.ts';

const messages = defineMessages({
  'zh-CN': { placeholder: '输入命令…', empty: '没有匹配的命令', title: '命令面板' },
  en: { placeholder: 'Type a command…', empty: 'No matching command', title: 'Command palette' },
});

/** Every enabled command, filtered as you type (fuzzy, in the current language and by id). */
export function CommandPalette(props: {
  commands: readonly Command[];
  ctx: CommandContext;
  onClose: () => void;
}) {
  const { commands, ctx, onClose } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const isMac = isMacPlatform();
  const available = useMemo(() => commands.filter((c) => isEnabled(c, ctx)), [commands, ctx]);
  const shown = useMemo(
    () => fuzzyFilter(query, available, (c) => `${localize(c.label)} ${c.id}`),
    [query, available, localize],
  );
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    void command.perform(ctx);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(shown.length, 1));
    else if (event.key === 'ArrowUp')
      setActive((current - 1 + shown.length) % Math.max(shown.length, 1));
    else if (event.key === 'Enter') run(shown[current]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-label={t('title')}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          className="palette-input"
          placeholder={t('placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          aria-controls="palette-list"
        />
        <ul className="palette-list" id="palette-list" role="listbox">
          {shown.length === 0 && <li className="palette-empty">{t('empty')}</li>}
          {shown.map((command, i) => (
            <li
              key={command.id}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'palette-item active' : 'palette-item'}
              onMouseEnter={() => setActive(i)}
              onClick={() => run(command)}
              data-command={command.id}
            >
              <span>{localize(command.label)}</span>
              {command.shortcut?.[0] && (
                <kbd className="kbd">{formatChord(command.shortcut[0], isMac)}</kbd>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

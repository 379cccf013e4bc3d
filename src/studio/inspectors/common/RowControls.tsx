import type { ReactNode } from 'react';
import { defineMessages, useMessages } from '../../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': { up: '上移', down: '下移', left: '左移', right: '右移', remove: '删除' },
  en: {
    up: 'Move up',
    down: 'Move down',
    left: 'Move left',
    right: 'Move right',
    remove: 'Delete',
  },
});

type Step = -1 | 1;

export type RowControlsProps = {
  /** Names the row in every button's accessible name (`上移 Q3`), so a list of them is told apart. */
  name?: string;
  /** Moves the row one place; without it there are no move buttons. */
  onMove?: (by: Step) => void;
  canMoveUp?: boolean;
  canMoveDown?: boolean;
  /** The row's name once moved, for rows named by their position (row 2 moved up is row 1). */
  movedName?: (by: Step) => string;
  onRemove?: () => void;
  canRemove?: boolean;
  /** The delete button's tooltip, e.g. why it is off. */
  removeHint?: string;
  /** `horizontal` for columns: ← → instead of ↑ ↓. */
  direction?: 'vertical' | 'horizontal';
  /** The row's other buttons, between the moves and delete (duplicate, insert below...). */
  children?: ReactNode;
  /** The container's class; `q-tools` by default. */
  className?: string;
  /** `button`: the bordered buttons of the node forms (`insp-button`), else compact ones. */
  look?: 'compact' | 'button';
};

/**
 * After a move the list re-renders and the moved row's buttons may be new elements (rows keyed by
 * id remount, rows keyed by position now show the neighbour): without this a keyboard user's focus
 * would fall back to the page. Focus follows the row: the button pressed, else the other move
 * button (the first pressed may now be disabled), looked for in the list first.
 */
function focusAfterMove(pressed: HTMLElement, labels: readonly string[]): void {
  const list = pressed.closest('ol, ul, tbody, [role=grid], fieldset, section');
  requestAnimationFrame(() => {
    for (const root of [list, document.body]) {
      if (!root?.isConnected) continue;
      const buttons = [...root.querySelectorAll('button')];
      for (const label of labels) {
        const button = buttons.find((b) => !b.disabled && b.getAttribute('aria-label') === label);
        if (button) return button.focus();
      }
    }
  });
}

/** The ↑ ↓ ✕ of a row in a list: move it, delete it, plus the row's own buttons in between. */
export function RowControls(props: RowControlsProps) {
  const { name, onMove, movedName, onRemove, children, direction = 'vertical' } = props;
  const { canMoveUp = true, canMoveDown = true, canRemove = true, look = 'compact' } = props;
  const t = useMessages(messages);
  const [back, forth] =
    direction === 'vertical' ? (['up', 'down'] as const) : (['left', 'right'] as const);
  const named = (verb: string, who = name) => (who === undefined ? verb : `${verb} ${who}`);

  const move = (by: Step, pressed: HTMLElement) => {
    if (!onMove) return;
    const after = movedName ? movedName(by) : name;
    const [same, other] = by < 0 ? [back, forth] : [forth, back];
    onMove(by);
    focusAfterMove(pressed, [named(t(same), after), named(t(other), after)]);
  };
  const button = look === 'button' ? 'insp-button icon' : undefined;
  const moveButton = (by: Step) => {
    const verb = t(by < 0 ? back : forth);
    const mark = { up: '↑', down: '↓', left: '←', right: '→' }[by < 0 ? back : forth];
    return (
      <button
        type="button"
        className={button}
        aria-label={named(verb)}
        title={named(verb)}
        disabled={by < 0 ? !canMoveUp : !canMoveDown}
        onClick={(e) => move(by, e.currentTarget)}
      >
        {mark}
      </button>
    );
  };
  return (
    <span className={`row-controls ${props.className ?? 'q-tools'}`}>
      {onMove && moveButton(-1)}
      {onMove && moveButton(1)}
      {children}
      {onRemove && (
        <button
          type="button"
          className={button && `${button} danger`}
          aria-label={named(t('remove'))}
          title={props.removeHint ?? named(t('remove'))}
          disabled={!canRemove}
          onClick={onRemove}
        >
          ✕
        </button>
      )}
    </span>
  );
}

import { bulkDuplicate, bulkRemove, type BulkList, type PackChange } from '../../domain/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { useStudio } from '../state/index.ts';
import { offerUndo } from './undoToast.ts';

const messages = defineMessages({
  'zh-CN': {
    selected: '已选 {n} 项',
    duplicate: '复制所选',
    remove: '删除所选',
    clear: '取消选择',
    all: '全选',
  },
  en: {
    selected: '{n} selected',
    duplicate: 'Duplicate selected',
    remove: 'Delete selected',
    clear: 'Clear selection',
    all: 'Select all',
  },
});

/**
 * Bulk work on a list of the pack (tests, products): select all, duplicate or delete what is
 * selected as one undoable step; a deletion offers its Undo in a toast.
 */
export function BulkBar<T extends { id: string }>(props: {
  list: BulkList<T>;
  /** The ids the list shows now (after filters): what "select all" selects. */
  visible: readonly string[];
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
}) {
  const { list, visible, onSelect } = props;
  // Items removed meanwhile (another edit, undo) drop out of the selection.
  const selected = new Set(list.items.flatMap((i) => (props.selected.has(i.id) ? [i.id] : [])));
  const t = useMessages(messages);
  const { packStore } = useStudio();
  const run = (change: PackChange, undo: boolean) => {
    if (!packStore.dispatch(change).ok) return;
    onSelect(new Set());
    if (undo && change.type === 'batch' && change.text) offerUndo(packStore, change.text);
  };
  const allShown = visible.length > 0 && visible.every((id) => selected.has(id));
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <label>
        <input
          type="checkbox"
          checked={allShown}
          aria-label={t('all')}
          onChange={() => onSelect(allShown ? new Set() : new Set(visible))}
        />{' '}
        {selected.size > 0 ? t('selected', { n: selected.size }) : t('all')}
      </label>
      {selected.size > 0 && (
        <>
          <button
            type="button"
            className="btn btn-small"
            data-action="bulk-duplicate"
            onClick={() => run(bulkDuplicate(list, selected), false)}
          >
            {t('duplicate')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            data-action="bulk-remove"
            onClick={() => run(bulkRemove(list, selected), true)}
          >
            {t('remove')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => onSelect(new Set())}>
            {t('clear')}
          </button>
        </>
      )}
    </div>
  );
}

/** A row's selection checkbox. */
export function SelectBox(props: {
  id: string;
  label: string;
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
}) {
  const { id, label, selected, onSelect } = props;
  return (
    <input
      type="checkbox"
      className="select-box"
      aria-label={label}
      data-select={id}
      checked={selected.has(id)}
      onChange={(e) => {
        const next = new Set(selected);
        if (e.target.checked) next.add(id);
        else next.delete(id);
        onSelect(next);
      }}
    />
  );
}

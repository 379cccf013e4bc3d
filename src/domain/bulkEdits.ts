import type { PackChange, PathKey } from './changes.ts';
import { copyJson } from './copyJson.ts';
import { lt, type LocalizedText } from './localized.ts';

type Item = { id: string };

/** The list at `path` that bulk edits work on, named for the history (`tests`, `products`). */
export type BulkList<T extends Item> = {
  path: readonly PathKey[];
  items: readonly T[];
  /** What the items are called, e.g. `{ 'zh-CN': '测试用例', en: 'test cases' }`. */
  noun: LocalizedText;
};

function listed(ids: readonly string[]): { zh: string; en: string } {
  const shown = ids.slice(0, 5);
  const more = ids.length - shown.length;
  return {
    zh: shown.join('、') + (more > 0 ? ` 等 ${ids.length} 项` : ''),
    en: shown.join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}

/** Removes the selected items as one named step (highest index first, so indexes hold). */
export function bulkRemove<T extends Item>(
  list: BulkList<T>,
  ids: ReadonlySet<string>,
): PackChange {
  const indexes = list.items.flatMap((item, i) => (ids.has(item.id) ? [i] : [])).reverse();
  const names = listed(list.items.filter((item) => ids.has(item.id)).map((item) => item.id));
  return {
    type: 'batch',
    label: 'bulk remove',
    text: lt(
      `删除 ${indexes.length} 个${list.noun['zh-CN']}：${names.zh}`,
      `removed ${indexes.length} ${list.noun.en}: ${names.en}`,
    ),
    changes: indexes.map((index) => ({ type: 'remove', path: list.path, index })),
  };
}

/** An id like `<id>-copy`, `<id>-copy-2`... that `taken` does not hold; adds it to `taken`. */
function copyId(id: string, taken: Set<string>): string {
  let next = `${id}-copy`;
  for (let n = 2; taken.has(next); n++) next = `${id}-copy-${n}`;
  taken.add(next);
  return next;
}

/** Copies of the selected items under fresh ids, each right after its original, as one step. */
export function bulkDuplicate<T extends Item>(
  list: BulkList<T>,
  ids: ReadonlySet<string>,
): PackChange {
  const taken = new Set(list.items.map((item) => item.id));
  const changes: PackChange[] = [];
  const copies: string[] = [];
  let shift = 0;
  list.items.forEach((item, i) => {
    if (!ids.has(item.id)) return;
    const id = copyId(item.id, taken);
    copies.push(id);
    shift++;
    changes.push({
      type: 'insert',
      path: list.path,
      index: i + shift,
      value: { ...copyJson(item), id },
    });
  });
  const names = listed(copies);
  return {
    type: 'batch',
    label: 'bulk duplicate',
    text: lt(
      `复制 ${copies.length} 个${list.noun['zh-CN']}：${names.zh}`,
      `duplicated ${copies.length} ${list.noun.en}: ${names.en}`,
    ),
    changes,
  };
}

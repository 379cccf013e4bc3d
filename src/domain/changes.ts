import { FORBIDDEN_KEYS } from './ids.ts';
import type { LocalizedText } from './localized.ts';
import type { Pack } from './pack.ts';

/** A step into the pack document: an object key or an array index. */
export type PathKey = string | number;

/**
 * Every edit to a pack, from any editor, as data. One pure function applies them; the inverse of each
 * is computed before it is applied, which gives undo / redo, autosave and replay.
 */
export type PackChange =
  /** Sets the value at `path`; `undefined` removes an object key. */
  | { type: 'set'; path: readonly PathKey[]; value: unknown }
  /** Inserts `value` into the array at `path` before `index`. */
  | { type: 'insert'; path: readonly PathKey[]; index: number; value: unknown }
  /** Removes the element at `index` of the array at `path`. */
  | { type: 'remove'; path: readonly PathKey[]; index: number }
  /** Moves an element of the array at `path` from one index to another. */
  | { type: 'move'; path: readonly PathKey[]; from: number; to: number }
  /** Replaces the whole document (an edit in the JSON view, a restore). */
  | { type: 'replace'; pack: Pack }
  /**
   * Several changes as one undoable step: a named intent (`label`, e.g. `band boundary`) and what
   * it did in words for the history (`text`, e.g. "moved C3/C4 boundary 53 → 60").
   */
  | { type: 'batch'; changes: PackChange[]; label?: string; text?: LocalizedText };

export class ChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangeError';
  }
}

function checkKey(key: PathKey): void {
  if (typeof key === 'string' && FORBIDDEN_KEYS.has(key))
    throw new ChangeError(`reserved key in path: ${key}`);
}

/** Reads the value at `path` (own properties only). */
export function getAt(root: unknown, path: readonly PathKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    checkKey(key);
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** Copies the containers along `path` and lets `edit` change the last one in place. */
function updateAt(
  root: unknown,
  path: readonly PathKey[],
  edit: (container: unknown) => void,
): unknown {
  if (path.length === 0) {
    const copy = shallowCopy(root);
    edit(copy);
    return copy;
  }
  const [head, ...rest] = path as [PathKey, ...PathKey[]];
  checkKey(head);
  const copy = shallowCopy(root) as Record<PathKey, unknown>;
  if (!Object.hasOwn(copy, head)) throw new ChangeError(`no value at ${String(head)}`);
  copy[head] = updateAt(copy[head], rest, edit);
  return copy;
}

function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice();
  if (value !== null && typeof value === 'object') return { ...value };
  throw new ChangeError('path goes through a value that is not an object or array');
}

function arrayAt(container: unknown): unknown[] {
  if (!Array.isArray(container)) throw new ChangeError('expected an array');
  return container;
}

function setIn(root: unknown, path: readonly PathKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = path.slice(0, -1);
  const key = path[path.length - 1] as PathKey;
  checkKey(key);
  return updateAt(root, parent, (container) => {
    const target = container as Record<PathKey, unknown>;
    if (value === undefined && !Array.isArray(container)) delete target[key];
    else target[key] = value;
  });
}

/** Applies one change and returns the new pack; the input is never mutated. */
export function applyChange(pack: Pack, change: PackChange): Pack {
  switch (change.type) {
    case 'set':
      return setIn(pack, change.path, change.value) as Pack;
    case 'insert':
      return updateAt(pack, change.path, (c) => {
        const list = arrayAt(c);
        if (change.index < 0 || change.index > list.length)
          throw new ChangeError('index out of range');
        list.splice(change.index, 0, change.value);
      }) as Pack;
    case 'remove':
      return updateAt(pack, change.path, (c) => {
        const list = arrayAt(c);
        if (change.index < 0 || change.index >= list.length)
          throw new ChangeError('index out of range');
        list.splice(change.index, 1);
      }) as Pack;
    case 'move':
      return updateAt(pack, change.path, (c) => {
        const list = arrayAt(c);
        const { from, to } = change;
        if (from < 0 || from >= list.length || to < 0 || to >= list.length)
          throw new ChangeError('index out of range');
        const [item] = list.splice(from, 1);
        list.splice(to, 0, item);
      }) as Pack;
    case 'replace':
      return change.pack;
    case 'batch':
      return change.changes.reduce(applyChange, pack);
  }
}

/** The change that undoes `change`, computed against the pack before `change` is applied. */
export function invertChange(pack: Pack, change: PackChange): PackChange {
  switch (change.type) {
    case 'set':
      return { type: 'set', path: change.path, value: getAt(pack, change.path) };
    case 'insert':
      return { type: 'remove', path: change.path, index: change.index };
    case 'remove':
      return {
        type: 'insert',
        path: change.path,
        index: change.index,
        value: (getAt(pack, change.path) as unknown[])[change.index],
      };
    case 'move':
      return { type: 'move', path: change.path, from: change.to, to: change.from };
    case 'replace':
      return { type: 'replace', pack };
    case 'batch': {
      const inverses: PackChange[] = [];
      let current = pack;
      for (const c of change.changes) {
        inverses.unshift(invertChange(current, c));
        current = applyChange(current, c);
      }
      const { label, text } = change;
      return {
        type: 'batch',
        changes: inverses,
        ...(label ? { label } : {}),
        ...(text ? { text } : {}),
      };
    }
  }
}

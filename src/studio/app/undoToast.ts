import { lt, type LocalizedText } from '../../domain/index.ts';
import type { History } from '../state/index.ts';
import { showToast } from './toasts.ts';

/** What the toast needs of the pack store: its history and a step back. */
export type Undoable = { readonly state: { history: History }; undo: () => boolean };

/**
 * The in-app confirmation of a removal: done at once, then a toast says what went with an Undo
 * that takes back exactly that step. After later edits the Undo says so instead of undoing
 * something else (Edit › Undo still walks back step by step).
 */
export function offerUndo(store: Undoable, message: LocalizedText): number {
  const entry = store.state.history.undo.at(-1);
  return showToast({
    kind: 'info',
    message,
    action: {
      label: lt('撤销', 'Undo'),
      run: () => {
        if (entry && store.state.history.undo.at(-1) === entry) store.undo();
        else
          showToast({
            kind: 'error',
            message: lt(
              '之后又有修改，不能单独撤销这一步：请用“编辑 › 撤销”逐步撤销',
              'Later edits were made, so this step cannot be undone alone: use Edit › Undo step by step',
            ),
          });
      },
    },
  });
}

import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { isGoverned, toStorageError } from '../../storage/index.ts';
import { defineMessages, messageText } from '../i18n/index.tsx';
import { useStudio } from '../state/index.ts';
import { useWorkspaceUi } from '../team/workspaceUi.tsx';
import type { ImportFailure } from './ImportErrors.tsx';
import { readPackFile } from './packFiles.ts';
import { showToast } from './toasts.ts';

const messages = defineMessages({
  'zh-CN': { imported: '已导入 {file}，保存为 {key}' },
  en: { imported: 'Imported {file} as {key}' },
});

/**
 * Import through a hidden file input: the file is parsed and checked first, and only a valid
 * pack is stored. A refused file leaves the workspace as it was and says why, path by path.
 */
export function usePackImport(onImported: () => void) {
  const { storage } = useStudio();
  const { createPack } = useWorkspaceUi();
  const inputRef = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const open = useCallback(() => inputRef.current?.click(), []);
  const onChange = useCallback(
    async (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0];
      event.target.value = '';
      if (!file) return;
      const result = await readPackFile(file);
      if (!result.ok) {
        setFailure({ file: file.name, errors: result.errors });
        return;
      }
      setFailure(null);
      try {
        const stored = createPack
          ? await createPack(result.pack)
          : isGoverned(storage)
            ? await storage.packs.importPack(result.pack, file.name)
            : await storage.packs.create(result.pack);
        showToast({
          kind: 'info',
          message: messageText(messages, 'imported', { file: file.name, key: stored.key }),
        });
      } catch (e) {
        showToast({ kind: 'error', message: toStorageError(e, file.name).localized });
      }
      onImported();
    },
    [storage, createPack, onImported],
  );
  return { inputRef, open, onChange, failure, dismiss: () => setFailure(null) };
}

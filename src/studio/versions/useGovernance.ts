import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import {
  isGoverned,
  toStorageError,
  type GovernedStorage,
  type RetentionStatus,
  type StoredRevision,
  type StoredVersion,
} from '../../storage/index.ts';
import type { AuditEntry } from '../../domain/index.ts';
import { usePackState, useStudio } from '../state/index.ts';

/** The governed storage; the studio opens no other kind (see main.tsx). */
export function useGoverned(): GovernedStorage {
  const { storage } = useStudio();
  if (!isGoverned(storage)) throw new Error('the studio was opened without governed storage');
  return storage;
}

export type VersionsData = {
  revisions: StoredRevision[];
  versions: StoredVersion[];
  entries: AuditEntry[];
  /** Why each stored revision is kept, and which ones the next thinning removes. */
  retention: RetentionStatus;
};

/** Revisions, named versions, audit entries and retention of a pack, read again after every save. */
export function useVersionsData(packKey: string) {
  const storage = useGoverned();
  const revision = usePackState((s) => s.revision);
  const packId = usePackState((s) => s.pack?.id);
  const [data, setData] = useState<VersionsData | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([
      storage.packs.revisions(packKey),
      storage.versions.list(packKey),
      storage.audit.entries(packId),
      storage.retention.status(packKey),
    ]).then(
      ([revisions, versions, entries, retention]) =>
        live && setData({ revisions, versions, entries, retention }),
      (e: unknown) => live && setError(toStorageError(e, packKey).localized),
    );
    return () => {
      live = false;
    };
  }, [storage, packKey, packId, revision, token]);

  const refresh = useCallback(() => setToken((t) => t + 1), []);
  return { data, error, refresh };
}

/**
 * Runs a governance step: unsaved edits are saved first, and the open pack is reloaded after,
 * so that the editor continues from what the step wrote. A refusal is returned, not thrown.
 */
export function useGovernanceStep() {
  const { packStore } = useStudio();
  return useCallback(
    async (run: () => Promise<unknown>): Promise<LocalizedText | null> => {
      await packStore.flush();
      try {
        await run();
        await packStore.reload();
        return null;
      } catch (e) {
        return toStorageError(e, packStore.state.key ?? '').localized;
      }
    },
    [packStore],
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError, type PackSummary } from '../../storage/index.ts';
import { useStudio } from '../state/index.ts';

/** The workspace's packs, read from storage; `refresh` after a change, and on returning to the tab. */
export function usePackList(): {
  packs: PackSummary[] | null;
  error: LocalizedText | null;
  refresh: () => Promise<void>;
} {
  const { storage } = useStudio();
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const refresh = useCallback(async () => {
    try {
      setPacks(await storage.packs.list());
      setError(null);
    } catch (e) {
      setError(toStorageError(e, 'packs').localized);
    }
  }, [storage]);
  useEffect(() => {
    // Loading from storage is the external system this effect syncs with.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);
  return { packs, error, refresh };
}

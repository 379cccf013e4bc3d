import { useMemo, useState } from 'react';
import type { AuditEntry, LocalizedText } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { useStudio } from '../state/index.ts';
import { DiffView } from './DiffView.tsx';
import { pointsOf } from './diffGroups.ts';
import { PointPicker, usePointLabel } from './PointPicker.tsx';
import { RetentionCard } from './RetentionCard.tsx';
import { RevisionTable } from './RevisionTable.tsx';
import { useGoverned, useGovernanceStep, type VersionsData } from './useGovernance.ts';

const messages = defineMessages({
  'zh-CN': {
    revisions: '修订历史',
    compare: '比较',
    from: '从',
    to: '到',
    needTwo: '至少要有两个修订才能比较',
  },
  en: {
    revisions: 'Revisions',
    compare: 'Compare',
    from: 'From',
    to: 'To',
    needTwo: 'Two revisions are needed to compare',
  },
});

/**
 * Revisions with who and what, why each is kept, a restore per revision, a diff between any two
 * points, and the retention policy with a button to thin now.
 */
export function HistoryPanel(props: {
  packKey: string;
  data: VersionsData;
  onOpenNode: (id: string) => void;
  onError: (error: LocalizedText | null) => void;
  /** Storage changed outside the open pack (a thinning): read the history again. */
  onChanged: () => void;
}) {
  const { packKey, data, onOpenNode, onError, onChanged } = props;
  const t = useMessages(messages);
  const storage = useGoverned();
  const { packStore } = useStudio();
  const step = useGovernanceStep();
  const pointLabel = usePointLabel();
  const points = useMemo(() => pointsOf(data.revisions, data.versions), [data]);
  const latest = `r${data.revisions.at(-1)?.revision ?? 0}`;
  const previous = `r${data.revisions.at(-2)?.revision ?? 0}`;
  const [fromId, setFrom] = useState<string | null>(null);
  const [toId, setTo] = useState<string | null>(null);
  // A point chosen before a thinning removed it falls back to the default.
  const a = points.find((p) => p.id === fromId) ?? points.find((p) => p.id === previous);
  const b = points.find((p) => p.id === toId) ?? points.find((p) => p.id === latest);
  const changes = useMemo(() => changesByRevision(data.entries, packKey), [data.entries, packKey]);
  const restore = (revision: number) =>
    void step(() => storage.versions.restoreRevision(packKey, revision)).then(onError);
  const prune = async () => {
    await packStore.flush();
    try {
      await storage.retention.prune(packKey, 'manual');
      onError(null);
    } catch (e) {
      onError(toStorageError(e, packKey).localized);
    }
    onChanged();
  };

  return (
    <div className="history-panel">
      <section className="versions-card">
        <h3>{t('compare')}</h3>
        {points.length < 2 ? (
          <p className="muted">{t('needTwo')}</p>
        ) : (
          <>
            <div className="row">
              <PointPicker
                label={t('from')}
                points={points}
                value={a?.id ?? ''}
                onChange={setFrom}
                testId="diff-from"
              />
              <PointPicker
                label={t('to')}
                points={points}
                value={b?.id ?? ''}
                onChange={setTo}
                testId="diff-to"
              />
            </div>
            {a && b && (
              <DiffView
                a={a.pack}
                b={b.pack}
                labels={[pointLabel(a), pointLabel(b)]}
                onOpenNode={onOpenNode}
              />
            )}
          </>
        )}
      </section>
      <section className="versions-card">
        <h3>{t('revisions')}</h3>
        <RevisionTable
          revisions={data.revisions}
          changes={changes}
          retention={data.retention}
          onRestore={restore}
        />
      </section>
      <RetentionCard retention={data.retention} onPrune={() => void prune()} />
    </div>
  );
}

/** The audit entry that wrote each revision (its author and its diff in words). */
function changesByRevision(entries: readonly AuditEntry[], key: string): Map<number, AuditEntry> {
  const out = new Map<number, AuditEntry>();
  for (const e of entries) {
    const d = e.details as { key?: unknown; revision?: unknown };
    if (d.key === key && typeof d.revision === 'number') out.set(d.revision, e);
    else if (e.action === 'create' || e.action === 'import') out.set(1, e);
  }
  return out;
}

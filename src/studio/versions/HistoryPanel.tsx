import { useMemo, useState } from 'react';
import type { AuditEntry, LocalizedText } from '../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { DiffView } from './DiffView.tsx';
import { pointsOf } from './diffGroups.ts';
import { PointPicker, usePointLabel } from './PointPicker.tsx';
import { useGoverned, useGovernanceStep, type VersionsData } from './useGovernance.ts';

const messages = defineMessages({
  'zh-CN': {
    revisions: '修订历史',
    compare: '比较',
    from: '从',
    to: '到',
    when: '时间',
    who: '修改人',
    what: '摘要',
    restore: '恢复为草稿',
    restoreTitle: '把修订 {n} 的内容作为新的草稿保存（不会丢失任何修订）',
    current: '当前',
    needTwo: '至少要有两个修订才能比较',
  },
  en: {
    revisions: 'Revisions',
    compare: 'Compare',
    from: 'From',
    to: 'To',
    when: 'When',
    who: 'By',
    what: 'Summary',
    restore: 'Restore as draft',
    restoreTitle: 'Save the content of revision {n} as a new draft (no revision is lost)',
    current: 'current',
    needTwo: 'Two revisions are needed to compare',
  },
});

/** Revisions with who and what, a restore per revision, and a diff between any two points. */
export function HistoryPanel(props: {
  packKey: string;
  data: VersionsData;
  onOpenNode: (id: string) => void;
  onError: (error: LocalizedText | null) => void;
}) {
  const { packKey, data, onOpenNode, onError } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const storage = useGoverned();
  const step = useGovernanceStep();
  const pointLabel = usePointLabel();
  const points = useMemo(() => pointsOf(data.revisions, data.versions), [data]);
  const latest = `r${data.revisions.at(-1)?.revision ?? 0}`;
  const previous = `r${data.revisions.at(-2)?.revision ?? 0}`;
  const [fromId, setFrom] = useState<string | null>(null);
  const [toId, setTo] = useState<string | null>(null);
  const a = points.find((p) => p.id === (fromId ?? previous));
  const b = points.find((p) => p.id === (toId ?? latest));
  const changes = useMemo(() => changesByRevision(data.entries, packKey), [data.entries, packKey]);
  const rows = [...data.revisions].reverse();

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
        <table className="versions-table" data-testid="revision-list">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('when')}</th>
              <th>{t('who')}</th>
              <th>{t('what')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const entry = changes.get(r.revision);
              return (
                <tr key={r.revision} data-revision={r.revision}>
                  <td>
                    {r.revision}
                    {i === 0 && <span className="muted"> ({t('current')})</span>}
                  </td>
                  <td>{r.savedAt.slice(0, 19).replace('T', ' ')}</td>
                  <td>{entry?.actor ?? '-'}</td>
                  <td className="summary">{entry ? localize(entry.summary) : '-'}</td>
                  <td>
                    {i > 0 && (
                      <button
                        type="button"
                        className="btn btn-small"
                        title={t('restoreTitle', { n: r.revision })}
                        onClick={() =>
                          void step(() =>
                            storage.versions.restoreRevision(packKey, r.revision),
                          ).then(onError)
                        }
                      >
                        {t('restore')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
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

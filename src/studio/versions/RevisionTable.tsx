import { Fragment } from 'react';
import type { AuditEntry } from '../../domain/index.ts';
import type { KeepReason, RetentionStatus, StoredRevision } from '../../storage/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    when: '时间',
    who: '修改人',
    what: '摘要',
    kept: '保留原因',
    restore: '恢复为草稿',
    restoreTitle: '把修订 {n} 的内容作为新的草稿保存（不会丢失任何修订）',
    current: '当前',
    gap: '修订 {range} 已按保留策略精简（审计日志仍记录每次修改）',
    due: '待精简',
    dueTitle: '按保留策略，下次精简时删除',
    'reason.current': '当前修订',
    'reason.created': '创建或导入',
    'reason.named': '命名版本',
    'reason.published': '已发布',
    'reason.review': '提交审核',
    'reason.approve': '审批通过',
    'reason.reject': '驳回',
    'reason.restore': '恢复',
    'reason.export': '导出',
    'reason.recent': '最近一小时',
    'reason.hourly': '该小时最后一次保存',
    'reason.daily': '该日最后一次保存',
    'reason.weekly': '该周最后一次保存',
  },
  en: {
    when: 'When',
    who: 'By',
    what: 'Summary',
    kept: 'Kept because',
    restore: 'Restore as draft',
    restoreTitle: 'Save the content of revision {n} as a new draft (no revision is lost)',
    current: 'current',
    gap: 'revisions {range} thinned by the retention policy (the audit trail still records each edit)',
    due: 'to be thinned',
    dueTitle: 'the retention policy removes it at the next thinning',
    'reason.current': 'current revision',
    'reason.created': 'created or imported',
    'reason.named': 'named version',
    'reason.published': 'published',
    'reason.review': 'submitted for review',
    'reason.approve': 'approval',
    'reason.reject': 'rejection',
    'reason.restore': 'restore',
    'reason.export': 'export',
    'reason.recent': 'last hour',
    'reason.hourly': 'last save of its hour',
    'reason.daily': 'last save of its day',
    'reason.weekly': 'last save of its week',
  },
});

/** Reasons that are evidence (never thinned) look different from the periods autosaves stand for. */
const THINNED: readonly KeepReason[] = ['recent', 'hourly', 'daily', 'weekly'];

/**
 * Stored revisions, newest first: who saved each and what changed, why the retention policy
 * keeps it (or that it is due to go), a restore button, and a row for each run of thinned ones.
 */
export function RevisionTable(props: {
  revisions: readonly StoredRevision[];
  changes: ReadonlyMap<number, AuditEntry>;
  retention: RetentionStatus;
  onRestore: (revision: number) => void;
}) {
  const { revisions, changes, retention, onRestore } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const rows = [...revisions].reverse();
  const due = new Set(retention.due);

  return (
    <table className="versions-table" data-testid="revision-list">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('when')}</th>
          <th>{t('who')}</th>
          <th>{t('what')}</th>
          <th>{t('kept')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const entry = changes.get(r.revision);
          const older = rows[i + 1]?.revision ?? r.revision - 1;
          const gap =
            r.revision - older > 1
              ? older + 1 === r.revision - 1
                ? `${older + 1}`
                : `${older + 1}–${r.revision - 1}`
              : undefined;
          return (
            <Fragment key={r.revision}>
              <tr data-revision={r.revision}>
                <td>
                  {r.revision}
                  {i === 0 && <span className="muted"> ({t('current')})</span>}
                </td>
                <td>{r.savedAt.slice(0, 19).replace('T', ' ')}</td>
                <td>{entry?.actor ?? '-'}</td>
                <td className="summary">{entry ? localize(entry.summary) : '-'}</td>
                <td className="kept" data-testid="kept-reasons">
                  {due.has(r.revision) ? (
                    <span className="diff-badge warning" data-reason="due" title={t('dueTitle')}>
                      {t('due')}
                    </span>
                  ) : (
                    (retention.keep.get(r.revision) ?? []).map((reason) => (
                      <span
                        key={reason}
                        data-reason={reason}
                        className={`diff-badge ${THINNED.includes(reason) ? 'info' : 'added'}`}
                      >
                        {t(`reason.${reason}`)}
                      </span>
                    ))
                  )}
                </td>
                <td>
                  {i > 0 && (
                    <button
                      type="button"
                      className="btn btn-small"
                      title={t('restoreTitle', { n: r.revision })}
                      onClick={() => onRestore(r.revision)}
                    >
                      {t('restore')}
                    </button>
                  )}
                </td>
              </tr>
              {gap && (
                <tr className="thinned" data-gap={gap}>
                  <td colSpan={6} className="muted">
                    {t('gap', { range: gap })}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

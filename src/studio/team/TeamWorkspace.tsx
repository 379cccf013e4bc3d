import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import type { TeamPackList, TeamPackSummary } from '../../storage/remote/index.ts';
import { ImportErrors } from '../app/ImportErrors.tsx';
import { downloadPack } from '../app/packFiles.ts';
import { showToast } from '../app/toasts.ts';
import { defineMessages, useLocale, useLocalize, useMessages } from '../i18n/index.tsx';
import { missingRole } from './roles.ts';
import { useTeam } from './teamContext.tsx';
import type { WorkspaceScreenProps } from './workspaceUi.tsx';

const messages = defineMessages({
  'zh-CN': {
    heading: '团队的规则包',
    import: '导入规则包文件…',
    newPack: '新建规则包',
    title: '名称',
    id: '标识',
    version: '版本',
    status: '状态',
    revision: '修订',
    saved: '最后保存',
    sync: '本机',
    actions: '操作',
    open: '打开',
    export: '导出',
    empty: '团队服务器上还没有规则包。导入一个规则包文件开始。',
    loading: '正在读取…',
    offline: '无法连接团队服务器：显示的是本机上次看到的列表，离线修改会在连接恢复后发送。',
    queued: '待发送',
    conflict: '冲突：修订 {revision}（{by}）在你的离线修改之前保存；打开以选择',
    by: '{by}',
    draft: '草稿',
    'in-review': '审核中',
    approved: '已批准',
    published: '已发布',
    retired: '已停用',
  },
  en: {
    heading: "The team's rule packs",
    import: 'Import pack file…',
    newPack: 'New pack',
    title: 'Title',
    id: 'Id',
    version: 'Version',
    status: 'Status',
    revision: 'Revision',
    saved: 'Last saved',
    sync: 'This device',
    actions: 'Actions',
    open: 'Open',
    export: 'Export',
    empty: 'No packs on the team server yet. Import a pack file to start.',
    loading: 'Loading…',
    offline:
      'The team server cannot be reached: this is the list as last seen here; offline edits are sent when it is back.',
    queued: 'waiting to be sent',
    conflict:
      'conflict: revision {revision} ({by}) was saved before your offline edits; open to choose',
    by: '{by}',
    draft: 'Draft',
    'in-review': 'In review',
    approved: 'Approved',
    published: 'Published',
    retired: 'Retired',
  },
});

/** The team's packs from the server, live: every save by anyone refreshes the list. */
export function TeamWorkspace(props: WorkspaceScreenProps) {
  const { onOpen, onImport, onNewPack, importFailure, onDismissImport } = props;
  const team = useTeam();
  const { packs, events, user } = team;
  const t = useMessages(messages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const [list, setList] = useState<TeamPackList | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const refresh = useCallback(async () => {
    try {
      setList(await packs.list());
      setError(null);
    } catch (e) {
      setError(toStorageError(e, 'packs').localized);
    }
  }, [packs]);
  useEffect(() => {
    // The server's list is the external system this effect follows.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
    const stops = [
      events.onPack(() => void refresh()),
      // Back online: the list may have moved meanwhile (going offline changes nothing there).
      events.onConnection((up) => up && void refresh()),
      packs.outbox.subscribe(() => void refresh()),
    ];
    return () => stops.forEach((stop) => stop());
  }, [refresh, events, packs]);

  const exportRow = async (row: TeamPackSummary) => {
    try {
      downloadPack((await packs.get(row.key)).pack);
    } catch (e) {
      showToast({ kind: 'error', message: toStorageError(e, row.key).localized });
    }
  };
  const notAuthor = missingRole(user, 'author');

  return (
    <main className="workspace">
      <div className="workspace-head">
        <h1>{t('heading')}</h1>
        <span className="workspace-head-actions">
          <button
            className="btn btn-primary"
            onClick={onNewPack}
            disabled={notAuthor !== null}
            title={notAuthor ? localize(notAuthor) : undefined}
            data-testid="new-pack"
          >
            {t('newPack')}
          </button>
          <button
            className="btn"
            onClick={onImport}
            disabled={notAuthor !== null}
            title={notAuthor ? localize(notAuthor) : undefined}
            data-testid="import"
          >
            {t('import')}
          </button>
        </span>
      </div>
      {importFailure && <ImportErrors failure={importFailure} onDismiss={onDismissImport} />}
      {list?.offline && (
        <div className="banner banner-warn" role="status" data-testid="workspace-offline">
          {t('offline')}
        </div>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          {localize(error)}
        </div>
      )}
      {list === null ? (
        !error && <p className="muted">{t('loading')}</p>
      ) : list.packs.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className="grid pack-table" data-testid="pack-table">
          <thead>
            <tr>
              <th>{t('title')}</th>
              <th>{t('id')}</th>
              <th>{t('version')}</th>
              <th>{t('status')}</th>
              <th>{t('revision')}</th>
              <th>{t('saved')}</th>
              <th>{t('sync')}</th>
              <th className="actions-col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.packs.map((row) => (
              <tr key={row.key} data-pack={row.key} data-revision={row.revision}>
                <td>
                  <button className="link" onClick={() => onOpen(row.key)}>
                    {localize(row.title)}
                  </button>
                </td>
                <td className="mono">{row.id}</td>
                <td className="mono">{row.version}</td>
                <td>
                  <span className={`status status-${row.status}`} data-testid="row-status">
                    {t(row.status)}
                  </span>
                </td>
                <td className="mono">{row.revision}</td>
                <td className="muted">
                  {dateFormat.format(new Date(row.updatedAt))}
                  {row.updatedBy && ` · ${row.updatedBy}`}
                </td>
                <td data-testid="row-sync">
                  {row.conflict ? (
                    <span className="error-text">
                      {t('conflict', {
                        revision: row.conflict.revision,
                        by: row.conflict.by ?? '?',
                      })}
                    </span>
                  ) : (
                    row.queued && <span className="status status-in-review">{t('queued')}</span>
                  )}
                </td>
                <td className="actions-col">
                  <button className="btn btn-small" onClick={() => onOpen(row.key)}>
                    {t('open')}
                  </button>
                  <button className="btn btn-small" onClick={() => void exportRow(row)}>
                    {t('export')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

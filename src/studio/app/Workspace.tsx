import { useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { isGoverned, toStorageError, type PackSummary } from '../../storage/index.ts';
import {
  defineMessages,
  format,
  messageText,
  useLocale,
  useLocalize,
  useMessages,
} from '../i18n/index.tsx';
import { useStudio } from '../state/index.ts';
import { RenameDialog, DeleteDialog } from './PackDialogs.tsx';
import { ImportErrors, type ImportFailure } from './ImportErrors.tsx';
import { downloadPack } from './packFiles.ts';
import { showToast } from './toasts.ts';

const messages = defineMessages({
  'zh-CN': {
    heading: '规则包',
    import: '导入规则包文件…',
    newPack: '新建规则包',
    title: '名称',
    id: '标识',
    version: '版本',
    status: '状态',
    saved: '最后保存',
    actions: '操作',
    open: '打开',
    duplicate: '复制',
    rename: '重命名',
    export: '导出',
    delete: '删除',
    empty: '还没有规则包。新建一个规则包，或导入一个规则包文件开始。',
    loading: '正在读取…',
    deleted: '已删除规则包 {title}',
    undo: '撤销',
    duplicated: '已复制为 {key}',
    draft: '草稿',
    'in-review': '审核中',
    approved: '已批准',
    published: '已发布',
    retired: '已停用',
    unreadable: '无法读取',
  },
  en: {
    heading: 'Rule packs',
    import: 'Import pack file…',
    newPack: 'New pack',
    title: 'Title',
    id: 'Id',
    version: 'Version',
    status: 'Status',
    saved: 'Last saved',
    actions: 'Actions',
    open: 'Open',
    duplicate: 'Duplicate',
    rename: 'Rename',
    export: 'Export',
    delete: 'Delete',
    empty: 'No packs yet. Create a new pack or import a pack file to start.',
    loading: 'Loading…',
    deleted: 'Deleted pack {title}',
    undo: 'Undo',
    duplicated: 'Duplicated as {key}',
    draft: 'Draft',
    'in-review': 'In review',
    approved: 'Approved',
    published: 'Published',
    retired: 'Retired',
    unreadable: 'Unreadable',
  },
});

type PackList = {
  packs: PackSummary[] | null;
  error: LocalizedText | null;
  refresh: () => Promise<void>;
};

/** The list of packs in this browser, with what can be done to each. */
export function Workspace(props: {
  list: PackList;
  onOpen: (key: string) => void;
  onImport: () => void;
  onNewPack: () => void;
  importFailure: ImportFailure | null;
  onDismissImport: () => void;
}) {
  const { list, onOpen, onImport, onNewPack, importFailure, onDismissImport } = props;
  const { storage } = useStudio();
  const t = useMessages(messages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const [renaming, setRenaming] = useState<PackSummary | null>(null);
  const [deleting, setDeleting] = useState<PackSummary | null>(null);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const attempt = async (key: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (e) {
      showToast({ kind: 'error', message: toStorageError(e, key).localized });
    }
    await list.refresh();
  };
  const duplicate = (row: PackSummary) =>
    attempt(row.key, async () => {
      const copy = await storage.packs.duplicate(row.key);
      showToast({
        kind: 'info',
        message: messageText(messages, 'duplicated', { key: copy.key }),
      });
    });
  const exportRow = (row: PackSummary) =>
    attempt(row.key, async () => {
      const { pack } = await storage.packs.get(row.key);
      downloadPack(pack);
      if (isGoverned(storage)) await storage.versions.recordExport(pack);
    });
  const remove = (row: PackSummary) =>
    attempt(row.key, async () => {
      await storage.packs.remove(row.key);
      showToast({
        kind: 'info',
        message: {
          'zh-CN': format(messages['zh-CN'].deleted, { title: row.title['zh-CN'] }),
          en: format(messages.en.deleted, { title: row.title.en }),
        },
        action: {
          label: messageText(messages, 'undo'),
          run: () => void attempt(row.key, () => storage.packs.restore(row.key)),
        },
      });
    });

  return (
    <main className="workspace">
      <div className="workspace-head">
        <h1>{t('heading')}</h1>
        <span className="workspace-head-actions">
          <button className="btn btn-primary" onClick={onNewPack} data-testid="new-pack">
            {t('newPack')}
          </button>
          <button className="btn" onClick={onImport} data-testid="import">
            {t('import')}
          </button>
        </span>
      </div>
      {importFailure && <ImportErrors failure={importFailure} onDismiss={onDismissImport} />}
      {list.error && (
        <div className="banner banner-error" role="alert">
          {localize(list.error)}
        </div>
      )}
      {list.packs === null ? (
        <p className="muted">{t('loading')}</p>
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
              <th>{t('saved')}</th>
              <th className="actions-col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.packs.map((row) => (
              <tr key={row.key} data-pack={row.key}>
                <td>
                  <button className="link" onClick={() => onOpen(row.key)} disabled={!!row.error}>
                    {localize(row.title)}
                  </button>
                  {row.error && <div className="error-text">{localize(row.error)}</div>}
                </td>
                <td className="mono">{row.id}</td>
                <td className="mono">{row.version}</td>
                <td>
                  <span className={`status status-${row.status ?? 'unreadable'}`}>
                    {t(row.status ?? 'unreadable')}
                  </span>
                </td>
                <td className="muted">{dateFormat.format(new Date(row.updatedAt))}</td>
                <td className="actions-col">
                  <button
                    className="btn btn-small"
                    onClick={() => onOpen(row.key)}
                    disabled={!!row.error}
                  >
                    {t('open')}
                  </button>
                  <button
                    className="btn btn-small"
                    onClick={() => void duplicate(row)}
                    disabled={!!row.error}
                  >
                    {t('duplicate')}
                  </button>
                  <button
                    className="btn btn-small"
                    onClick={() => void exportRow(row)}
                    disabled={!!row.error}
                  >
                    {t('export')}
                  </button>
                  <button
                    className="btn btn-small"
                    onClick={() => setRenaming(row)}
                    disabled={!!row.error}
                  >
                    {t('rename')}
                  </button>
                  <button className="btn btn-small btn-danger" onClick={() => setDeleting(row)}>
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming && (
        <RenameDialog
          pack={renaming}
          onCancel={() => setRenaming(null)}
          onRename={(title) => {
            const row = renaming;
            setRenaming(null);
            void attempt(row.key, () => storage.packs.rename(row.key, title));
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          pack={deleting}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const row = deleting;
            setDeleting(null);
            void remove(row);
          }}
        />
      )}
    </main>
  );
}

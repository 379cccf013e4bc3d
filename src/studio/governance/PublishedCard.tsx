import type { StoredVersion } from '../../storage/index.ts';
import { exportFileName, exportText } from '../app/packFiles.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { downloadText } from '../versions/download.ts';
import { useGoverned } from '../versions/useGovernance.ts';

const messages = defineMessages({
  'zh-CN': {
    version: '已发布版本',
    author: '编写人',
    approvers: '审批',
    publishedAt: '发布时间',
    hash: '内容哈希',
    signature: '签名公钥',
    unsigned: '未签名（工作区没有签名密钥）',
    exportPublished: '导出已发布版本',
  },
  en: {
    version: 'Published version',
    author: 'Author',
    approvers: 'Approvals',
    publishedAt: 'Published at',
    hash: 'Content hash',
    signature: 'Signing key',
    unsigned: 'not signed (the workspace has no signing key)',
    exportPublished: 'Export published version',
  },
});

/** What a published version records: who wrote and approved it, when, its hash and signature. */
export function PublishedCard({ version: v }: { version: StoredVersion }) {
  const t = useMessages(messages);
  const storage = useGoverned();
  const integrity = v.pack.integrity;
  return (
    <dl className="published-card" data-testid="published-card">
      <dt>{t('version')}</dt>
      <dd>{v.version}</dd>
      <dt>{t('author')}</dt>
      <dd data-testid="published-author">{integrity?.author ?? '-'}</dd>
      <dt>{t('approvers')}</dt>
      <dd data-testid="published-approvals">
        {(integrity?.approvals ?? [])
          .map((a) => `${a.by} (${a.decision}${a.comment ? `: ${a.comment}` : ''})`)
          .join('; ')}
      </dd>
      <dt>{t('publishedAt')}</dt>
      <dd>{integrity?.publishedAt ?? '-'}</dd>
      <dt>{t('hash')}</dt>
      <dd>
        <code data-testid="published-hash">{integrity?.hash}</code>
      </dd>
      <dt>{t('signature')}</dt>
      <dd data-testid="published-signature">{integrity?.signature?.publicKey ?? t('unsigned')}</dd>
      <dt />
      <dd>
        <button
          type="button"
          className="btn btn-small"
          data-testid="export-published"
          onClick={() =>
            void storage.versions
              .recordExport(v.pack)
              .then(() =>
                downloadText(exportFileName(v.pack), exportText(v.pack), 'application/json'),
              )
          }
        >
          {t('exportPublished')}
        </button>
      </dd>
    </dl>
  );
}

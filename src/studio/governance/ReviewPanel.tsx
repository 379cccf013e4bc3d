import { useEffect, useMemo, useState } from 'react';
import { nextVersion, type LocalizedText, type Pack } from '../../domain/index.ts';
import { checkPublishable } from '../../engine/index.ts';
import type { StoredVersion } from '../../storage/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { PublishedCard } from './PublishedCard.tsx';
import { useGoverned, useGovernanceStep } from '../versions/useGovernance.ts';

const messages = defineMessages({
  'zh-CN': {
    status: '状态',
    draft: '草稿',
    'in-review': '审核中',
    approved: '已批准',
    published: '已发布',
    retired: '已停用',
    version: '版本号',
    note: '变更说明（必填）',
    submit: '提交审核',
    name: '命名版本',
    comment: '审批意见',
    approve: '批准',
    reject: '驳回',
    publish: '发布',
    checks: '发布前检查：{errors} 个检查错误，{failed}/{total} 个测试未通过',
    ready: '检查通过，可以发布',
    hash: '内容哈希',
    author: '编写人',
    approvers: '审批',
    publishedAt: '发布时间',
    signature: '签名公钥',
    unsigned: '未签名（工作区没有签名密钥）',
    key: '生成签名密钥',
    keyHeld: '签名公钥：{key}',
    exportPublished: '导出已发布版本',
    versions: '命名版本',
    immutable: '已发布的版本不可更改；再编辑会以下一个版本号开始新的草稿。',
  },
  en: {
    status: 'Status',
    draft: 'draft',
    'in-review': 'in review',
    approved: 'approved',
    published: 'published',
    retired: 'retired',
    version: 'Version',
    note: 'Change note (required)',
    submit: 'Submit for review',
    name: 'Name this version',
    comment: 'Review comment',
    approve: 'Approve',
    reject: 'Reject',
    publish: 'Publish',
    checks: 'Before publishing: {errors} lint errors, {failed} of {total} tests failing',
    ready: 'Checks pass: ready to publish',
    hash: 'Content hash',
    author: 'Author',
    approvers: 'Approvals',
    publishedAt: 'Published at',
    signature: 'Signing key',
    unsigned: 'not signed (the workspace has no signing key)',
    key: 'Generate a signing key',
    keyHeld: 'Signing key: {key}',
    exportPublished: 'Export published version',
    versions: 'Named versions',
    immutable:
      'Published versions never change; editing starts a new draft with the next version number.',
  },
});

/** Maker-checker: submit a draft, approve or reject it as someone else, publish when checks pass. */
export function ReviewPanel(props: {
  packKey: string;
  pack: Pack;
  versions: readonly StoredVersion[];
  onDone: () => void;
  onError: (e: LocalizedText | null) => void;
}) {
  const { packKey, pack, versions, onDone, onError } = props;
  const t = useMessages(messages);
  const storage = useGoverned();
  const step = useGovernanceStep();
  const [version, setVersion] = useState(
    pack.status === 'draft' && !versions.some((v) => v.version === pack.version)
      ? pack.version
      : nextVersion(versions.at(-1)?.version ?? pack.version),
  );
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [publicKey, setPublicKey] = useState<string | undefined>();
  const check = useMemo(() => (pack.status === 'approved' ? checkPublishable(pack) : null), [pack]);
  useEffect(() => {
    void storage.keys.publicKey().then(setPublicKey);
  }, [storage]);

  const act = (work: () => Promise<unknown>) =>
    void step(work).then((error) => {
      onError(error);
      if (!error) onDone();
    });
  const published = [...versions].reverse().find((v) => v.kind === 'published');

  return (
    <div className="review-panel" data-testid="review-panel">
      <p>
        {t('status')}:{' '}
        <strong className={`status-chip ${pack.status}`} data-testid="pack-status">
          {t(pack.status)}
        </strong>{' '}
        · {t('version')} <code data-testid="pack-version">{pack.version}</code>
      </p>
      {pack.status === 'draft' && (
        <div className="versions-form">
          <label>
            {t('version')}
            <input
              value={version}
              onChange={(e) => setVersion(e.target.value)}
              data-testid="version-input"
            />
          </label>
          <label className="grow">
            {t('note')}
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="note-input"
              rows={2}
            />
          </label>
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="submit-review"
              onClick={() => act(() => storage.versions.submit(packKey, version, note))}
            >
              {t('submit')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="name-version"
              onClick={() => act(() => storage.versions.nameVersion(packKey, version, note))}
            >
              {t('name')}
            </button>
          </div>
        </div>
      )}
      {pack.status === 'in-review' && (
        <div className="versions-form">
          <label className="grow">
            {t('comment')}
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="review-comment"
              rows={2}
            />
          </label>
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="approve"
              onClick={() => act(() => storage.versions.decide(packKey, 'approved', comment))}
            >
              {t('approve')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="reject"
              onClick={() => act(() => storage.versions.decide(packKey, 'rejected', comment))}
            >
              {t('reject')}
            </button>
          </div>
        </div>
      )}
      {pack.status === 'approved' && check && (
        <div className="versions-form">
          <p
            data-testid="publish-checks"
            className={check.lintErrors + check.testsFailed > 0 ? 'bad' : 'good'}
          >
            {check.lintErrors + check.testsFailed > 0
              ? t('checks', {
                  errors: check.lintErrors,
                  failed: check.testsFailed,
                  total: check.testsTotal,
                })
              : t('ready')}
          </p>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="publish"
            onClick={() => act(() => storage.versions.publish(packKey))}
          >
            {t('publish')}
          </button>
        </div>
      )}
      {published && <PublishedCard version={published} />}
      {pack.status === 'published' && <p className="muted">{t('immutable')}</p>}
      <p className="muted key-line">
        {publicKey ? (
          <span data-testid="public-key">{t('keyHeld', { key: publicKey })}</span>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            data-testid="generate-key"
            onClick={() => void storage.keys.generate().then(setPublicKey)}
          >
            {t('key')}
          </button>
        )}
      </p>
    </div>
  );
}

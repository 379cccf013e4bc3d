import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import type { AuditPage } from '../../storage/remote/index.ts';
import { Dialog } from '../app/Dialog.tsx';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { useTeam } from './teamContext.tsx';

/** Audit operations in words; an operation this list lacks is shown as it is stored. */
export const AUDIT_ACTION_LABELS: Record<string, LocalizedText> = {
  create: { 'zh-CN': '新建', en: 'Created' },
  change: { 'zh-CN': '修改', en: 'Changed' },
  review: { 'zh-CN': '提交审核', en: 'Sent for review' },
  approve: { 'zh-CN': '批准', en: 'Approved' },
  reject: { 'zh-CN': '驳回', en: 'Rejected' },
  publish: { 'zh-CN': '发布', en: 'Published' },
  retire: { 'zh-CN': '停用', en: 'Retired' },
  import: { 'zh-CN': '导入', en: 'Imported' },
  export: { 'zh-CN': '导出', en: 'Exported' },
  restore: { 'zh-CN': '恢复', en: 'Restored' },
  sign: { 'zh-CN': '签名', en: 'Signed' },
  delete: { 'zh-CN': '删除', en: 'Deleted' },
  prune: { 'zh-CN': '清理自动保存', en: 'Pruned autosaves' },
  setup: { 'zh-CN': '初始设置', en: 'Set up' },
  login: { 'zh-CN': '登录', en: 'Signed in' },
  'login-failed': { 'zh-CN': '登录失败', en: 'Failed sign-in' },
  lockout: { 'zh-CN': '账户锁定', en: 'Account locked' },
  logout: { 'zh-CN': '退出登录', en: 'Signed out' },
  'user-create': { 'zh-CN': '创建用户', en: 'User created' },
  'user-change': { 'zh-CN': '修改用户', en: 'User changed' },
  'sessions-revoke': { 'zh-CN': '注销会话', en: 'Sessions revoked' },
  'key-rotate': { 'zh-CN': '轮换密钥', en: 'Key rotated' },
  comment: { 'zh-CN': '评论', en: 'Commented' },
  withdraw: { 'zh-CN': '撤回审核', en: 'Withdrawn from review' },
};

const messages = defineMessages({
  'zh-CN': {
    title: '审计日志',
    readOnly: '只读：审计日志只能追加，任何人（包括管理员）都不能修改。',
    target: '对象（规则包 id 或 user:用户名）',
    actor: '操作人',
    since: '起始日期',
    until: '截止日期（含）',
    apply: '筛选',
    clear: '清除筛选',
    exportFile: '导出（含签名检查点）',
    chainOk: '哈希链完整：整个日志未被改动',
    chainBroken: '哈希链在第 {seq} 条处断开：日志被改动过',
    seq: '#',
    at: '时间',
    action: '操作',
    summary: '说明',
    none: '没有符合条件的记录',
    count: '{count} 条记录',
    loading: '正在读取…',
    close: '关闭',
  },
  en: {
    title: 'Audit log',
    readOnly: 'Read-only: the audit log is append-only; no one, admins included, can change it.',
    target: 'Target (pack id or user:name)',
    actor: 'Actor',
    since: 'From',
    until: 'To (inclusive)',
    apply: 'Filter',
    clear: 'Clear',
    exportFile: 'Export (with signed checkpoints)',
    chainOk: 'Hash chain intact: the whole log is unchanged',
    chainBroken: 'The hash chain breaks at entry {seq}: the log was changed',
    seq: '#',
    at: 'Time',
    action: 'Operation',
    summary: 'Summary',
    none: 'No entries match',
    count: '{count} entries',
    loading: 'Loading…',
    close: 'Close',
  },
});

type Filter = { target: string; actor: string; since: string; until: string };
const EMPTY: Filter = { target: '', actor: '', since: '', until: '' };

/** A day from the date input as the instants the server filters by (until: the next midnight). */
function period(f: Filter) {
  const day = (d: string, plus: number) => {
    const at = new Date(`${d}T00:00:00`);
    at.setDate(at.getDate() + plus);
    return at.toISOString();
  };
  return {
    target: f.target.trim(),
    actor: f.actor.trim(),
    since: f.since ? day(f.since, 0) : '',
    until: f.until ? day(f.until, 1) : '',
  };
}

/** The auditor's view of the workspace's audit log: filters, the chain's check, the export. */
export function AuditDialog(props: { onClose: () => void }) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const team = useTeam();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);

  const load = useCallback(async () => {
    try {
      setPage(await team.accounts.auditLog(period(filter)));
      setError(null);
    } catch (e) {
      setError(toStorageError(e, 'audit').localized);
    }
  }, [team.accounts, filter]);
  useEffect(() => {
    // The server's log is the external system this effect reads.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const field = (name: keyof Filter, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={draft[name]}
        data-testid={`audit-${name}`}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </label>
  );
  const chain = page?.chain;
  return (
    <Dialog
      title={t('title')}
      onCancel={props.onClose}
      actions={
        <>
          <a className="btn" href="/api/audit/export" download data-testid="audit-export">
            {t('exportFile')}
          </a>
          <button className="btn" onClick={props.onClose} data-testid="audit-close">
            {t('close')}
          </button>
        </>
      }
    >
      <div className="audit-view" data-testid="audit-view">
        <p className="muted">{t('readOnly')}</p>
        {chain && (
          <div
            className={chain.ok ? 'banner banner-ok' : 'banner banner-error'}
            role="status"
            data-testid="audit-chain"
            data-ok={chain.ok}
          >
            {chain.ok ? t('chainOk') : t('chainBroken', { seq: (chain.brokenAt ?? 0) + 1 })}
          </div>
        )}
        <form
          className="audit-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter(draft);
          }}
        >
          {field('target', t('target'))}
          {field('actor', t('actor'))}
          {field('since', t('since'), 'date')}
          {field('until', t('until'), 'date')}
          <button className="btn btn-primary" type="submit" data-testid="audit-apply">
            {t('apply')}
          </button>
          <button
            className="btn"
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              setFilter(EMPTY);
            }}
          >
            {t('clear')}
          </button>
        </form>
        {error && (
          <div className="banner banner-error" role="alert">
            {localize(error)}
          </div>
        )}
        {!page ? (
          !error && <p className="muted">{t('loading')}</p>
        ) : page.entries.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <>
            <p className="muted" data-testid="audit-count">
              {t('count', { count: page.entries.length })}
            </p>
            <table className="audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th>{t('seq')}</th>
                  <th>{t('at')}</th>
                  <th>{t('actor')}</th>
                  <th>{t('action')}</th>
                  <th>{t('target')}</th>
                  <th>{t('summary')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                    <td>{e.seq}</td>
                    <td className="nowrap">{new Date(e.at).toLocaleString()}</td>
                    <td>{e.actor}</td>
                    <td>
                      {AUDIT_ACTION_LABELS[e.action]
                        ? localize(AUDIT_ACTION_LABELS[e.action])
                        : e.action}
                    </td>
                    <td>
                      <code>{e.packId}</code>
                      {e.version && <span className="muted"> {e.version}</span>}
                    </td>
                    <td>{localize(e.summary as LocalizedText)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </Dialog>
  );
}

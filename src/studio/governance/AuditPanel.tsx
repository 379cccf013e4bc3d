import { useEffect, useState } from 'react';
import {
  AuditEntrySchema,
  auditToCsv,
  auditToJson,
  type AuditChainCheck,
  type AuditEntry,
} from '../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { downloadText } from '../versions/download.ts';
import { useGoverned } from '../versions/useGovernance.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '审计日志',
    verify: '校验哈希链',
    brokenAt: '哈希链在第 {n} 条记录处断开：',
    json: '导出 JSON',
    csv: '导出 CSV',
    all: '全部规则包',
    thisPack: '仅本规则包',
    seq: '序号',
    at: '时间',
    actor: '操作人',
    action: '操作',
    pack: '规则包',
    summary: '摘要',
    malformed: '（格式有误）',
  },
  en: {
    title: 'Audit trail',
    verify: 'Verify the hash chain',
    brokenAt: 'the hash chain is broken at entry {n}: ',
    json: 'Export JSON',
    csv: 'Export CSV',
    all: 'All packs',
    thisPack: 'This pack only',
    seq: 'Seq',
    at: 'When',
    actor: 'Who',
    action: 'Action',
    pack: 'Pack',
    summary: 'Summary',
    malformed: '(malformed)',
  },
});

/** The whole log as stored, its verification (ok, or where it breaks), and exports for auditors. */
export function AuditPanel(props: { packId: string; refresh: string }) {
  const { packId, refresh } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const storage = useGoverned();
  const [raw, setRaw] = useState<unknown[]>([]);
  const [check, setCheck] = useState<AuditChainCheck | null>(null);
  const [onlyThis, setOnlyThis] = useState(true);

  const [token, setToken] = useState(0);
  useEffect(() => {
    let live = true;
    void Promise.all([storage.audit.raw(), storage.audit.verify()]).then(([r, c]) => {
      if (!live) return;
      setRaw(r);
      setCheck(c);
    });
    return () => {
      live = false;
    };
  }, [storage, refresh, token]);
  const verify = () => setToken((n) => n + 1);

  const entries = raw.map((r) => AuditEntrySchema.safeParse(r));
  const valid = entries.flatMap((e) => (e.success ? [e.data] : []));
  const shown = raw
    .map((r, i) => ({ r, i, e: entries[i]?.success ? (entries[i].data as AuditEntry) : undefined }))
    .filter(({ e }) => !onlyThis || !e || e.packId === packId)
    .reverse();

  return (
    <div className="audit-panel">
      <div className="row">
        <button type="button" className="btn" data-testid="audit-verify" onClick={verify}>
          {t('verify')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="audit-json"
          onClick={() => downloadText('audit-log.json', auditToJson(valid), 'application/json')}
        >
          {t('json')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="audit-csv"
          onClick={() => downloadText('audit-log.csv', auditToCsv(valid), 'text/csv')}
        >
          {t('csv')}
        </button>
        <label>
          <input
            type="checkbox"
            checked={onlyThis}
            onChange={(e) => setOnlyThis(e.target.checked)}
          />{' '}
          {t('thisPack')}
        </label>
      </div>
      {check && (
        <p
          role="status"
          data-testid="audit-status"
          data-ok={String(check.ok)}
          data-broken-at={check.ok ? undefined : check.brokenAt + 1}
          className={check.ok ? 'audit-ok' : 'audit-broken'}
        >
          {check.ok
            ? localize(check.message)
            : t('brokenAt', { n: check.brokenAt + 1 }) + localize(check.reason)}
        </p>
      )}
      <table className="versions-table" data-testid="audit-list">
        <thead>
          <tr>
            <th>{t('seq')}</th>
            <th>{t('at')}</th>
            <th>{t('actor')}</th>
            <th>{t('action')}</th>
            <th>{t('pack')}</th>
            <th>{t('summary')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ e, i }) => (
            <tr
              key={i}
              data-action={e?.action}
              className={!check?.ok && check?.brokenAt === i ? 'audit-bad-row' : undefined}
            >
              <td>{e?.seq ?? i + 1}</td>
              <td>{e?.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{e?.actor}</td>
              <td>{e?.action ?? t('malformed')}</td>
              <td>
                {e?.packId} {e?.version}
              </td>
              <td className="summary">{e ? localize(e.summary) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

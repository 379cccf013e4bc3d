import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EvaluationInputDraft, Pack } from '../../domain/index.ts';
import type { EvaluationResult } from '../../engine/index.ts';
import { defineMessages, useLocale, useMessages } from '../i18n/index.tsx';
import { buildNotice, type Notice, type NoticeLocale, type NoticeProduct } from './notice.ts';
import './notice.css';

const messages = defineMessages({
  'zh-CN': {
    print: '打印 / 存为 PDF',
    close: '关闭',
    language: '告知书语言',
    investor: '投资者姓名',
    draft: '规则包尚未发布：告知书带“草稿”水印，不写版本号，不可交给客户。',
  },
  en: {
    print: 'Print / save as PDF',
    close: 'Close',
    language: 'Notice language',
    investor: 'Investor name',
    draft:
      'The pack is not published: the notice carries a draft watermark, claims no version and is not for clients.',
  },
});

const HEADINGS = {
  'zh-CN': {
    result: '一、评估结果',
    flags: '特别事项',
    why: '评估说明',
    match: '二、产品适当性匹配意见',
    allowed: '适当（可以购买）',
    warn: '不匹配：须警示并由您书面确认',
    prohibited: '禁止销售',
    none: '无',
    warnings: '三、风险提示',
    confirm: '四、投资者确认',
    footer: '本告知书依据规则包',
    version: '版本',
    hash: '内容摘要',
  },
  en: {
    result: '1. Assessment result',
    flags: 'Particulars',
    why: 'How the result was reached',
    match: '2. Suitability of products',
    allowed: 'Suitable (may be bought)',
    warn: 'Not matching: warning and your written confirmation required',
    prohibited: 'May not be sold',
    none: 'None',
    warnings: '3. Risk warnings',
    confirm: '4. Investor confirmation',
    footer: 'Issued under the rule pack',
    version: 'version',
    hash: 'content hash',
  },
} as const;

function Products({ list, notice }: { list: NoticeProduct[]; notice: Notice }) {
  const h = HEADINGS[notice.locale];
  if (list.length === 0) return <p className="notice-none">{h.none}</p>;
  return (
    <ul className="notice-products">
      {list.map((p) => (
        <li key={p.id}>
          <b>{p.name}</b> <span className="notice-risk">{p.risk}</span>
          {p.reasons.length > 0 && <div className="notice-reasons">{p.reasons.join('；')}</div>}
        </li>
      ))}
    </ul>
  );
}

/** The printable client suitability notice, over the studio; the browser prints it to PDF. */
export function NoticeView(props: {
  pack: Pack;
  input: EvaluationInputDraft;
  result: EvaluationResult;
  onClose: () => void;
}) {
  const { pack, input, result, onClose } = props;
  const t = useMessages(messages);
  const ui = useLocale().locale;
  const [locale, setLocale] = useState<NoticeLocale>(ui);
  const [investor, setInvestor] = useState('');
  const notice = useMemo(
    () => buildNotice(pack, input, result, locale, investor),
    [pack, input, result, locale, investor],
  );
  const h = HEADINGS[locale];
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return createPortal(
    <div className="notice-overlay" data-testid="notice">
      <div className="notice-toolbar">
        <label>
          {t('investor')}{' '}
          <input
            type="text"
            value={investor}
            data-testid="notice-investor"
            onChange={(e) => setInvestor(e.target.value)}
          />
        </label>
        <label>
          {t('language')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as NoticeLocale)}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('close')}
        </button>
        {notice.watermark && <span className="notice-draft-note">{t('draft')}</span>}
      </div>
      <article
        className={notice.watermark ? 'notice-page notice-is-draft' : 'notice-page'}
        lang={locale}
      >
        {notice.watermark && (
          <div className="notice-watermark" data-testid="notice-watermark" aria-hidden>
            {notice.watermark}
          </div>
        )}
        {notice.firm && <p className="notice-firm">{notice.firm}</p>}
        <h1>{notice.title}</h1>
        <p className="notice-date" data-testid="notice-date">
          {notice.date}
        </p>
        <h2>{h.result}</h2>
        <table className="notice-facts">
          <tbody>
            {notice.facts.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
            {notice.flags.length > 0 && (
              <tr>
                <th>{h.flags}</th>
                <td>{notice.flags.join(locale === 'zh-CN' ? '；' : '; ')}</td>
              </tr>
            )}
          </tbody>
        </table>
        {notice.rationale.length > 0 && (
          <>
            <h3>{h.why}</h3>
            <ol className="notice-rationale">
              {notice.rationale.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </>
        )}
        <h2>{h.match}</h2>
        <h3 className="notice-allowed">{h.allowed}</h3>
        <Products list={notice.matched} notice={notice} />
        <h3 className="notice-warn">{h.warn}</h3>
        <Products list={notice.warned} notice={notice} />
        <h3 className="notice-prohibited">{h.prohibited}</h3>
        <Products list={notice.prohibited} notice={notice} />
        <h2>{h.warnings}</h2>
        <ol className="notice-warnings">
          {notice.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ol>
        <h2>{h.confirm}</h2>
        <ul className="notice-confirmations">
          {notice.confirmations.map((c) => (
            <li key={c}>☐ {c}</li>
          ))}
        </ul>
        <div className="notice-signatures">
          {notice.signatures.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
        <footer data-testid="notice-footer">
          {h.footer} {notice.pack} · {notice.date}
          {notice.release && (
            <div className="notice-release">
              {h.version} {notice.release.version} · {h.hash} <code>{notice.release.hash}</code>
            </div>
          )}
          {notice.watermark && <div className="notice-release">{notice.watermark}</div>}
        </footer>
      </article>
    </div>,
    document.body,
  );
}

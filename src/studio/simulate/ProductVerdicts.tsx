import { useState } from 'react';
import { VERDICTS, type Pack } from '../../domain/index.ts';
import type { EvaluationResult } from '../../engine/index.ts';
import { defineMessages, useLocale, useLocalize, useMessages } from '../i18n/index.tsx';
import { useCodeLabels } from '../i18n/useCodeLabels.ts';
import { productRows, verdictCounts, type VerdictFilter } from './resultView.ts';

export const verdictMessages = defineMessages({
  'zh-CN': { allowed: '适当', warn: '警示并确认', prohibited: '禁止' },
  en: { allowed: 'Allowed', warn: 'Warn + confirm', prohibited: 'Prohibited' },
});

const messages = defineMessages({
  'zh-CN': {
    all: '全部',
    search: '按名称、代码或风险等级筛选',
    product: '产品',
    risk: '风险',
    verdict: '结论',
    reasons: '原因',
    checks: '各维度',
    none: '没有符合筛选的产品',
    pass: '通过',
    fail: '不通过',
    skipped: '豁免',
  },
  en: {
    all: 'All',
    search: 'Filter by name, id or risk',
    product: 'Product',
    risk: 'Risk',
    verdict: 'Verdict',
    reasons: 'Reasons',
    checks: 'Checks',
    none: 'No product matches the filter',
    pass: 'pass',
    fail: 'fail',
    skipped: 'exempt',
  },
});

const CHECK_GLYPH = { pass: '✓', fail: '✗', skipped: '–' } as const;

const passed = (checks: Record<string, string>) =>
  Object.keys(checks).filter((k) => checks[k] === 'pass');

/** Every product's verdict with its reasons and per-dimension checks; filter by verdict or text. */
export function ProductVerdicts({ pack, result }: { pack: Pack; result: EvaluationResult }) {
  const t = useMessages(messages);
  const v = useMessages(verdictMessages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const labels = useCodeLabels(pack);
  const [filter, setFilter] = useState<VerdictFilter>('all');
  const [search, setSearch] = useState('');
  const counts = verdictCounts(result);
  const rows = productRows(pack, result, filter, search, locale);
  const total = counts.allowed + counts.warn + counts.prohibited;
  return (
    <div className="sim-products" data-testid="sim-products">
      <div className="sim-filter" role="group">
        <button
          type="button"
          className={filter === 'all' ? 'chip active' : 'chip'}
          onClick={() => setFilter('all')}
        >
          {t('all')} {total}
        </button>
        {VERDICTS.map((k) => (
          <button
            key={k}
            type="button"
            data-verdict-filter={k}
            className={`chip verdict-${k}${filter === k ? ' active' : ''}`}
            onClick={() => setFilter(filter === k ? 'all' : k)}
          >
            {v(k)} {counts[k]}
          </button>
        ))}
        <input
          type="search"
          placeholder={t('search')}
          aria-label={t('search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <table className="sim-table">
        <thead>
          <tr>
            <th>{t('product')}</th>
            <th>{t('risk')}</th>
            <th>{t('verdict')}</th>
            <th>{t('reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-product={r.id} data-verdict={r.verdict.verdict}>
              <td>
                {localize(r.name)}
                <div className="muted">
                  <code>{r.id}</code>
                </div>
              </td>
              <td title={r.risk}>{labels.name(r.risk)}</td>
              <td>
                <span className={`verdict verdict-${r.verdict.verdict}`}>
                  {v(r.verdict.verdict)}
                </span>
                {r.verdict.flags.map((f) => (
                  <span key={f} className="chip chip-flag" title={f}>
                    {labels.name(f)}
                  </span>
                ))}
              </td>
              <td>
                <ul className="sim-reasons">
                  {r.verdict.reasons.map((reason, i) => (
                    <li key={i} title={reason.code}>
                      {localize(reason.text)}
                    </li>
                  ))}
                </ul>
                <div className="sim-checks" aria-label={t('checks')}>
                  {Object.entries(r.verdict.checks)
                    .filter(([, c]) => c !== 'pass')
                    .map(([dim, c]) => (
                      <span
                        key={dim}
                        className={`check check-${c}`}
                        title={`${labels.full(dim)}: ${t(c)}`}
                      >
                        {CHECK_GLYPH[c]} {labels.name(dim)}
                      </span>
                    ))}
                  <span className="check check-pass" title={passed(r.verdict.checks).join(', ')}>
                    {CHECK_GLYPH.pass} {passed(r.verdict.checks).length}
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">{t('none')}</p>}
    </div>
  );
}

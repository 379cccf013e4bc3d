import { useState } from 'react';
import type { Pack } from '../../domain/index.ts';
import type { EvaluationResult } from '../../engine/index.ts';
import { levelColor } from '../graph/nodeViews/summaries.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { ProductVerdicts } from './ProductVerdicts.tsx';
import { headline, outputRows } from './resultView.ts';

const messages = defineMessages({
  'zh-CN': {
    flags: '标记',
    noFlags: '无标记',
    outputs: '全部结果',
    rationale: '结论说明',
    products: '产品适当性',
  },
  en: {
    flags: 'Flags',
    noFlags: 'No flags',
    outputs: 'All outputs',
    rationale: 'Why',
    products: 'Products',
  },
});

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : String(v);

/** The evaluation of one client: level, score, flags, rationale, then every product's verdict. */
export function ResultPanel({ pack, result }: { pack: Pack; result: EvaluationResult }) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const [allOutputs, setAllOutputs] = useState(false);
  const rows = outputRows(pack, result);
  const { level, score } = headline(pack, result);
  const labelOf = (name: string) => {
    const row = rows.find((r) => r.name === name);
    return row?.label ? localize(row.label) : name;
  };
  return (
    <div className="sim-result" data-testid="sim-result">
      <div className="sim-result-main">
        <div className="sim-headline">
          {level && (
            <div
              className="sim-level"
              data-testid="sim-level"
              data-level={level.value}
              style={{
                background: level.index >= 0 ? levelColor(level.index, level.of) : '#64748b',
              }}
            >
              <small>{labelOf(level.name)}</small>
              <strong>{level.value}</strong>
              {level.label && <span>{localize(level.label)}</span>}
            </div>
          )}
          {score && (
            <div className="sim-score" data-testid="sim-score">
              <small>{labelOf(score.name)}</small>
              <strong>{show(score.value)}</strong>
            </div>
          )}
          <div className="sim-flags" data-testid="sim-flags">
            <small>{t('flags')}</small>
            <div>
              {result.flags.length === 0 && <span className="muted">{t('noFlags')}</span>}
              {result.flags.map((f) => (
                <span key={f} className="chip chip-flag" data-flag={f} title={f}>
                  {labelOf(f)}
                </span>
              ))}
            </div>
          </div>
        </div>
        <section>
          <h3>{t('products')}</h3>
          <ProductVerdicts pack={pack} result={result} />
        </section>
      </div>
      <div className="sim-result-side">
        {result.rationale.length > 0 && (
          <details open className="sim-rationale" data-testid="sim-rationale">
            <summary>{t('rationale')}</summary>
            <ol>
              {result.rationale.map((line, i) => (
                <li key={i}>{localize(line)}</li>
              ))}
            </ol>
          </details>
        )}
        <details
          className="sim-outputs"
          open={allOutputs}
          onToggle={(e) => setAllOutputs(e.currentTarget.open)}
        >
          <summary>{t('outputs')}</summary>
          <table className="sim-table">
            <tbody>
              {rows
                .filter((r) => !r.flag)
                .map((r) => (
                  <tr key={r.name}>
                    <th>{r.label ? localize(r.label) : r.name}</th>
                    <td>
                      <code>{r.name}</code>
                    </td>
                    <td data-output={r.name}>{show(r.value)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      </div>
    </div>
  );
}

import { COVERAGE_KINDS, type Coverage, type CoverageKind } from '../../engine/index.ts';
import type { Pack } from '../../domain/index.ts';
import { defineMessages, useLocale, useMessages } from '../i18n/index.tsx';
import { describeItem, heatMaps, type HeatMap } from './coverageLabels.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '覆盖率',
    summary: '测试覆盖了 {covered} / {total} 项（{pct}%）',
    band: '分数段',
    limit: '封顶与保底',
    knockout: '否决项',
    rule: '规则',
    row: '决策表行',
    cell: '匹配矩阵单元格',
    policy: '匹配策略',
    uncovered: '没有测试覆盖',
    covered: '{n} 个测试',
    heat: '匹配矩阵热力图：{node} / {dim}',
    heatHint: '数字为覆盖该单元格的测试数；灰色为目录中没有该风险等级的产品',
    none: '此规则包没有这类项目',
    stale: '覆盖率来自上一次运行',
  },
  en: {
    title: 'Coverage',
    summary: 'The tests cover {covered} of {total} items ({pct}%)',
    band: 'Score bands',
    limit: 'Caps and floors',
    knockout: 'Knock-outs',
    rule: 'Rules',
    row: 'Table rows',
    cell: 'Matrix cells',
    policy: 'Match policies',
    uncovered: 'no test',
    covered: '{n} tests',
    heat: 'Match matrix heat-map: {node} / {dim}',
    heatHint: 'Numbers are the tests reaching each cell; grey cells have no product of that risk',
    none: 'This pack has none',
    stale: 'Coverage of the last run',
  },
});

const pct = (covered: number, total: number) =>
  total === 0 ? 100 : Math.round((100 * covered) / total);

function Heat({ map }: { map: HeatMap }) {
  const t = useMessages(messages);
  return (
    <figure className="heat" data-testid="coverage-heatmap" data-node-id={map.nodeId}>
      <figcaption>{t('heat', { node: map.nodeId, dim: map.dimension })}</figcaption>
      <table>
        <thead>
          <tr>
            <th />
            {map.risks.map((r) => (
              <th key={r}>{r}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.levels.map((level) => (
            <tr key={level}>
              <th>{level}</th>
              {map.risks.map((risk) => {
                const c = map.cells[level]?.[risk];
                if (!c) return <td key={risk} />;
                const alpha = c.tests === 0 ? 0 : 0.2 + (0.8 * c.tests) / Math.max(1, map.max);
                return (
                  <td
                    key={risk}
                    data-cell={`${level}x${risk}`}
                    data-tests={c.tests}
                    className={
                      !c.reachable
                        ? 'heat-unreachable'
                        : c.tests === 0
                          ? 'heat-gap'
                          : alpha > 0.6
                            ? 'heat-hit heat-dense'
                            : 'heat-hit'
                    }
                    style={c.tests > 0 ? { background: `rgba(37, 99, 235, ${alpha})` } : undefined}
                    title={c.verdict}
                  >
                    {c.reachable ? c.tests : '–'}
                    <span className={`heat-verdict verdict-${c.verdict}`} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('heatHint')}</p>
    </figure>
  );
}

/** Which parts of the rules the tests exercise, kind by kind, gaps first; matrices as heat-maps. */
export function CoverageView({
  pack,
  coverage,
  stale,
}: {
  pack: Pack;
  coverage: Coverage;
  stale: boolean;
}) {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const kinds = COVERAGE_KINDS.filter((k) => coverage.items.some((i) => i.kind === k));
  return (
    <section className="coverage" data-testid="coverage">
      <h3>{t('title')}</h3>
      {stale && <p className="muted">{t('stale')}</p>}
      <p data-testid="coverage-summary">
        {t('summary', {
          covered: coverage.covered,
          total: coverage.total,
          pct: pct(coverage.covered, coverage.total),
        })}
      </p>
      {heatMaps(pack, coverage).map((m) => (
        <Heat key={`${m.nodeId}/${m.dimension}`} map={m} />
      ))}
      {kinds.map((kind: CoverageKind) => {
        const items = coverage.items
          .filter((i) => i.kind === kind && !i.unreachable)
          .sort((a, b) => Number(a.tests.length > 0) - Number(b.tests.length > 0));
        const totals = coverage.byKind[kind];
        return (
          <details
            key={kind}
            className="coverage-kind"
            data-kind={kind}
            open={totals.covered < totals.total}
          >
            <summary>
              {t(kind)}{' '}
              <span className="muted">
                {totals.covered} / {totals.total}
              </span>
              <span className="coverage-bar">
                <span style={{ width: `${pct(totals.covered, totals.total)}%` }} />
              </span>
            </summary>
            <ul>
              {items.map((i) => (
                <li
                  key={`${i.nodeId}/${i.key}`}
                  className={i.tests.length > 0 ? 'covered' : 'uncovered'}
                  title={i.tests.join(', ') || i.path}
                  data-item={`${i.nodeId}/${i.key}`}
                >
                  <span className="coverage-node">{i.nodeId}</span> {describeItem(pack, i, locale)}{' '}
                  <span className="muted">
                    {i.tests.length > 0 ? t('covered', { n: i.tests.length }) : t('uncovered')}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {kinds.length === 0 && <p className="muted">{t('none')}</p>}
    </section>
  );
}

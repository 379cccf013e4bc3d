import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useCodeLabels } from '../i18n/useCodeLabels.ts';
import type { Pack } from '../../domain/index.ts';
import type { WhatIfCounts, WhatIfTable } from '../../engine/index.ts';
import { levelColor, VERDICT_COLORS } from '../graph/nodeViews/summaries.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import type { Band } from './populationStore.ts';
import { formatCount, reachRows, scoreHistogram } from './summary.ts';

const messages = defineMessages({
  'zh-CN': {
    scores: '分数分布（{node} 的输入）',
    levels: '等级分布',
    flags: '标记',
    reach: '产品可达性：可以购买各产品的客户数',
    clients: '客户数',
    failed: '评估失败',
    allowed: '允许',
    warn: '需警示确认',
    prohibited: '禁止',
    noFlags: '此规则包没有输出标记',
  },
  en: {
    scores: 'Score distribution (input of {node})',
    levels: 'Levels',
    flags: 'Flags',
    reach: 'Product reach: clients who may buy each product',
    clients: 'Clients',
    failed: 'evaluation fails',
    allowed: 'allowed',
    warn: 'with warning',
    prohibited: 'prohibited',
    noFlags: 'The pack outputs no flags',
  },
});

type Props = { pack: Pack; table: WhatIfTable; counts: WhatIfCounts; bands: Band[] };

// Charts are redrawn on data changes; animating 100 bars on every threshold move only distracts.
const still = { isAnimationActive: false } as const;

/** Histogram of scores, levels, flags and product reach of one evaluated population. */
export function PopulationCharts({ pack, table, counts, bands }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const labels = useCodeLabels(pack);
  const { levels, products, flags, classifyId } = table.shape;
  const bins = scoreHistogram(table);
  const bandIndex = (x: number) => {
    const band = bands.find((b) => x >= b.min && x <= b.max);
    return band ? levels.indexOf(band.level) : -1;
  };
  const histogram = bins.map((b) => ({ x: b.from, count: b.count, level: bandIndex(b.from) }));
  const levelData = [
    ...levels.map((l, i) => ({ name: l, count: counts.levels[i] ?? 0, i })),
    ...(counts.failed > 0 ? [{ name: t('failed'), count: counts.failed, i: -1 }] : []),
  ];
  const flagData = flags.map((f, i) => ({ name: labels.name(f), count: counts.flags[i] ?? 0 }));
  const names = new Map(pack.products.items.map((p) => [p.id, localize(p.name)]));
  const reach = reachRows(counts, products).map((r) => ({
    ...r,
    name: `${r.product} ${names.get(r.product) ?? ''}`.slice(0, 24),
  }));

  return (
    <div className="pop-charts" data-testid="pop-charts">
      <figure className="pop-chart pop-chart-wide" data-chart="scores">
        <figcaption>{t('scores', { node: classifyId })}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={histogram} barCategoryGap={0}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="x" />
            <YAxis tickFormatter={formatCount} width={56} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Bar dataKey="count" name={t('clients')} {...still}>
              {histogram.map((h, i) => (
                <Cell key={i} fill={h.level < 0 ? '#9ca3af' : levelColor(h.level, levels.length)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="pop-chart" data-chart="levels">
        <figcaption>{t('levels')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={levelData}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis tickFormatter={formatCount} width={56} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Bar
              dataKey="count"
              name={t('clients')}
              {...still}
              label={{ position: 'top', fontSize: 11 }}
            >
              {levelData.map((d) => (
                <Cell key={d.name} fill={d.i < 0 ? '#9ca3af' : levelColor(d.i, levels.length)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="pop-chart" data-chart="flags">
        <figcaption>{t('flags')}</figcaption>
        {flagData.length === 0 ? (
          <p className="muted">{t('noFlags')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(120, 28 * flagData.length + 40)}>
            <BarChart data={flagData} layout="vertical" margin={{ left: 8, right: 40 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={formatCount} />
              <YAxis type="category" dataKey="name" width={150} />
              <Tooltip formatter={(v) => formatCount(Number(v))} />
              <Bar
                dataKey="count"
                name={t('clients')}
                fill="#6366f1"
                {...still}
                label={{ position: 'right', fontSize: 11 }}
              />
            </BarChart>
          </ResponsiveContainer>
        )}
      </figure>
      <figure className="pop-chart pop-chart-wide" data-chart="reach">
        <figcaption>{t('reach')}</figcaption>
        <ResponsiveContainer width="100%" height={26 * reach.length + 60}>
          <BarChart data={reach} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={formatCount} />
            <YAxis
              type="category"
              dataKey="name"
              width={190}
              interval={0}
              tick={{ fontSize: 11 }}
            />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Legend />
            {(['allowed', 'warn', 'prohibited'] as const).map((v) => (
              <Bar
                key={v}
                dataKey={v}
                name={t(v)}
                stackId="reach"
                fill={VERDICT_COLORS[v]}
                {...still}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}

import type { Pack } from '../../domain/index.ts';
import type { PopulationConfig } from '../../engine/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { DistributionEditor } from './DistributionEditor.tsx';

const messages = defineMessages({
  'zh-CN': {
    count: '客户数',
    seed: '随机种子',
    date: '评估日',
    appetiteA: '风险偏好 Beta a',
    appetiteB: 'Beta b',
    coherence: '作答一致性（0–1）',
    firm: '机构主动推荐比例',
    unanswered: '未作答比例',
    hint: '同一种子和设置总是生成相同的客户；风险偏好高的客户倾向于选择得分高的选项。',
  },
  en: {
    count: 'Clients',
    seed: 'Seed',
    date: 'Evaluation date',
    appetiteA: 'Risk appetite Beta a',
    appetiteB: 'Beta b',
    coherence: 'Answer coherence (0–1)',
    firm: 'Firm-initiated share',
    unanswered: 'Unanswered share',
    hint: 'The same seed and settings always give the same clients; clients with a higher risk appetite lean to higher-scoring options.',
  },
});

export const DEFAULT_COUNT = 100_000;
export const MAX_COUNT = 2_000_000;

type Props = {
  pack: Pack;
  count: number;
  config: PopulationConfig;
  onChange: (count: number, config: PopulationConfig) => void;
};

/** Size, seed and the shape of a seeded synthetic population. */
export function GeneratePanel({ pack, count, config, onChange }: Props) {
  const t = useMessages(messages);
  const n = (v: string, fallback: number) => (Number.isFinite(Number(v)) ? Number(v) : fallback);
  const appetite = config.appetite ?? { a: 2, b: 2 };
  return (
    <div className="pop-generate">
      <p className="muted">{t('hint')}</p>
      <div className="pop-params">
        <label className="pop-field">
          {t('count')}
          <input
            type="number"
            min={1}
            max={MAX_COUNT}
            step={1000}
            value={count}
            data-testid="pop-count"
            onChange={(e) =>
              onChange(
                Math.max(1, Math.min(MAX_COUNT, Math.round(n(e.target.value, count)))),
                config,
              )
            }
          />
        </label>
        <label className="pop-field">
          {t('seed')}
          <input
            type="number"
            value={config.seed}
            onChange={(e) => onChange(count, { ...config, seed: Math.round(n(e.target.value, 1)) })}
          />
        </label>
        <label className="pop-field">
          {t('date')}
          <input
            type="date"
            value={config.evaluationDate}
            onChange={(e) =>
              e.target.value && onChange(count, { ...config, evaluationDate: e.target.value })
            }
          />
        </label>
        <label className="pop-field">
          {t('appetiteA')}
          <input
            type="number"
            min={0.1}
            step={0.5}
            value={appetite.a}
            onChange={(e) =>
              onChange(count, {
                ...config,
                appetite: { ...appetite, a: Math.max(0.1, n(e.target.value, 2)) },
              })
            }
          />
        </label>
        <label className="pop-field">
          {t('appetiteB')}
          <input
            type="number"
            min={0.1}
            step={0.5}
            value={appetite.b}
            onChange={(e) =>
              onChange(count, {
                ...config,
                appetite: { ...appetite, b: Math.max(0.1, n(e.target.value, 2)) },
              })
            }
          />
        </label>
        {(['coherence', 'firmInitiated', 'unanswered'] as const).map((key) => (
          <label key={key} className="pop-field">
            {t(key === 'firmInitiated' ? 'firm' : key)}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={config[key] ?? (key === 'coherence' ? 0.7 : key === 'firmInitiated' ? 0.3 : 0)}
              onChange={(e) =>
                onChange(count, {
                  ...config,
                  [key]: Math.max(0, Math.min(1, n(e.target.value, 0))),
                })
              }
            />
          </label>
        ))}
      </div>
      <DistributionEditor pack={pack} config={config} onChange={(c) => onChange(count, c)} />
    </div>
  );
}

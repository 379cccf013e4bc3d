import { useState } from 'react';
import type { NodeConfig } from '../../../domain/index.ts';
import { T } from '../../../engine/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { RefPicker } from '../common/RefPicker.tsx';
import { scopeRefs } from '../common/scopeRefs.ts';
import type { InspectorProps } from '../common/types.ts';
import { weightSum } from './weights.ts';
import * as edit from './scoreEdits.ts';
import { RescaleEditor } from './RescaleEditor.tsx';

const messages = defineMessages({
  'zh-CN': {
    combine: '合并方式',
    weightedSum: '加权求和：Σ 权重 × 值',
    min: '最小值：取 权重 × 值 中最小的',
    max: '最大值：取 权重 × 值 中最大的',
    terms: '评分项',
    value: '取值',
    weight: '权重',
    share: '占比',
    add: '添加评分项',
    sum: '权重合计 {sum}',
    normalizeWeights: '权重归一化（合计为 1）',
    noNumbers: '上游没有可用的数值：先把问卷或评分节点连到本节点',
    round: '取整',
    none: '不取整',
    floor: '向下取整',
    roundHalf: '四舍五入',
    ceil: '向上取整',
  },
  en: {
    combine: 'Combine',
    weightedSum: 'Weighted sum: Σ weight × value',
    min: 'Minimum of weight × value',
    max: 'Maximum of weight × value',
    terms: 'Terms',
    value: 'Value',
    weight: 'Weight',
    share: 'Share',
    add: 'Add term',
    sum: 'Weights sum to {sum}',
    normalizeWeights: 'Normalize weights (sum to 1)',
    noNumbers: 'Nothing upstream gives a number: connect a questionnaire or score node first',
    round: 'Round',
    none: 'none',
    floor: 'down',
    roundHalf: 'half up',
    ceil: 'up',
  },
});

type Config = NodeConfig<'score'>;
const COMBINES: Config['combine'][] = ['weightedSum', 'min', 'max'];
const ROUNDS: readonly Config['round'][] = ['none', 'floor', 'round', 'ceil'];
const ROUND_WORDS = { none: 'none', floor: 'floor', round: 'roundHalf', ceil: 'ceil' } as const;

/** Weights of a score: terms picked from upstream numbers, a live sum, normalization, rescaling. */
export function ScoreInspector({ pack, node, nodeIndex, dispatch }: InspectorProps<'score'>) {
  const t = useMessages(messages);
  const config = node.config;
  // Weights being typed count in the sum at once, before they are committed.
  const [typing, setTyping] = useState<Record<number, number>>({});
  const sum = weightSum(
    config.terms.map((term, i) => ({ ...term, weight: typing[i] ?? term.weight })),
  );
  const onDraft = (i: number, w: number | undefined) =>
    setTyping((prev) => {
      const next = { ...prev };
      if (w === undefined) delete next[i];
      else next[i] = w;
      return next;
    });
  const numbers = scopeRefs(pack, node.id, T.number);
  const weighted = config.combine === 'weightedSum';

  const addTerm = () => {
    const used = new Set(config.terms.map((x) => x.ref));
    const ref =
      numbers.find((o) => o.type.type === 'number' && !used.has(o.ref))?.ref ?? numbers[0]?.ref;
    if (!ref) return;
    dispatch(edit.addTerm(nodeIndex, config, { ref, weight: 1 }));
  };
  const normalizeChange = edit.normalizeWeights(nodeIndex, config);

  return (
    <div className="score-inspector">
      <section className="insp-section">
        <h3>{t('combine')}</h3>
        {COMBINES.map((c) => (
          <label key={c} className="insp-row">
            <input
              type="radio"
              name={`combine-${node.id}`}
              checked={config.combine === c}
              onChange={() => dispatch(edit.setCombine(nodeIndex, c))}
            />
            {t(c)}
          </label>
        ))}
      </section>
      <section className="insp-section">
        <h3>
          {t('terms')}
          <button
            type="button"
            className="insp-button"
            onClick={addTerm}
            disabled={numbers.length === 0}
          >
            + {t('add')}
          </button>
        </h3>
        {numbers.length === 0 && <p className="insp-warn">{t('noNumbers')}</p>}
        <table className="insp-grid">
          <thead>
            <tr>
              <th>{t('value')}</th>
              <th style={{ width: 72 }}>{t('weight')}</th>
              {weighted && <th style={{ width: 52 }}>{t('share')}</th>}
              <th style={{ width: 80 }} />
            </tr>
          </thead>
          <tbody>
            {config.terms.map((term, i) => (
              <tr key={i}>
                <td>
                  <RefPicker
                    pack={pack}
                    nodeId={node.id}
                    value={term.ref}
                    wanted={T.number}
                    label={`${t('value')} ${i + 1}`}
                    onChange={(ref) => dispatch(edit.setTermRef(nodeIndex, i, ref))}
                  />
                </td>
                <td>
                  <NumberField
                    label={`${t('weight')} ${i + 1}`}
                    value={term.weight}
                    onDraft={(w) => onDraft(i, w)}
                    onCommit={(w) => dispatch(edit.setTermWeight(nodeIndex, i, w))}
                  />
                </td>
                {weighted && (
                  <td className="insp-muted">
                    {sum === 0
                      ? '—'
                      : `${Math.round(((typing[i] ?? term.weight) / sum) * 1000) / 10}%`}
                  </td>
                )}
                <td>
                  <RowControls
                    className=""
                    look="button"
                    name={String(i + 1)}
                    movedName={(by) => String(i + 1 + by)}
                    onMove={(by) => dispatch(edit.moveTerm(nodeIndex, i, i + by))}
                    canMoveUp={i > 0}
                    canMoveDown={i < config.terms.length - 1}
                    onRemove={() => dispatch(edit.removeTerm(nodeIndex, i))}
                    canRemove={config.terms.length > 1}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="insp-row">
          <strong className="weight-sum" data-sum={sum}>
            {t('sum', { sum })}
          </strong>
          {/* In min / max mode the weights scale each term on its own: summing them to 1 means nothing. */}
          {weighted && (
            <button
              type="button"
              className="insp-button"
              disabled={!normalizeChange}
              onClick={() => normalizeChange && dispatch(normalizeChange)}
            >
              {t('normalizeWeights')}
            </button>
          )}
        </div>
      </section>
      <RescaleEditor normalize={config.normalize} nodeIndex={nodeIndex} dispatch={dispatch} />
      <SelectField
        layout="row"
        label={t('round')}
        value={config.round}
        options={ROUNDS}
        optionLabel={(value) => t(ROUND_WORDS[value])}
        onChange={(round) => dispatch(edit.setRound(nodeIndex, round))}
      />
    </div>
  );
}

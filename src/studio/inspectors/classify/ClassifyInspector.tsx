import { useMemo } from 'react';
import { T } from '../../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { evenBands } from '../../nodeKinds/defaults.ts';
import { RefPicker } from '../common/RefPicker.tsx';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { scaleChoices } from '../common/choiceNames.ts';
import { upstreamOf } from '../common/scopeRefs.ts';
import { RulerHistogram, setWhatIfPreview, ThresholdWhatIf } from '../../population/index.ts';
import type { InspectorProps } from '../common/types.ts';
import { BandRuler } from './BandRuler.tsx';
import { BandsTable } from './BandsTable.tsx';
import {
  setBands,
  setClassifyInput,
  setClassifyScale,
  toggleRulesLimits,
} from './classifyEdits.ts';
import { LimitsEditor } from './LimitsEditor.tsx';
import { sampleScores } from './sampleScores.ts';
import './classify.css';

const messages = defineMessages({
  'zh-CN': {
    input: '分数来源',
    scale: '等级刻度',
    bands: '分数区间',
    bandsHint: '拖动两个区间之间的分界，相邻两段同时更新；方向键每次移动 1（按住 Shift 移动 5）',
    rulesLimits: '来自规则节点的上限 / 下限',
    rulesHint: '所选规则节点中 cap / floor 事件会限制等级',
    notUpstream: '（不在上游，请先连线）',
    noRules: '没有规则节点',
    samples: '直方图：{clients} 位样本客户与 {tests} 个测试用例的分数；分段中的数字为人数',
    samplesFailed: '（{n} 个无法计算）',
  },
  en: {
    input: 'Score from',
    scale: 'Level scale',
    bands: 'Score bands',
    bandsHint:
      'Drag the boundary between two bands: both neighbours update. Arrow keys move it by 1 (Shift: 5)',
    rulesLimits: 'Caps / floors from rules nodes',
    rulesHint: 'The cap / floor events of the chosen rules nodes limit the level',
    notUpstream: '(not upstream: connect it first)',
    noRules: 'No rules nodes',
    samples:
      'Histogram: scores of {clients} sample clients and {tests} test cases; numbers in bands are head counts',
    samplesFailed: '({n} could not be scored)',
  },
});

/** Score bands to a level (C1–C5...), with caps and floors. */
export function ClassifyInspector({ pack, node, nodeIndex, dispatch }: InspectorProps<'classify'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const config = node.config;
  const scale = pack.vocabulary.scales.find((s) => s.id === config.scale);
  const levels = scale?.levels.map((l) => l.id) ?? [];
  const upstream = upstreamOf(pack, node.id);
  const scales = scaleChoices(pack, localize);
  const rulesNodes = pack.graph.nodes.filter((n) => n.kind === 'rules');
  const samples = useMemo(() => sampleScores(pack, node.id), [pack, node.id]);
  const scores = useMemo(() => (samples.ok ? samples.scores.map((s) => s.score) : []), [samples]);
  const clients = samples.ok ? samples.scores.filter((s) => s.source === 'client').length : 0;

  const changeScale = (id: string) => {
    const next = pack.vocabulary.scales.find((s) => s.id === id);
    if (!next) return;
    // Bands naming levels the new scale lacks would all be errors: start from even bands instead.
    const ids = new Set(next.levels.map((l) => l.id));
    const keep = config.bands.every((b) => ids.has(b.level));
    const lo = Math.min(...config.bands.map((b) => b.min));
    const hi = Math.max(...config.bands.map((b) => b.max));
    dispatch(setClassifyScale(nodeIndex, id, keep ? null : evenBands([...ids], lo, hi)));
  };

  return (
    <div className="classify-inspector">
      <div className="insp-row">
        <label>{t('input')}</label>
        <RefPicker
          pack={pack}
          nodeId={node.id}
          value={config.input}
          wanted={T.number}
          label={t('input')}
          onChange={(ref) => dispatch(setClassifyInput(nodeIndex, ref))}
        />
      </div>
      <SelectField
        layout="row"
        label={t('scale')}
        value={config.scale}
        options={scales.ids}
        optionLabel={scales.name}
        onChange={changeScale}
      />
      <section className="insp-section">
        <h3>{t('bands')}</h3>
        <p className="insp-muted">{t('bandsHint')}</p>
        {samples.ok ? (
          <p className="insp-muted">
            {t('samples', { clients, tests: scores.length - clients })}
            {samples.failed > 0 && t('samplesFailed', { n: samples.failed })}
          </p>
        ) : (
          <p className="insp-muted">{localize(samples.message)}</p>
        )}
        <BandRuler
          bands={config.bands}
          levels={levels}
          scores={scores}
          onCommit={(after) => {
            const change = setBands(nodeIndex, config.bands, after, 'band boundary');
            if (change) dispatch(change);
          }}
          onPreview={(shown) => setWhatIfPreview(node.id, shown)}
          overlay={(domain) => <RulerHistogram nodeId={node.id} {...domain} />}
        />
        <ThresholdWhatIf pack={pack} nodeId={node.id} bands={config.bands} />
        <BandsTable bands={config.bands} scale={scale} nodeIndex={nodeIndex} dispatch={dispatch} />
      </section>
      <LimitsEditor
        pack={pack}
        nodeId={node.id}
        which="caps"
        limits={config.caps}
        scale={scale}
        nodeIndex={nodeIndex}
        dispatch={dispatch}
      />
      <LimitsEditor
        pack={pack}
        nodeId={node.id}
        which="floors"
        limits={config.floors}
        scale={scale}
        nodeIndex={nodeIndex}
        dispatch={dispatch}
      />
      <section className="insp-section">
        <h3>{t('rulesLimits')}</h3>
        <p className="insp-muted">{t('rulesHint')}</p>
        {rulesNodes.length === 0 && <p className="insp-muted">{t('noRules')}</p>}
        {rulesNodes.map((r) => (
          <CheckField
            key={r.id}
            className="insp-row"
            label={`${r.id} ${localize(r.label)}`}
            checked={config.rulesLimits.includes(r.id)}
            onChange={(on) => dispatch(toggleRulesLimits(nodeIndex, config.rulesLimits, r.id, on))}
          >
            <code>{r.id}</code> {localize(r.label)}
            {!upstream.has(r.id) && <span className="insp-muted">{t('notUpstream')}</span>}
          </CheckField>
        ))}
      </section>
    </div>
  );
}

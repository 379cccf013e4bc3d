import { useMemo } from 'react';
import { VERDICTS, type MatchDimension, type Pack, type PathKey } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { RefPicker } from '../common/RefPicker.tsx';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { scaleChoices } from '../common/choiceNames.ts';
import { ConditionGroup, factChoices } from '../rules/index.ts';
import { MatrixGrid, verdictMessages } from './MatrixGrid.tsx';
import { ReasonField } from '../common/ReasonField.tsx';
import { AppliesWhenPicker, AppliesWhenSummary } from './AppliesWhen.tsx';
import { setDimensionField } from './matchEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    matrix: '等级 × 风险矩阵',
    compare: '比较（期限等）',
    contains: '包含（品种等）',
    condition: '条件',
    label: '名称',
    onFail: '不满足时',
    exemptable: '专业投资者可豁免',
    client: '客户取值',
    clientScale: '客户等级量表',
    scale: '量表',
    productField: '产品字段',
    rule: '规则',
    productAtMostClient: '产品不高于客户',
    productAtLeastClient: '产品不低于客户',
    clientInProduct: '客户取值在产品列表中',
    productInClient: '产品取值在客户列表中',
    whenMissing: '缺值时',
    pass: '通过',
    fail: '不通过',
    passesWhen: '满足以下条件即通过（事实 product 为当前产品）',
  },
  en: {
    matrix: 'Level × risk matrix',
    compare: 'Compare (horizon…)',
    contains: 'Contains (variety…)',
    condition: 'Condition',
    label: 'Name',
    onFail: 'When it fails',
    exemptable: 'Professional investors are exempt',
    client: 'Client value',
    clientScale: 'Client level scale',
    scale: 'Scale',
    productField: 'Product field',
    rule: 'Rule',
    productAtMostClient: 'product at most client',
    productAtLeastClient: 'product at least client',
    clientInProduct: "client's value among the product's",
    productInClient: "product's value among the client's",
    whenMissing: 'When missing',
    pass: 'pass',
    fail: 'fail',
    passesWhen: 'Passes when this holds (the fact product is the product being matched)',
  },
});

type Props = {
  pack: Pack;
  nodeId: string;
  dimension: MatchDimension;
  path: readonly PathKey[];
  index: number;
  count: number;
  dispatch: Dispatch;
  onMove: (to: number) => void;
  onRemove: () => void;
};

/** One matching dimension: its kind's settings, the verdict when it fails, and its reason. */
export function DimensionCard(props: Props) {
  const { pack, nodeId, dimension: d, path, index, count, dispatch, onMove, onRemove } = props;
  const t = useMessages(messages);
  const v = useMessages(verdictMessages);
  const localize = useLocalize();
  const set = (key: string, value: unknown) => dispatch(setDimensionField(path, key, value));
  const choices = useMemo(() => factChoices(pack, nodeId, true), [pack, nodeId]);
  const productFields = [
    'risk',
    'horizon',
    'variety',
    ...[...new Set(pack.products.items.flatMap((p) => Object.keys(p.attributes)))].map(
      (a) => `attributes.${a}`,
    ),
  ];
  const scales = scaleChoices(pack, localize);
  const scaleSelect = (key: 'scale' | 'clientScale', value: string) => (
    <SelectField
      label={t(key)}
      value={value}
      options={scales.ids}
      optionLabel={scales.name}
      onChange={(id) => set(key, id)}
    />
  );
  const missingSelect = (value: 'pass' | 'fail') => (
    <SelectField
      label={t('whenMissing')}
      value={value}
      options={['pass', 'fail'] as const}
      optionLabel={t}
      onChange={(x) => set('whenMissing', x)}
    />
  );
  const fieldSelect = (value: string) => (
    <SelectField
      label={t('productField')}
      value={value}
      options={productFields}
      onChange={(x) => set('productField', x)}
    />
  );
  return (
    <section className={`match-dimension dim-${d.kind}`} data-dimension={d.id}>
      <header className="q-row">
        <strong>
          {d.id} · {t(d.kind)}
        </strong>
        <RowControls
          name={d.id}
          onMove={(by) => onMove(index + by)}
          canMoveUp={index > 0}
          canMoveDown={index < count - 1}
          onRemove={onRemove}
          canRemove={count > 1}
        />
      </header>
      <AppliesWhenSummary pack={pack} value={d.appliesWhen} />
      <LocalizedField
        label={t('label')}
        value={d.label}
        onCommit={(value) => set('label', value)}
      />
      <div className="q-row">
        <SelectField
          label={t('onFail')}
          value={d.onFail}
          options={VERDICTS}
          optionLabel={v}
          onChange={(x) => set('onFail', x)}
        />
        <CheckField
          label={t('exemptable')}
          checked={d.exemptable}
          onChange={(checked) => set('exemptable', checked)}
        />
      </div>
      <AppliesWhenPicker
        pack={pack}
        nodeId={nodeId}
        value={d.appliesWhen}
        path={[...path, 'appliesWhen']}
        dispatch={dispatch}
      />
      {d.kind !== 'condition' && (
        <label className="q-row">
          {t('client')}{' '}
          <RefPicker
            pack={pack}
            nodeId={nodeId}
            value={d.client}
            label={t('client')}
            onChange={(ref) => set('client', ref)}
          />
        </label>
      )}
      {d.kind === 'matrix' && (
        <>
          {scaleSelect('clientScale', d.clientScale)}
          <MatrixGrid
            pack={pack}
            clientScale={d.clientScale}
            cells={d.cells}
            path={[...path, 'cells']}
            dispatch={dispatch}
          />
        </>
      )}
      {d.kind === 'compare' && (
        <div className="q-row">
          {scaleSelect('scale', d.scale)}
          {fieldSelect(d.productField)}
          <SelectField
            label={t('rule')}
            value={d.rule}
            options={['productAtMostClient', 'productAtLeastClient'] as const}
            optionLabel={t}
            onChange={(rule) => set('rule', rule)}
          />
          {missingSelect(d.whenMissing)}
        </div>
      )}
      {d.kind === 'contains' && (
        <div className="q-row">
          {fieldSelect(d.productField)}
          <SelectField
            label={t('rule')}
            value={d.rule}
            options={['clientInProduct', 'productInClient'] as const}
            optionLabel={t}
            onChange={(rule) => set('rule', rule)}
          />
          {missingSelect(d.whenMissing)}
        </div>
      )}
      {d.kind === 'condition' && (
        <>
          <p className="hint">{t('passesWhen')}</p>
          <ConditionGroup
            pack={pack}
            choices={choices}
            dispatch={dispatch}
            condition={d.when}
            path={[...path, 'when']}
          />
        </>
      )}
      <ReasonField reason={d.reason} path={[...path, 'reason']} dispatch={dispatch} />
    </section>
  );
}

import { T } from '../../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { RefPicker } from '../common/RefPicker.tsx';
import { SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { scopeRefs, upstreamOf } from '../common/scopeRefs.ts';
import type { InspectorProps } from '../common/types.ts';
import { IdInput } from './IdInput.tsx';
import * as edit from './outputEdits.ts';
import './io.css';

const messages = defineMessages({
  'zh-CN': {
    outputs: '命名输出',
    hint: '规则包的结果：每个输出取上游节点的一个值；“标记”类输出为是/否，成立时列入结果的 flags',
    name: '输出名',
    ref: '取值',
    kind: '类型',
    value: '值',
    flag: '标记',
    label: '显示名称',
    add: '添加输出',
    verdicts: '产品结论来源',
    noVerdicts: '（不输出产品结论）',
    notUpstream: '（不在上游）',
    invalid: '只能包含字母、数字、"_" 或 "-"，且以字母或数字开头',
    duplicate: '已有同名输出',
  },
  en: {
    outputs: 'Named outputs',
    hint: "The pack's results: each output takes a value from upstream; flag outputs are yes/no and listed in the result's flags when true",
    name: 'Name',
    ref: 'Value',
    kind: 'Kind',
    value: 'value',
    flag: 'flag',
    label: 'Display name',
    add: 'Add output',
    verdicts: 'Product verdicts from',
    noVerdicts: '(no product verdicts)',
    notUpstream: '(not upstream)',
    invalid: 'Letters, digits, "_" or "-", starting with a letter or digit',
    duplicate: 'An output of that name exists',
  },
});

const KINDS = ['value', 'flag'] as const;

/** The named results of the pack, each picked from upstream, and the match node giving verdicts. */
export function OutputInspector({ pack, node, nodeIndex, dispatch }: InspectorProps<'output'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { outputs, verdicts } = node.config;
  const upstream = upstreamOf(pack, node.id);
  const matchNodes = pack.graph.nodes.filter((n) => n.kind === 'match');

  const add = () => {
    const names = new Set(outputs.map((o) => o.name));
    const used = new Set(outputs.map((o) => o.ref));
    const options = scopeRefs(pack, node.id).filter(
      (o) => o.group.kind === 'node' && !used.has(o.ref),
    );
    const ref = options.find((o) => o.type.type === 'level')?.ref ?? options[0]?.ref;
    if (!ref) return;
    let name = ref.split('.').pop() ?? 'output';
    for (let i = 2; names.has(name); i++) name = `${ref.split('.').pop()}${i}`;
    dispatch(edit.addOutput(nodeIndex, outputs.length, { name, ref, kind: 'value' }));
  };

  return (
    <div className="output-inspector">
      <section className="insp-section">
        <h3>
          {t('outputs')}
          <button type="button" className="insp-button" onClick={add}>
            + {t('add')}
          </button>
        </h3>
        <p className="insp-muted">{t('hint')}</p>
        {outputs.map((o, i) => (
          <div key={i} className="io-card" data-output={o.name}>
            <div className="insp-row">
              <IdInput
                value={o.name}
                label={t('name')}
                taken={outputs.filter((_, k) => k !== i).map((x) => x.name)}
                messages={{ invalid: t('invalid'), duplicate: t('duplicate') }}
                onCommit={(name) => dispatch(edit.setOutputField(nodeIndex, i, 'name', name))}
              />
              <SelectField
                className="insp-select"
                label={t('kind')}
                hideLabel
                value={o.kind}
                options={KINDS}
                optionLabel={t}
                onChange={(kind) => dispatch(edit.setOutputField(nodeIndex, i, 'kind', kind))}
              />
              <span className="io-spacer" />
              <RowControls
                className=""
                look="button"
                name={o.name}
                onMove={(by) => dispatch(edit.moveOutput(nodeIndex, i, i + by))}
                canMoveUp={i > 0}
                canMoveDown={i < outputs.length - 1}
                onRemove={() => dispatch(edit.removeOutput(nodeIndex, i))}
              />
            </div>
            <div className="insp-row">
              <label>{t('ref')}</label>
              <RefPicker
                pack={pack}
                nodeId={node.id}
                value={o.ref}
                label={`${o.name} ${t('ref')}`}
                {...(o.kind === 'flag' ? { wanted: T.boolean } : {})}
                onChange={(ref) => dispatch(edit.setOutputField(nodeIndex, i, 'ref', ref))}
              />
            </div>
            <LocalizedField
              label={t('label')}
              value={o.label}
              onCommit={(label) => dispatch(edit.setOutputField(nodeIndex, i, 'label', label))}
            />
          </div>
        ))}
      </section>
      <SelectField
        layout="row"
        label={t('verdicts')}
        value={verdicts}
        emptyLabel={t('noVerdicts')}
        options={matchNodes.map((m) => m.id)}
        optionLabel={(id) => {
          const m = matchNodes.find((n) => n.id === id);
          const where = upstream.has(id) ? '' : t('notUpstream');
          return m ? `${id} ${localize(m.label)} ${where}` : id;
        }}
        onChange={(id) => dispatch(edit.setVerdicts(nodeIndex, id))}
      />
    </div>
  );
}

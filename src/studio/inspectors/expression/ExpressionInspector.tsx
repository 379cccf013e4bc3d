import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { InspectorProps } from '../common/types.ts';
import { RefPicker } from '../common/RefPicker.tsx';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { setExpression, setNameRef } from './expressionEdits.ts';
import '../questionnaire/inspectorBase.css';

const messages = defineMessages({
  'zh-CN': {
    expression: 'FEEL 表达式',
    names: '表达式中的名称及其取值',
    functions: '可调用的函数',
  },
  en: {
    expression: 'FEEL expression',
    names: 'Names in the expression and what they read',
    functions: 'Functions it may call',
  },
});

/** Edits an S-FEEL literal expression and what each of its names reads. */
export function ExpressionInspector({
  pack,
  node,
  nodeIndex,
  dispatch,
}: InspectorProps<'expression'>) {
  const t = useMessages(messages);
  const { expression, names, functions } = node.config;
  return (
    <div className="expression-inspector">
      <label className="q-field">
        <span>{t('expression')}</span>
        <TextCell
          label={t('expression')}
          value={expression}
          validate={(v) => v.trim() !== ''}
          onCommit={(v) => dispatch(setExpression(nodeIndex, v))}
        />
      </label>
      <h4>{t('names')}</h4>
      {names.map((n, i) => (
        <div className="q-row" key={n.name}>
          <span className="nv-mono">{n.name}</span>
          <RefPicker
            pack={pack}
            nodeId={node.id}
            label={n.name}
            value={n.ref}
            onChange={(ref) => dispatch(setNameRef(nodeIndex, i, ref))}
          />
        </div>
      ))}
      {functions.length > 0 && (
        <>
          <h4>{t('functions')}</h4>
          <ul className="nv-mono">
            {functions.map((f) => (
              <li key={f.name}>
                {f.name}({f.params.join(', ')}) = {f.body}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

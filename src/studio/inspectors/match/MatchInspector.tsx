import { useState } from 'react';
import type { MatchDimension } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { InspectorProps } from '../common/types.ts';
import { SelectField } from '../common/ChoiceFields.tsx';
import { nextId } from '../questionnaire/questionEdits.ts';
import { DimensionCard } from './DimensionCard.tsx';
import { PolicyList } from './PolicyList.tsx';
import { newDimension } from './matchDefaults.ts';
import * as edit from './matchEdits.ts';
import '../questionnaire/inspectorBase.css';
import './match.css';

const messages = defineMessages({
  'zh-CN': {
    dimensions: '匹配维度（产品结论取最严格的一项）',
    add: '添加维度',
    matrix: '等级 × 风险矩阵',
    compare: '比较（期限等）',
    contains: '包含（品种等）',
    condition: '条件',
  },
  en: {
    dimensions: 'Dimensions (a product gets the most severe verdict)',
    add: 'Add dimension',
    matrix: 'Level × risk matrix',
    compare: 'Compare (horizon…)',
    contains: 'Contains (variety…)',
    condition: 'Condition',
  },
});

const DIMENSION_KINDS = ['matrix', 'compare', 'contains', 'condition'] as const;
type Kind = MatchDimension['kind'];

/** Product matching: the dimensions every product is checked on, then the policies. */
export function MatchInspector({ pack, node, nodeIndex, dispatch }: InspectorProps<'match'>) {
  const t = useMessages(messages);
  const [kind, setKind] = useState<Kind>('compare');
  const dims = node.config.dimensions;
  return (
    <div className="match-inspector">
      <h4>{t('dimensions')}</h4>
      {dims.map((d, i) => (
        <DimensionCard
          key={`${d.id}-${i}`}
          pack={pack}
          nodeId={node.id}
          dimension={d}
          path={edit.dimensionPath(nodeIndex, i)}
          index={i}
          count={dims.length}
          dispatch={dispatch}
          onMove={(to) => dispatch(edit.moveDimension(nodeIndex, i, to))}
          onRemove={() => dispatch(edit.removeDimension(nodeIndex, i))}
        />
      ))}
      <div className="q-row">
        <SelectField
          label={t('add')}
          hideLabel
          value={kind}
          options={DIMENSION_KINDS}
          optionLabel={t}
          onChange={setKind}
        />
        <button
          type="button"
          onClick={() =>
            dispatch(
              edit.addDimension(
                nodeIndex,
                dims.length,
                newDimension(
                  kind,
                  pack,
                  nextId(
                    kind,
                    dims.map((d) => d.id),
                  ),
                ),
              ),
            )
          }
        >
          + {t('add')}
        </button>
      </div>
      <PolicyList
        pack={pack}
        nodeId={node.id}
        policies={node.config.policies}
        nodeIndex={nodeIndex}
        dispatch={dispatch}
      />
    </div>
  );
}

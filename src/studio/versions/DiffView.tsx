import { useMemo } from 'react';
import type { Pack } from '../../domain/index.ts';
import { diffPacks, type DiffArea } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { DiffGraph } from './DiffGraph.tsx';
import { changedNodes, groupDiff } from './diffGroups.ts';

const messages = defineMessages({
  'zh-CN': {
    none: '两者内容相同',
    count: '{n} 处变更',
    nodes: '变更的节点',
    before: '之前',
    after: '之后',
    added: '新增',
    removed: '删除',
    changed: '修改',
    open: '在决策图中打开节点 {id}',
  },
  en: {
    none: 'Both have the same content',
    count: '{n} changes',
    nodes: 'Changed nodes',
    before: 'before',
    after: 'after',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    open: 'Open node {id} on the graph',
  },
});

export const AREA_LABELS: Record<DiffArea, { 'zh-CN': string; en: string }> = {
  identity: { 'zh-CN': '基本信息', en: 'Identity' },
  vocabulary: { 'zh-CN': '词汇与等级表', en: 'Vocabulary and scales' },
  questionnaire: { 'zh-CN': '问卷', en: 'Questionnaire' },
  products: { 'zh-CN': '产品', en: 'Products' },
  nodes: { 'zh-CN': '节点', en: 'Nodes' },
  edges: { 'zh-CN': '连线', en: 'Edges' },
  bands: { 'zh-CN': '分类区间', en: 'Bands' },
  matrix: { 'zh-CN': '匹配矩阵', en: 'Matching matrix' },
  rules: { 'zh-CN': '规则', en: 'Rules' },
  table: { 'zh-CN': '决策表', en: 'Decision tables' },
  tests: { 'zh-CN': '测试用例', en: 'Tests' },
  sampleClients: { 'zh-CN': '样例客户', en: 'Sample clients' },
};

/**
 * The semantic diff of two packs in words, grouped by area, with the changed graph nodes drawn
 * as a strip of chips that open the node in the editor.
 */
export function DiffView(props: {
  a: Pack;
  b: Pack;
  labels: [string, string];
  onOpenNode: (id: string) => void;
}) {
  const { a, b, labels, onOpenNode } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const entries = useMemo(() => diffPacks(a, b), [a, b]);
  const groups = useMemo(() => groupDiff(entries), [entries]);
  const nodes = useMemo(() => changedNodes(a, b), [a, b]);
  if (entries.length === 0)
    return (
      <p className="muted" data-testid="diff-empty">
        {t('none')}
      </p>
    );
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="diff-head">
        <span className="diff-side">
          {t('before')}: <strong>{labels[0]}</strong>
        </span>
        <span className="diff-side">
          {t('after')}: <strong>{labels[1]}</strong>
        </span>
        <span className="muted">{t('count', { n: entries.length })}</span>
      </div>
      {nodes.length > 0 && (
        <div className="diff-nodes" data-testid="diff-nodes" aria-label={t('nodes')}>
          <span className="muted">{t('nodes')}:</span>
          {nodes.map((n) => (
            <button
              key={n.id}
              type="button"
              className={`diff-node ${n.change}`}
              data-node={n.id}
              title={t('open', { id: n.id })}
              disabled={n.change === 'removed'}
              onClick={() => onOpenNode(n.id)}
            >
              {n.id} · {t(n.change)}
            </button>
          ))}
        </div>
      )}
      {nodes.length > 0 && <DiffGraph a={a} b={b} changes={nodes} onOpenNode={onOpenNode} />}
      {groups.map((g) => (
        <section key={g.area} className="diff-group" data-area={g.area}>
          <h4>
            {localize(AREA_LABELS[g.area])} <span className="muted">({g.entries.length})</span>
          </h4>
          <ul>
            {g.entries.map((e, i) => (
              <li key={`${e.subject}|${i}`} className={`diff-entry ${e.change}`}>
                <span className={`diff-badge ${e.change}`}>{t(e.change)}</span>
                <code className="diff-subject">{e.subject}</code>
                <span className="diff-text">{localize(e.text)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

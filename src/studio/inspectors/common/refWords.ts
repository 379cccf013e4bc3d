import type { LocalizedText, Pack } from '../../../domain/index.ts';

const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * A value reference as a compliance officer reads it: a fact by its label, a node's output by
 * the node's name and the output's (a rules node's declared label where it has one), e.g.
 * `controls.advised` -> "控制与信息完整性：advised". The reference itself is shown beside it.
 */
export function refWords(pack: Pack, ref: string): LocalizedText {
  const [root = '', ...keys] = ref.split('.');
  const path = keys.join('.');
  const fact = pack.vocabulary.facts.find((f) => f.id === root);
  if (fact && keys.length === 0) return fact.label;
  if (root === 'answers') return both(`问卷答案 ${path}`, `answer to ${path}`);
  if (root === 'context') return both(`评估上下文 ${path}`, `context ${path}`);
  const node = pack.graph.nodes.find((n) => n.id === root);
  if (!node?.label || keys.length === 0) return both(ref, ref);
  const declared =
    node.kind === 'rules' && keys.length === 1
      ? node.config.outputs.find((o) => o.name === keys[0])?.label
      : undefined;
  const what = (locale: 'zh-CN' | 'en') => declared?.[locale] || path;
  return both(`${node.label['zh-CN']}：${what('zh-CN')}`, `${node.label.en}: ${what('en')}`);
}

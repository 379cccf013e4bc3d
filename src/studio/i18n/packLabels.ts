import { localize, questionsOf, type LocalizedText, type Pack } from '../../domain/index.ts';

/** Longer labels (a question's whole text) are cut to this many characters. */
const MAX_LABEL = 24;

/** `text` cut to a label's length. */
export const short = (text: string) =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;

/**
 * What each code of a pack is called in `locale`: scale levels, products, questions,
 * questionnaires, facts and graph nodes. A code used by two things keeps the first label found
 * (levels first: they are what messages name most).
 */
export function packCodeLabels(pack: Pack, locale: string): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (id: string, text: string) => {
    if (text && text !== id && !labels.has(id)) labels.set(id, short(text));
  };
  for (const scale of pack.vocabulary.scales)
    for (const level of scale.levels) add(level.id, localize(level.label, locale));
  for (const product of pack.products.items) add(product.id, localize(product.name, locale));
  for (const q of pack.questionnaires) {
    add(q.id, localize(q.title, locale));
    for (const question of questionsOf(q)) add(question.id, localize(question.text, locale));
  }
  for (const fact of pack.vocabulary.facts) add(fact.id, localize(fact.label, locale));
  for (const fact of pack.vocabulary.facts)
    if ('values' in fact) for (const v of fact.values ?? []) add(v.id, localize(v.label, locale));
  for (const node of pack.graph.nodes) if (node.label) add(node.id, localize(node.label, locale));
  addGraphNames(pack, (id, text) => add(id, localize(text, locale)));
  return labels;
}

/**
 * Names the graph gives its outputs, flags and match dimensions: declared labels first (the output
 * node's, a rules node's), then, for a flag with none, the reason of what raises it.
 */
function addGraphNames(pack: Pack, add: (id: string, text: LocalizedText) => void): void {
  const { nodes } = pack.graph;
  for (const node of nodes)
    if (node.kind === 'output')
      for (const o of node.config.outputs) if (o.label) add(o.name, o.label);
  for (const node of nodes)
    if (node.kind === 'rules')
      for (const o of node.config.outputs) if (o.label) add(o.name, o.label);
  for (const node of nodes) {
    if (node.kind === 'match') {
      for (const d of node.config.dimensions) add(d.id, d.label);
      for (const p of node.config.policies) if (p.kind === 'flag') add(p.flag, p.reason.text);
    }
    if (node.kind === 'classify')
      for (const l of [...node.config.caps, ...node.config.floors])
        if (l.flag) add(l.flag, l.reason.text);
    if (node.kind === 'rules')
      for (const r of node.config.rules)
        if (r.event.type === 'flag' && r.event.params.reason)
          add(r.event.params.name, r.event.params.reason.text);
  }
}

/**
 * A code with its label, e.g. `保守型（C1）` or `Conservative (C1)`; the label alone when it already
 * shows the code; the bare code when unnamed.
 */
export function codeWithLabel(code: string, label: string | undefined, locale: string): string {
  if (!label) return code;
  // Labels such as `C1 保守型` already carry the code.
  if (label.split(/[\s（）()·:：]+/).includes(code)) return label;
  return locale === 'zh-CN' ? `${label}（${code}）` : `${label} (${code})`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with every whole-word occurrence of a known code replaced by the code with its label. Codes of one character are left alone (option ids such as `a` are words).
 */
export function labelCodes(
  text: string,
  labels: ReadonlyMap<string, string>,
  locale: string,
): string {
  const codes = [...labels.keys()].filter((c) => c.length > 1).sort((a, b) => b.length - a.length);
  if (codes.length === 0) return text;
  const re = new RegExp(`(?<![\\w.$-])(${codes.map(escape).join('|')})(?![\\w-]|\\.\\w)`, 'g');
  return text.replace(re, (code: string) => codeWithLabel(code, labels.get(code), locale));
}

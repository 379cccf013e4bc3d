import { localize, type Pack, type GraphNode } from '../../domain/index.ts';
import type {
  ClassifyOutput,
  MatchOutput,
  NodeTrace,
  QuestionnaireOutput,
  TableOutput,
} from '../../engine/index.ts';
import type { GraphHighlight, NodeTraceMark } from '../graph/flowModel.ts';
import type { Simulation } from './evaluation.ts';

const MAX_FIRED = 8;

/** The nodes whose output reaches an output node (the output nodes included). */
export function nodesOnPath(pack: Pack): Set<string> {
  const into = new Map<string, string[]>();
  for (const e of pack.graph.edges) into.set(e.target, [...(into.get(e.target) ?? []), e.source]);
  const seen = new Set<string>();
  const stack = pack.graph.nodes.filter((n) => n.kind === 'output').map((n) => n.id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(into.get(id) ?? []));
  }
  return seen;
}

/** A value in a few words, never as JSON: lists joined, strings as they are, objects as `key: value`. */
export function valueWords(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(valueWords).join(', ');
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${valueWords(x)}`)
      .join('; ');
  return String(v);
}

const short = (v: unknown) => {
  const text = valueWords(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

function levelLabel(pack: Pack, scale: string, id: string, locale: string): string {
  const level = pack.vocabulary.scales.find((s) => s.id === scale)?.levels.find((l) => l.id === id);
  return level ? localize(level.label, locale) : id;
}

/** One node's output in a few words, in the UI language. */
export function summarizeOutput(pack: Pack, node: GraphNode, t: NodeTrace, locale: string): string {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  switch (node.kind) {
    case 'input': {
      const o = t.output as { facts?: object; answers?: object };
      const facts = Object.keys(o.facts ?? {}).length;
      const answers = Object.keys(o.answers ?? {}).length;
      parts.push(
        zh ? `${facts} 项客户信息 · ${answers} 题已答` : `${facts} facts · ${answers} answers`,
      );
      break;
    }
    case 'questionnaire': {
      const o = t.output as QuestionnaireOutput;
      parts.push(zh ? `${o.total} / ${o.maxTotal} 分` : `${o.total} / ${o.maxTotal} points`);
      if (o.knockedOut) parts.push(zh ? '触发否决项' : 'knocked out');
      if (!o.complete)
        parts.push(zh ? `${o.missing.length} 题未答` : `${o.missing.length} unanswered`);
      if (o.expired) parts.push(zh ? '已过期' : 'expired');
      break;
    }
    case 'score':
      parts.push(`= ${String((t.output as { value: unknown }).value)}`);
      break;
    case 'rules': {
      const n = t.fired.length;
      parts.push(zh ? `${n} 条规则触发` : `${n} rule${n === 1 ? '' : 's'} fired`);
      const o = t.output as { cap?: string | null; floor?: string | null };
      if (o.cap) parts.push(`≤ ${o.cap}`);
      if (o.floor) parts.push(`≥ ${o.floor}`);
      break;
    }
    case 'table':
      parts.push(`${zh ? '结果' : 'result'} ${short((t.output as TableOutput).result)}`);
      break;
    case 'classify': {
      const o = t.output as ClassifyOutput;
      const level = levelLabel(pack, node.config.scale, o.level, locale);
      parts.push(`${o.score} → ${level}`);
      if (o.capped) parts.push(zh ? '已封顶' : 'capped');
      if (o.floored) parts.push(zh ? '已保底' : 'floored');
      break;
    }
    case 'match': {
      const c = (t.output as MatchOutput).counts;
      parts.push(
        zh
          ? `允许 ${c.allowed} · 警示 ${c.warn} · 禁止 ${c.prohibited}`
          : `allowed ${c.allowed} · warn ${c.warn} · prohibited ${c.prohibited}`,
      );
      break;
    }
    case 'output': {
      const n = t.fired.length;
      parts.push(zh ? `${n} 个标记为真` : `${n} flag${n === 1 ? '' : 's'} true`);
      break;
    }
  }
  return parts.join(' · ');
}

function firedList(fired: readonly string[]): string[] {
  if (fired.length <= MAX_FIRED) return [...fired];
  return [...fired.slice(0, MAX_FIRED - 1), `+${fired.length - MAX_FIRED + 1}`];
}

/**
 * What the canvas lights up for a simulation: every node on the path to the result with its
 * output summary and what fired in it. An evaluation that failed lights only the node that failed
 * (the input node for a bad input), marked as an error.
 */
export function traceHighlight(
  pack: Pack,
  simulation: Simulation,
  locale: string,
): GraphHighlight | undefined {
  if (simulation.kind === 'invalid') return undefined;
  const marks = new Map<string, NodeTraceMark>();
  if (simulation.kind === 'error') {
    const { error } = simulation;
    const id = error.nodeId ?? pack.graph.nodes.find((n) => n.kind === 'input')?.id;
    if (id) marks.set(id, { summary: localize(error.message, locale), fired: [], error: true });
    return marks;
  }
  const onPath = nodesOnPath(pack);
  const nodes = new Map(pack.graph.nodes.map((n) => [n.id, n]));
  for (const t of simulation.result.trace ?? []) {
    const node = nodes.get(t.nodeId);
    if (!node || !onPath.has(t.nodeId)) continue;
    marks.set(t.nodeId, {
      summary: summarizeOutput(pack, node, t, locale),
      fired: firedList(t.fired),
    });
  }
  return marks;
}

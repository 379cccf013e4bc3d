import {
  localize,
  lt,
  type LocalizedText,
  type Pack,
  type PackChange,
} from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { nodeIdOfPath } from '../graph/graphEdits.ts';
import { bandsChange, boundaryStep, type Band } from '../inspectors/classify/bandEdits.ts';
import { labelCodes, packCodeLabels, short } from '../i18n/packLabels.ts';

/** A fix the panel can apply in one click: a named change, undoable like any edit. */
export type ProblemFix = { label: LocalizedText; change: PackChange };

/** One problem as a compliance officer reads it: a sentence, where it is in words, a fix. */
export type ReadableProblem = {
  severity: Problem['severity'];
  code: string;
  /** The message with every pack code shown with its label. */
  text: string;
  /** Where, in words inside its group, e.g. `第 3 个分段 · 下限`; empty at the group's root. */
  where: string;
  /** The JSON path, for a tooltip. */
  path: string;
  fix?: ProblemFix;
};

/** Problems of one node (or of one part of the pack outside the graph). */
export type ProblemGroup = {
  key: string;
  nodeId?: string;
  title: string;
  errors: number;
  warnings: number;
  problems: ReadableProblem[];
};

const SECTIONS: Record<string, LocalizedText> = {
  products: lt('产品目录', 'Product catalogue'),
  questionnaires: lt('问卷', 'Questionnaires'),
  vocabulary: lt('词汇（事实与等级）', 'Vocabulary (facts and scales)'),
  tests: lt('测试用例', 'Test cases'),
  samples: lt('示例客户', 'Sample clients'),
  graph: lt('决策图', 'Decision graph'),
};
const PACK = lt('规则包', 'Pack');

/** Names of the fields a path goes through, in words; an unknown field keeps its name. */
const FIELDS: Record<string, LocalizedText> = {
  bands: lt('分段', 'band'),
  rules: lt('规则', 'rule'),
  rows: lt('行', 'row'),
  columns: lt('列', 'column'),
  inputs: lt('输入', 'input'),
  outputs: lt('输出', 'output'),
  cells: lt('单元格', 'cell'),
  conditions: lt('条件', 'condition'),
  dimensions: lt('匹配维度', 'dimension'),
  questions: lt('问题', 'question'),
  sections: lt('部分', 'section'),
  questionnaires: lt('问卷', 'questionnaire'),
  options: lt('选项', 'option'),
  items: lt('产品', 'product'),
  levels: lt('等级', 'level'),
  scales: lt('等级表', 'scale'),
  facts: lt('事实', 'fact'),
  tests: lt('测试', 'test'),
  min: lt('下限', 'lower bound'),
  max: lt('上限', 'upper bound'),
  level: lt('等级', 'level'),
  label: lt('名称', 'name'),
  name: lt('名称', 'name'),
  text: lt('文字', 'text'),
  title: lt('标题', 'title'),
  risk: lt('风险等级', 'risk level'),
  scale: lt('等级表', 'scale'),
  input: lt('输入', 'input'),
  matrix: lt('矩阵', 'matrix'),
  expression: lt('表达式', 'expression'),
  points: lt('分值', 'points'),
  terms: lt('评分项', 'term'),
  ref: lt('取值', 'value read'),
  policies: lt('政策', 'policy'),
  edges: lt('连线', 'edge'),
  caps: lt('上限规则', 'cap'),
  floors: lt('下限规则', 'floor'),
  weight: lt('权重', 'weight'),
};

type Step = string | number;

/** `$.graph.nodes[5].config.bands[2].min` → `['graph', 'nodes', 5, 'config', 'bands', 2, 'min']`. */
export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.replace(/^\$/, '').matchAll(re)) {
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined) steps.push(m[3]);
  }
  return steps;
}

/** What an element of the document is called: its label, name, title or text, else its id. */
function nameOf(value: unknown, locale: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  for (const key of ['label', 'name', 'title', 'text'] as const) {
    const text = v[key];
    if (text && typeof text === 'object') {
      const s = localize(text as LocalizedText, locale);
      if (s) return short(s);
    }
    if (key === 'name' && typeof text === 'string' && text) return text;
  }
  if (typeof v.id === 'string') return v.id;
  return typeof v.level === 'string' ? v.level : undefined;
}

/**
 * The part of a path below its group in words: array elements by their name (or their
 * position, counted from 1), fields by what they mean. `config` and the group's own steps are
 * left out.
 */
export function describeWhere(pack: Pack, path: string, locale: string): string {
  const steps = parsePath(path);
  let at: unknown = pack;
  const words: string[] = [];
  const zh = locale === 'zh-CN';
  let skip = steps[0] === 'graph' && steps[1] === 'nodes' ? 3 : 1;
  if (steps[0] === 'products' && steps[1] === 'items') skip = 1;
  steps.forEach((step, k) => {
    const parent = at;
    at = parent && typeof parent === 'object' ? (parent as Record<Step, unknown>)[step] : undefined;
    if (k < skip || step === 'config') return;
    if (typeof step === 'number') {
      const field = steps[k - 1];
      const noun =
        typeof field === 'string' && FIELDS[field] ? localize(FIELDS[field], locale) : '';
      const name = nameOf(at, locale);
      const place = zh ? `第 ${step + 1} 个${noun}` : `${noun} ${step + 1}`.trim();
      const word = name ? `${noun}${zh ? '“' : ' "'}${name}${zh ? '”' : '"'}` : place;
      if (k - 1 >= skip && typeof field === 'string') words[words.length - 1] = word;
      else words.push(word);
      return;
    }
    words.push(FIELDS[step] ? localize(FIELDS[step], locale) : step);
  });
  return words.filter(Boolean).join(' · ');
}

/** Where band `i` of a classify node's bands is closed: its min moved down to touch the band below. */
function closeBandGap(pack: Pack, p: Problem): ProblemFix | undefined {
  const steps = parsePath(p.path);
  const [g, n, nodeIndex, c, b, bandIndex] = steps;
  if (g !== 'graph' || n !== 'nodes' || c !== 'config' || b !== 'bands') return undefined;
  if (typeof nodeIndex !== 'number' || typeof bandIndex !== 'number') return undefined;
  const node = pack.graph.nodes[nodeIndex];
  if (node?.kind !== 'classify') return undefined;
  const bands = node.config.bands as readonly Band[];
  const band = bands[bandIndex];
  if (!band) return undefined;
  // The band reaching highest below this one: the gap lies between its max and this band's min.
  let below = -1;
  bands.forEach((o, j) => {
    if (j !== bandIndex && o.max < band.min && (below < 0 || o.max > (bands[below] as Band).max))
      below = j;
  });
  if (below < 0) return undefined;
  const lower = bands[below] as Band;
  const step = boundaryStep(bands, below, bandIndex);
  const after = bands.slice();
  after[bandIndex] = { ...band, min: lower.max + step };
  const change = bandsChange(
    ['graph', 'nodes', nodeIndex, 'config', 'bands'],
    bands,
    after,
    'close band gap',
  );
  if (change?.type !== 'batch') return undefined;
  return {
    label: lt(
      `${band.level} 从 ${lower.max + step} 开始`,
      `Start ${band.level} at ${lower.max + step}`,
    ),
    change: {
      ...change,
      text: lt(
        `补上空档：${band.level} 下限 ${band.min} → ${lower.max + step}`,
        `closed the gap: ${band.level} lower bound ${band.min} → ${lower.max + step}`,
      ),
    },
  };
}

/** Problems whose fix is obvious, by code. */
const FIXES: Record<string, (pack: Pack, p: Problem) => ProblemFix | undefined> = {
  'lint.band.gap': closeBandGap,
};

/** The fix the panel offers for `p`, if its fix is obvious. */
export function fixFor(pack: Pack, p: Problem): ProblemFix | undefined {
  return FIXES[p.code]?.(pack, p);
}

function groupOf(
  pack: Pack,
  p: Problem,
  locale: string,
  kindName: (kind: string) => string,
): { key: string; nodeId?: string; title: string } {
  const nodeId = p.nodeId ?? nodeIdOfPath(pack, p.path);
  const node = nodeId ? pack.graph.nodes.find((n) => n.id === nodeId) : undefined;
  if (node) {
    const label = node.label ? localize(node.label, locale) : '';
    return { key: `node:${node.id}`, nodeId: node.id, title: label || kindName(node.kind) };
  }
  const [head] = parsePath(p.path);
  const section = typeof head === 'string' ? SECTIONS[head] : undefined;
  return { key: `section:${section ? head : ''}`, title: localize(section ?? PACK, locale) };
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Problems grouped by node (in graph order), then by the part of the pack they are in; within a
 * group, errors first. Every code in the messages carries its label from the pack.
 */
export function groupProblems(
  pack: Pack,
  problems: readonly Problem[],
  locale: string,
  kindName: (kind: string) => string,
): ProblemGroup[] {
  const labels = packCodeLabels(pack, locale);
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const g = groupOf(pack, p, locale, kindName);
    let group = groups.get(g.key);
    if (!group) {
      group = { ...g, errors: 0, warnings: 0, problems: [] };
      groups.set(g.key, group);
    }
    if (p.severity === 'error') group.errors++;
    if (p.severity === 'warning') group.warnings++;
    const fix = fixFor(pack, p);
    group.problems.push({
      severity: p.severity,
      code: p.code,
      text: labelCodes(localize(p.message, locale), labels, locale),
      where: describeWhere(pack, p.path, locale),
      path: p.path,
      ...(fix ? { fix } : {}),
    });
  }
  const order = new Map(pack.graph.nodes.map((n, i) => [`node:${n.id}`, i]));
  const rankOf = (g: ProblemGroup) => order.get(g.key) ?? pack.graph.nodes.length;
  const list = [...groups.values()].sort((a, b) => rankOf(a) - rankOf(b));
  for (const g of list) g.problems.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return list;
}

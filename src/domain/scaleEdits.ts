import type { PackChange, PathKey } from './changes.ts';
import type { GraphNode, MatchDimension, MatchPolicy, Verdict } from './graph.ts';
import { IdSchema } from './ids.ts';
import { spliced } from './copyJson.ts';
import { lt, type LocalizedText } from './localized.ts';
import type { Pack } from './pack.ts';
import type { Product } from './products.ts';
import type { Scale, ScaleLevel } from './vocabulary.ts';

/** One edit of an ordered scale (client levels, product risk levels, horizons, varieties). */
export type ScaleEdit =
  | { kind: 'add'; scale: string; index: number; level: ScaleLevel }
  | { kind: 'rename'; scale: string; level: string; id: string; label: LocalizedText }
  | { kind: 'move'; scale: string; from: number; to: number }
  | { kind: 'remove'; scale: string; level: string };

/** What an edit does beyond the scale itself, in words, by area. */
export type ScaleEffect = {
  area: 'bands' | 'matrix' | 'products' | 'limits' | 'order' | 'unchanged';
  text: LocalizedText;
};

/** The edit as one named change and its effects, or why it cannot be made. */
export type ScalePlan =
  { ok: true; change: PackChange; effects: ScaleEffect[] } | { ok: false; error: LocalizedText };

type Named = { id: string; label?: LocalizedText | undefined };
/** What a person calls a node, dimension or scale: its label, else its id. */
const zhName = (x: Named) => x.label?.['zh-CN'] || x.id;
const enName = (x: Named) => x.label?.en || x.id;

type Cells = Record<string, Record<string, Verdict>>;
type Work = { pack: Pack; effects: ScaleEffect[] };

const PRODUCT_FIELDS = [
  ['riskScale', 'risk'],
  ['horizonScale', 'horizon'],
  ['varietyScale', 'variety'],
] as const;

function mapNodes(w: Work, edit: (node: GraphNode) => GraphNode): void {
  w.pack = { ...w.pack, graph: { ...w.pack.graph, nodes: w.pack.graph.nodes.map(edit) } };
}

function mapMatrices(
  w: Work,
  edit: (dim: Extract<MatchDimension, { kind: 'matrix' }>) => Cells,
): void {
  mapNodes(w, (node) =>
    node.kind !== 'match'
      ? node
      : {
          ...node,
          config: {
            ...node.config,
            dimensions: node.config.dimensions.map((d) =>
              d.kind === 'matrix' ? { ...d, cells: edit(d) } : d,
            ),
          },
        },
  );
}

function mapPolicies(w: Work, edit: (p: MatchPolicy) => MatchPolicy): void {
  mapNodes(w, (node) =>
    node.kind !== 'match'
      ? node
      : { ...node, config: { ...node.config, policies: node.config.policies.map(edit) } },
  );
}

/** Product fields on `scale`: `risk` when it is the catalogue's risk scale, and so on. */
function productFields(pack: Pack, scale: string): ('risk' | 'horizon' | 'variety')[] {
  return PRODUCT_FIELDS.filter(([s]) => pack.products[s] === scale).map(([, f]) => f);
}

/** Every mention of level `from` of `scale` becomes `to` (bands, limits, matrix, products). */
function replaceLevel(w: Work, scale: string, from: string, to: string): void {
  const swap = (id: string) => (id === from ? to : id);
  mapNodes(w, (node) => {
    if (node.kind !== 'classify' || node.config.scale !== scale) return node;
    const { bands, caps, floors } = node.config;
    const limits = [...caps, ...floors].filter((l) => l.level === from).length;
    if (limits > 0)
      w.effects.push({
        area: 'limits',
        text: lt(
          `${zhName(node)}：${limits} 个上限/下限从 ${from} 改为 ${to}`,
          `${enName(node)}: ${limits} cap(s)/floor(s) move from ${from} to ${to}`,
        ),
      });
    return {
      ...node,
      config: {
        ...node.config,
        bands: bands.map((b) => ({ ...b, level: swap(b.level) })),
        caps: caps.map((c) => ({ ...c, level: swap(c.level) })),
        floors: floors.map((c) => ({ ...c, level: swap(c.level) })),
      },
    };
  });
  const isRisk = w.pack.products.riskScale === scale;
  mapMatrices(w, (d) => {
    const rows = d.clientScale === scale ? renameKey(d.cells, from, to) : d.cells;
    return isRisk
      ? Object.fromEntries(Object.entries(rows).map(([k, row]) => [k, renameKey(row, from, to)]))
      : rows;
  });
  if (isRisk)
    mapPolicies(w, (p) =>
      p.kind === 'flag' && p.productRiskAtLeast === from ? { ...p, productRiskAtLeast: to } : p,
    );
  const fields = productFields(w.pack, scale);
  const moved: Product[] = [];
  const items = w.pack.products.items.map((item) => {
    let next: Product = item;
    for (const f of fields)
      if (item[f] === from) {
        next = { ...next, [f]: to };
        moved.push(item);
      }
    return next;
  });
  if (moved.length > 0)
    w.effects.push({
      area: 'products',
      text: lt(
        `${moved.length} 个产品从 ${from} 改为 ${to}：${moved.map((m) => m.name['zh-CN'] || m.id).join('、')}`,
        `${moved.length} product(s) move from ${from} to ${to}: ${moved.map((m) => m.name.en || m.id).join(', ')}`,
      ),
    });
  w.pack = { ...w.pack, products: { ...w.pack.products, items } };
}

function renameKey<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function add(w: Work, scale: Scale, index: number, level: ScaleLevel): void {
  const like = scale.levels[index - 1] ?? scale.levels[index];
  const id = level.id;
  const isRisk = w.pack.products.riskScale === scale.id;
  mapMatrices(w, (d) => {
    let cells = d.cells;
    if (d.clientScale === scale.id && like) {
      cells = { ...cells, [id]: { ...(cells[like.id] ?? {}) } };
      w.effects.push({
        area: 'matrix',
        text: lt(
          `${zhName(d)}：新增 ${id} 行，与 ${like.id} 行相同`,
          `${enName(d)}: new row ${id}, the same as row ${like.id}`,
        ),
      });
    }
    if (isRisk && like) {
      cells = Object.fromEntries(
        Object.entries(cells).map(([k, row]) => {
          const copied = row[like.id];
          return [k, copied === undefined ? row : { ...row, [id]: copied }];
        }),
      );
      w.effects.push({
        area: 'matrix',
        text: lt(
          `${zhName(d)}：新增 ${id} 列，与 ${like.id} 列相同`,
          `${enName(d)}: new column ${id}, the same as column ${like.id}`,
        ),
      });
    }
    return cells;
  });
  for (const node of w.pack.graph.nodes)
    if (node.kind === 'classify' && node.config.scale === scale.id)
      w.effects.push({
        area: 'bands',
        text: lt(
          `${zhName(node)}：${id} 还没有分数区间，给它一个区间之前没有客户会被评为 ${id}`,
          `${enName(node)}: ${id} has no score band yet; no client gets ${id} until it has one`,
        ),
      });
}

function remove(w: Work, scale: Scale, id: string): LocalizedText | null {
  const index = scale.levels.findIndex((l) => l.id === id);
  const neighbour = scale.levels[index - 1] ?? scale.levels[index + 1];
  if (!neighbour) return lt('刻度至少要有一个等级', 'A scale needs at least one level');
  mapNodes(w, (node) => {
    if (node.kind !== 'classify' || node.config.scale !== scale.id) return node;
    const gone = node.config.bands.filter((b) => b.level === id);
    const bands = node.config.bands
      .filter((b) => b.level !== id)
      .map((b) => {
        if (b.level !== neighbour.id || gone.length === 0) return b;
        const min = Math.min(b.min, ...gone.map((g) => g.min));
        const max = Math.max(b.max, ...gone.map((g) => g.max));
        w.effects.push({
          area: 'bands',
          text: lt(
            `${zhName(node)}：${id} 的分数区间并入 ${b.level}（${min}–${max}）`,
            `${enName(node)}: the score band of ${id} joins ${b.level} (${min}–${max})`,
          ),
        });
        return { ...b, min, max };
      });
    return { ...node, config: { ...node.config, bands } };
  });
  const isRisk = w.pack.products.riskScale === scale.id;
  mapMatrices(w, (d) => {
    let cells = d.cells;
    if (d.clientScale === scale.id && cells[id]) {
      cells = withoutKey(cells, id);
      w.effects.push({
        area: 'matrix',
        text: lt(`${zhName(d)}：删除 ${id} 行`, `${enName(d)}: row ${id} removed`),
      });
    }
    if (isRisk) {
      cells = Object.fromEntries(Object.entries(cells).map(([k, row]) => [k, withoutKey(row, id)]));
      w.effects.push({
        area: 'matrix',
        text: lt(`${zhName(d)}：删除 ${id} 列`, `${enName(d)}: column ${id} removed`),
      });
    }
    return cells;
  });
  replaceLevel(w, scale.id, id, neighbour.id);
  return null;
}

/**
 * What still names `level` after the edit and is left as it is, said so that nobody believes it
 * followed: question options giving a fact on the scale that value, tests and sample clients
 * holding it as a fact, tests expecting it as an output.
 */
function leftNaming(pack: Pack, scale: string, level: string): ScaleEffect[] {
  const facts = new Set(
    pack.vocabulary.facts.flatMap((f) => ('scale' in f && f.scale === scale ? [f.id] : [])),
  );
  const holds = (v: unknown) => v === level || (Array.isArray(v) && v.includes(level));
  const options = pack.questionnaires
    .flatMap((q) => q.sections.flatMap((sec) => sec.questions))
    .filter((q) => q.bindFact && facts.has(q.bindFact.fact) && 'options' in q)
    .flatMap((q) => ('options' in q ? q.options : []))
    .filter((o) => o.factValue === level).length;
  const inputs = [...pack.tests, ...pack.sampleClients].filter((c) =>
    Object.entries(c.input.facts).some(([f, v]) => facts.has(f) && holds(v)),
  ).length;
  const expected = pack.tests.filter((t) =>
    Object.values(t.expect.outputs ?? {}).some((v) => v === level),
  ).length;
  if (options + inputs + expected === 0) return [];
  return [
    {
      area: 'unchanged',
      text: lt(
        `未改动、仍写着 ${level}：${options} 个选项的事实取值，${inputs} 个测试或示例客户的事实，${expected} 个测试的预期结果`,
        `Left as they are, still naming ${level}: the fact value of ${options} option(s), the facts of ${inputs} test(s) or sample client(s), the expected outputs of ${expected} test(s)`,
      ),
    },
  ];
}

/** The regions of `before` that `after` changed, each as one `set`. */
function setsFor(before: Pack, after: Pack): PackChange[] {
  const changes: PackChange[] = [];
  const differ = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const set = (path: PathKey[], a: unknown, b: unknown) => {
    if (differ(a, b)) changes.push({ type: 'set', path, value: b });
  };
  after.vocabulary.scales.forEach((s, i) =>
    set(['vocabulary', 'scales', i, 'levels'], before.vocabulary.scales[i]?.levels, s.levels),
  );
  after.graph.nodes.forEach((n, i) =>
    set(['graph', 'nodes', i, 'config'], before.graph.nodes[i]?.config, n.config),
  );
  set(['products', 'items'], before.products.items, after.products.items);
  return changes;
}

const NAMES: Record<ScaleEdit['kind'], string> = {
  add: 'scale level add',
  rename: 'scale level rename',
  move: 'scale level move',
  remove: 'scale level remove',
};

function describe(edit: ScaleEdit, scale: Scale): LocalizedText {
  switch (edit.kind) {
    case 'add':
      return lt(
        `${zhName(scale)}：新增等级 ${edit.level.id}`,
        `${enName(scale)}: added level ${edit.level.id}`,
      );
    case 'rename':
      return edit.id === edit.level
        ? lt(
            `${zhName(scale)}：重命名等级 ${edit.level}`,
            `${enName(scale)}: renamed level ${edit.level}`,
          )
        : lt(
            `${zhName(scale)}：等级 ${edit.level} 改为 ${edit.id}`,
            `${enName(scale)}: level ${edit.level} is now ${edit.id}`,
          );
    case 'move':
      return lt(
        `${zhName(scale)}：移动等级 ${scale.levels[edit.from]?.id ?? ''}`,
        `${enName(scale)}: moved level ${scale.levels[edit.from]?.id ?? ''}`,
      );
    case 'remove':
      return lt(
        `${zhName(scale)}：删除等级 ${edit.level}`,
        `${enName(scale)}: removed level ${edit.level}`,
      );
  }
}

function levelIdProblem(scale: Scale, id: string, except?: string): LocalizedText | null {
  if (!IdSchema.safeParse(id).success)
    return lt(
      `等级标识 “${id}” 只能用字母、数字、_ 和 -`,
      `The level id “${id}” takes letters, digits, _ and - only`,
    );
  if (scale.levels.some((l) => l.id === id && l.id !== except))
    return lt(`${zhName(scale)} 已有等级 ${id}`, `${enName(scale)} has a level ${id} already`);
  return null;
}

/**
 * What a scale edit does to the pack, before it is applied: one named change (the scale, score
 * bands, matrices, limits and products it touches) and its effects in words. Removing a level
 * hands its score band, matrix place and products to the level below (above, for the lowest).
 */
export function planScaleEdit(pack: Pack, edit: ScaleEdit): ScalePlan {
  const scale = pack.vocabulary.scales.find((s) => s.id === edit.scale);
  if (!scale) return { ok: false, error: lt(`没有刻度 ${edit.scale}`, `No scale ${edit.scale}`) };
  const w: Work = { pack, effects: [] };
  let levels = scale.levels;
  switch (edit.kind) {
    case 'add': {
      const problem = levelIdProblem(scale, edit.level.id);
      if (problem) return { ok: false, error: problem };
      add(w, scale, edit.index, edit.level);
      levels = spliced(levels, edit.index, 0, edit.level);
      break;
    }
    case 'rename': {
      const problem = levelIdProblem(scale, edit.id, edit.level);
      if (problem) return { ok: false, error: problem };
      if (edit.id !== edit.level) {
        replaceLevel(w, scale.id, edit.level, edit.id);
        w.effects.push(...leftNaming(pack, scale.id, edit.level));
      }
      levels = levels.map((l) =>
        l.id === edit.level ? { ...l, id: edit.id, label: edit.label } : l,
      );
      break;
    }
    case 'move': {
      const moving = levels[edit.from];
      if (!moving || edit.to < 0 || edit.to >= levels.length)
        return { ok: false, error: lt('位置超出范围', 'Position out of range') };
      levels = spliced(spliced(levels, edit.from, 1), edit.to, 0, moving);
      w.effects.push({
        area: 'order',
        text: lt(
          `顺序即含义：匹配按位置比较，${moving.id} 现在排第 ${edit.to + 1}；分数区间保持不变`,
          `Order is meaning: matching compares positions, ${moving.id} is now number ${edit.to + 1}; score bands keep their ranges`,
        ),
      });
      break;
    }
    case 'remove': {
      const error = remove(w, scale, edit.level);
      if (error) return { ok: false, error };
      w.effects.push(...leftNaming(pack, scale.id, edit.level));
      levels = levels.filter((l) => l.id !== edit.level);
      break;
    }
  }
  const after: Pack = {
    ...w.pack,
    vocabulary: {
      ...w.pack.vocabulary,
      scales: w.pack.vocabulary.scales.map((s) => (s.id === scale.id ? { ...s, levels } : s)),
    },
  };
  return {
    ok: true,
    effects: w.effects,
    change: {
      type: 'batch',
      changes: setsFor(pack, after),
      label: NAMES[edit.kind],
      text: describe(edit, scale),
    },
  };
}

/** A level id not yet on `scale`: `C4` after `C1`-`C3`, else `L<n>`. */
export function nextLevelId(scale: Scale): string {
  const taken = new Set(scale.levels.map((l) => l.id));
  const last = scale.levels.at(-1)?.id ?? 'L0';
  const m = /^(.*?)(\d+)$/.exec(last);
  const prefix = m?.[1] ?? 'L';
  for (let n = m ? Number(m[2]) + 1 : scale.levels.length + 1; ; n++)
    if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

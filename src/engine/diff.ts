import { questionsOf, type Pack, type Question } from '../domain/index.ts';
import {
  collector,
  DIFF_AREAS,
  field,
  fields,
  members,
  type DiffEntry,
  type Sink,
} from './diffText.ts';
import { diffNode } from './diffGraph.ts';

export { DIFF_AREAS, type DiffArea, type DiffEntry } from './diffText.ts';

/**
 * The semantic difference between two versions of a pack, grouped by area, in words a compliance
 * officer reads: "question Q15 option B: 2 -> 3 points", "band C3: 37-53 -> 40-55",
 * "matrix C2 x R3: prohibited -> allowed with warning", "product P012 risk: R3 -> R4".
 * Pure: compares the two documents, needs nothing compiled.
 *
 * @example diffPacks(v1, v2).map((e) => e.text.en) // ['version: 1.0.0 -> 1.1.0', ...]
 */
export function diffPacks(a: Pack, b: Pack): DiffEntry[] {
  const entries: DiffEntry[] = [];
  const emit = collector(entries);

  fields(emit, 'identity', 'pack', ['', ''], { id: IDENTITY.id, version: IDENTITY.version }, a, b);
  // A status in words (草稿 / in review), never its code.
  if (a.status !== b.status) {
    const [za, ea] = STATUS_WORDS[a.status];
    const [zb, eb] = STATUS_WORDS[b.status];
    emit('identity', 'changed', 'pack', `状态：${za} -> ${zb}`, `status: ${ea} -> ${eb}`);
  }
  const { id: _id, version: _version, ...rest } = IDENTITY;
  fields(emit, 'identity', 'pack', ['', ''], rest, a, b);
  for (const note of b.changelog.filter((n) => !a.changelog.some((m) => m.version === n.version)))
    emit(
      'identity',
      'added',
      note.version,
      `变更记录 ${note.version}：${note.note['zh-CN']}`,
      `changelog ${note.version}: ${note.note.en}`,
    );

  const facts = members(
    emit,
    'vocabulary',
    ['事实', 'fact'],
    a.vocabulary.facts,
    b.vocabulary.facts,
    (f) => f.id,
  );
  for (const [id, x, y] of facts)
    fields(
      emit,
      'vocabulary',
      id,
      [`事实 ${id} 的`, `fact ${id}`],
      FACT,
      x as Record<string, unknown>,
      y,
    );
  const scales = members(
    emit,
    'vocabulary',
    ['等级表', 'scale'],
    a.vocabulary.scales,
    b.vocabulary.scales,
    (s) => s.id,
  );
  for (const [id, x, y] of scales) {
    const order = (s: typeof x) => s.levels.map((l) => l.id).join(' < ');
    field(emit, 'vocabulary', id, [`等级表 ${id}`, `scale ${id}`], order(x), order(y));
    // A renamed level (C3 "稳健型" -> "平衡型") is what clients read, so it is worth a line.
    for (const level of y.levels) {
      const before = x.levels.find((l) => l.id === level.id);
      if (before)
        field(
          emit,
          'vocabulary',
          `${id}.${level.id}`,
          [`等级 ${level.id} 的名称`, `level ${level.id} label`],
          before.label,
          level.label,
        );
    }
  }

  for (const [qid, x, y] of members(
    emit,
    'questionnaire',
    ['问卷', 'questionnaire'],
    a.questionnaires,
    b.questionnaires,
    (q) => q.id,
  )) {
    field(
      emit,
      'questionnaire',
      qid,
      [`问卷 ${qid} 的有效期（月）`, `questionnaire ${qid} validity (months)`],
      x.validityMonths,
      y.validityMonths,
    );
    for (const [id, p, q] of members(
      emit,
      'questionnaire',
      ['题目', 'question'],
      questionsOf(x),
      questionsOf(y),
      (t) => t.id,
    ))
      diffQuestion(emit, id, p, q);
    for (const [id, p, q] of members(
      emit,
      'questionnaire',
      ['一致性规则', 'coherence rule'],
      x.coherence ?? [],
      y.coherence ?? [],
      (r) => r.id,
    ))
      fields(
        emit,
        'questionnaire',
        id,
        [`一致性规则 ${id} 的`, `coherence rule ${id}`],
        COHERENCE,
        p,
        q,
      );
  }

  fields(
    emit,
    'products',
    'catalogue',
    ['产品目录的', 'catalogue'],
    CATALOGUE,
    a.products,
    b.products,
  );
  for (const [id, x, y] of members(
    emit,
    'products',
    ['产品', 'product'],
    a.products.items,
    b.products.items,
    (p) => p.id,
  ))
    fields(emit, 'products', id, [`产品 ${id} 的`, `product ${id}`], PRODUCT, x, y);

  for (const [id, x, y] of members(
    emit,
    'nodes',
    ['节点', 'node'],
    a.graph.nodes,
    b.graph.nodes,
    (n) => n.id,
  ))
    diffNode(emit, id, x, y);
  members(
    emit,
    'edges',
    ['连线', 'edge'],
    a.graph.edges,
    b.graph.edges,
    (e) => `${e.source} -> ${e.target}`,
  );

  for (const [id, x, y] of members(
    emit,
    'tests',
    ['测试用例', 'test case'],
    a.tests,
    b.tests,
    (t) => t.id,
  ))
    fields(emit, 'tests', id, [`测试用例 ${id} 的`, `test case ${id}`], TEST, x, y);
  for (const [id, x, y] of members(
    emit,
    'sampleClients',
    ['示例客户', 'sample client'],
    a.sampleClients,
    b.sampleClients,
    (c) => c.id,
  ))
    fields(emit, 'sampleClients', id, [`示例客户 ${id} 的`, `sample client ${id}`], TEST, x, y);

  // Stable sort: areas in a fixed order, document order within an area.
  return entries.sort((x, y) => DIFF_AREAS.indexOf(x.area) - DIFF_AREAS.indexOf(y.area));
}

export const STATUS_WORDS: Record<Pack['status'], [string, string]> = {
  draft: ['草稿', 'draft'],
  'in-review': ['审核中', 'in review'],
  approved: ['已批准', 'approved'],
  published: ['已发布', 'published'],
  retired: ['已停用', 'retired'],
};

const IDENTITY = {
  id: ['标识', 'id'],
  version: ['版本', 'version'],
  jurisdiction: ['适用辖区', 'jurisdiction'],
  locales: ['语言', 'locales'],
  title: ['标题', 'title'],
  description: ['说明', 'description'],
  firm: ['机构名称', 'firm name'],
} satisfies Partial<Record<keyof Pack, [string, string]>>;
const FACT: Record<string, [string, string]> = {
  type: ['类型', 'type'],
  required: ['必填', 'required'],
  min: ['最小值', 'min'],
  max: ['最大值', 'max'],
  unit: ['单位', 'unit'],
  scale: ['等级表', 'scale'],
  values: ['取值', 'values'],
  label: ['名称', 'label'],
};
/** The fields of a coherence rule a reviewer reads; its condition is shown as JSON. */
const COHERENCE = {
  label: ['名称', 'label'],
  when: ['条件', 'condition'],
  severity: ['处理', 'action'],
  note: ['说明', 'note'],
  basis: ['依据', 'basis'],
} as const satisfies Record<string, [string, string]>;

const CATALOGUE = {
  riskScale: ['风险等级表', 'risk scale'],
  horizonScale: ['期限等级表', 'horizon scale'],
  varietyScale: ['品种等级表', 'variety scale'],
} satisfies Partial<Record<keyof Pack['products'], [string, string]>>;
const PRODUCT = {
  risk: ['风险等级', 'risk'],
  horizon: ['期限', 'horizon'],
  variety: ['品种', 'variety'],
  complex: ['复杂产品', 'complex'],
  attributes: ['属性', 'attributes'],
  tags: ['标签', 'tags'],
  name: ['名称', 'name'],
} satisfies Partial<Record<keyof Pack['products']['items'][number], [string, string]>>;
const TEST = {
  input: ['输入', 'input'],
  expect: ['预期', 'expectation'],
  name: ['名称', 'name'],
} as const satisfies Record<string, [string, string]>;
const QUESTION = {
  text: ['题干', 'text'],
  required: ['必答', 'required'],
  weight: ['权重', 'weight'],
  dimensions: ['维度', 'dimensions'],
  showIf: ['显示条件', 'show-if'],
  bindFact: ['绑定事实', 'fact binding'],
} satisfies Partial<Record<keyof Question, [string, string]>>;

function diffQuestion(emit: Sink, id: string, a: Question, b: Question): void {
  if (a.type !== b.type)
    return emit(
      'questionnaire',
      'changed',
      id,
      `题目 ${id} 的题型：${a.type} -> ${b.type}`,
      `question ${id} type: ${a.type} -> ${b.type}`,
    );
  fields(emit, 'questionnaire', id, [`题目 ${id} 的`, `question ${id}`], QUESTION, a, b);
  if (a.type === 'multiple' && b.type === 'multiple')
    field(
      emit,
      'questionnaire',
      id,
      [`题目 ${id} 的计分方式`, `question ${id} scoring`],
      a.scoring,
      b.scoring,
    );
  if (a.type === 'numeric' || b.type === 'numeric') {
    if (a.type !== 'numeric' || b.type !== 'numeric') return;
    field(
      emit,
      'questionnaire',
      id,
      [`题目 ${id} 的取值范围`, `question ${id} range`],
      `${a.min}-${a.max}`,
      `${b.min}-${b.max}`,
    );
    const bands = (q: typeof a) => q.bands.map((x) => `${x.min}-${x.max}: ${x.points}`).join(', ');
    field(
      emit,
      'questionnaire',
      id,
      [`题目 ${id} 的分段计分`, `question ${id} score bands`],
      bands(a),
      bands(b),
    );
    return;
  }
  for (const [oid, x, y] of members(
    emit,
    'questionnaire',
    [`题目 ${id} 的选项`, `question ${id} option`],
    a.options,
    b.options,
    (o) => o.id,
  )) {
    const subject = `${id}.${oid}`;
    if (x.points !== y.points)
      emit(
        'questionnaire',
        'changed',
        subject,
        `题目 ${id} 选项 ${oid}：${x.points} -> ${y.points} 分`,
        `question ${id} option ${oid}: ${x.points} -> ${y.points} points`,
      );
    if (!x.knockout !== !y.knockout)
      emit(
        'questionnaire',
        'changed',
        subject,
        `题目 ${id} 选项 ${oid}：${y.knockout ? '设为否决项' : '不再是否决项'}`,
        `question ${id} option ${oid}: ${y.knockout ? 'now a knock-out' : 'no longer a knock-out'}`,
      );
    field(
      emit,
      'questionnaire',
      subject,
      [`题目 ${id} 选项 ${oid} 的文字`, `question ${id} option ${oid} label`],
      x.label,
      y.label,
    );
    field(
      emit,
      'questionnaire',
      subject,
      [`题目 ${id} 选项 ${oid} 的事实取值`, `question ${id} option ${oid} fact value`],
      x.factValue,
      y.factValue,
    );
  }
}

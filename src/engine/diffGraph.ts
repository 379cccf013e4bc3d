import type { GraphNode, NodeOfKind } from '../domain/index.ts';
import { field, members, same, verdictWords, show, type Sink } from './diffText.ts';

/** What changed in one node, in the words of its kind: bands, matrix cells, rules, table rows. */
export function diffNode(emit: Sink, id: string, a: GraphNode, b: GraphNode): void {
  if (a.kind !== b.kind)
    return emit(
      'nodes',
      'changed',
      id,
      `节点 ${id} 类型：${a.kind} -> ${b.kind}`,
      `node ${id} kind: ${a.kind} -> ${b.kind}`,
    );
  field(emit, 'nodes', id, [`节点 ${id} 名称`, `node ${id} label`], a.label, b.label);
  if (same(a.config, b.config)) return;
  const before = emit.size();
  if (a.kind === 'classify') diffClassify(emit, id, a, b as typeof a);
  else if (a.kind === 'match') diffMatch(emit, id, a, b as typeof a);
  else if (a.kind === 'rules') diffRules(emit, id, a, b as typeof a);
  else if (a.kind === 'table') diffTable(emit, id, a, b as typeof a);
  // Whatever the views above do not explain (or kinds without one) is still worth seeing.
  if (emit.size() === before)
    emit('nodes', 'changed', id, `节点 ${id} 的配置已修改`, `node ${id} configuration changed`);
}

function diffClassify(
  emit: Sink,
  id: string,
  a: NodeOfKind<'classify'>,
  b: NodeOfKind<'classify'>,
): void {
  const [x, y] = [a.config, b.config];
  field(emit, 'bands', id, [`节点 ${id} 的分类依据`, `node ${id} input`], x.input, y.input);
  field(emit, 'bands', id, [`节点 ${id} 的等级表`, `node ${id} scale`], x.scale, y.scale);
  for (const [level, p, q] of members(
    emit,
    'bands',
    ['区间', 'band'],
    x.bands,
    y.bands,
    (band) => band.level,
  ))
    if (p.min !== q.min || p.max !== q.max)
      emit(
        'bands',
        'changed',
        level,
        `区间 ${level}：${p.min}-${p.max} -> ${q.min}-${q.max}`,
        `band ${level}: ${p.min}-${p.max} -> ${q.min}-${q.max}`,
      );
  field(emit, 'bands', id, [`节点 ${id} 的上限`, `node ${id} caps`], x.caps, y.caps);
  field(emit, 'bands', id, [`节点 ${id} 的下限`, `node ${id} floors`], x.floors, y.floors);
  field(
    emit,
    'bands',
    id,
    [`节点 ${id} 引用的规则限制`, `node ${id} rules limits`],
    x.rulesLimits,
    y.rulesLimits,
  );
}

function diffMatch(emit: Sink, id: string, a: NodeOfKind<'match'>, b: NodeOfKind<'match'>): void {
  const dims = members(
    emit,
    'matrix',
    ['匹配维度', 'dimension'],
    a.config.dimensions,
    b.config.dimensions,
    (d) => d.id,
  );
  for (const [dim, whole, wholeB] of dims) {
    // When a dimension applies is a decision of its own; said apart from its other settings.
    const [wa, wb] = [whole.appliesWhen, wholeB.appliesWhen];
    if (wa !== wb)
      emit(
        'matrix',
        'changed',
        dim,
        `匹配维度 ${dim} 的适用条件：${wa ?? '总是适用'} -> ${wb ?? '总是适用'}`,
        `dimension ${dim} applies when: ${wa ?? 'always'} -> ${wb ?? 'always'}`,
      );
    const { appliesWhen: _a, ...x } = whole;
    const { appliesWhen: _b, ...y } = wholeB;
    if (x.kind !== 'matrix' || y.kind !== 'matrix') {
      field(emit, 'matrix', dim, [`匹配维度 ${dim}`, `dimension ${dim}`], x, y);
      continue;
    }
    const clientLevels = new Set([...Object.keys(x.cells), ...Object.keys(y.cells)]);
    for (const c of clientLevels) {
      const risks = new Set([...Object.keys(x.cells[c] ?? {}), ...Object.keys(y.cells[c] ?? {})]);
      for (const r of risks) {
        const [va, vb] = [x.cells[c]?.[r], y.cells[c]?.[r]];
        if (va === vb) continue;
        const [zhA, enA] = verdictWords(va);
        const [zhB, enB] = verdictWords(vb);
        emit(
          'matrix',
          'changed',
          `${c}x${r}`,
          `矩阵 ${c} x ${r}：${zhA} -> ${zhB}`,
          `matrix ${c} x ${r}: ${enA} -> ${enB}`,
        );
      }
    }
    const { cells: _cellsA, ...restA } = x;
    const { cells: _cellsB, ...restB } = y;
    field(
      emit,
      'matrix',
      dim,
      [`匹配维度 ${dim} 的设置`, `dimension ${dim} settings`],
      restA,
      restB,
    );
  }
  const policies = (n: typeof a) => n.config.policies.map((p) => p.kind);
  if (!same(a.config.policies, b.config.policies))
    emit(
      'matrix',
      'changed',
      id,
      `节点 ${id} 的适当性政策已修改：${show(policies(a))} -> ${show(policies(b))}`,
      `node ${id} policies changed: ${show(policies(a))} -> ${show(policies(b))}`,
    );
}

function diffRules(emit: Sink, id: string, a: NodeOfKind<'rules'>, b: NodeOfKind<'rules'>): void {
  for (const [name, x, y] of members(
    emit,
    'rules',
    ['规则', 'rule'],
    a.config.rules,
    b.config.rules,
    (r) => r.name,
  )) {
    if (!same(x.conditions, y.conditions))
      emit(
        'rules',
        'changed',
        name,
        `规则 ${name} 的条件已修改`,
        `rule ${name}: conditions changed`,
      );
    field(emit, 'rules', name, [`规则 ${name} 的结果`, `rule ${name} event`], x.event, y.event);
    field(
      emit,
      'rules',
      name,
      [`规则 ${name} 的优先级`, `rule ${name} priority`],
      x.priority,
      y.priority,
    );
  }
  field(
    emit,
    'rules',
    id,
    [`节点 ${id} 的输出`, `node ${id} outputs`],
    a.config.outputs.map((o) => o.name),
    b.config.outputs.map((o) => o.name),
  );
}

function diffTable(emit: Sink, id: string, a: NodeOfKind<'table'>, b: NodeOfKind<'table'>): void {
  const [x, y] = [a.config, b.config];
  field(
    emit,
    'table',
    id,
    [`决策表 ${id} 的命中策略`, `table ${id} hit policy`],
    x.hitPolicy,
    y.hitPolicy,
  );
  const columns = (t: typeof x) => [...t.inputs, ...t.outputs].map((c) => c.id);
  field(emit, 'table', id, [`决策表 ${id} 的列`, `table ${id} columns`], columns(x), columns(y));
  for (const [row, p, q] of members(
    emit,
    'table',
    [`决策表 ${id} 的行`, `table ${id} row`],
    x.rows,
    y.rows,
    (r) => r.id,
  )) {
    const cells = (r: typeof p) =>
      `${r.inputs.join(' | ')} => ${r.outputs.map((v) => show(v)).join(' | ')}`;
    field(
      emit,
      'table',
      `${id}.${row}`,
      [`决策表 ${id} 行 ${row}`, `table ${id} row ${row}`],
      cells(p),
      cells(q),
    );
  }
  field(
    emit,
    'table',
    id,
    [`决策表 ${id} 的默认输出`, `table ${id} default output`],
    x.defaultOutput,
    y.defaultOutput,
  );
}

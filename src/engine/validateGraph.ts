import { lt, type Pack } from '../domain/index.ts';
import { orderGraph, type GraphOrder } from './graphOrder.ts';
import { RESERVED_ROOTS } from './refTypes.ts';
import type { Problem } from './types.ts';
import { problem } from './validateContext.ts';

/** Structure of the graph: ids, the one input, outputs, edges, cycles and name clashes. */
export function validateGraph(pack: Pack, problems: Problem[]): GraphOrder {
  const { nodes, edges } = pack.graph;
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    if (seen.has(n.id))
      problems.push(
        problem(
          'node.duplicateId',
          `$.graph.nodes[${i}].id`,
          lt(`节点编号“${n.id}”重复`, `node id "${n.id}" is used twice`),
          'error',
          n.id,
        ),
      );
    seen.add(n.id);
  });
  const inputs = nodes.filter((n) => n.kind === 'input');
  if (inputs.length !== 1)
    problems.push(
      problem(
        'graph.inputCount',
        '$.graph.nodes',
        lt(
          `图中需要恰好一个输入节点，现有 ${inputs.length} 个`,
          `the graph needs exactly one input node, it has ${inputs.length}`,
        ),
      ),
    );
  if (!nodes.some((n) => n.kind === 'output'))
    problems.push(
      problem(
        'graph.noOutput',
        '$.graph.nodes',
        lt('图中至少需要一个输出节点', 'the graph needs at least one output node'),
      ),
    );
  const edgeIds = new Set<string>();
  edges.forEach((e, i) => {
    if (edgeIds.has(e.id))
      problems.push(
        problem(
          'edge.duplicateId',
          `$.graph.edges[${i}].id`,
          lt(`连线编号“${e.id}”重复`, `edge id "${e.id}" is used twice`),
        ),
      );
    edgeIds.add(e.id);
    for (const end of ['source', 'target'] as const)
      if (!seen.has(e[end]))
        problems.push(
          problem(
            'edge.dangling',
            `$.graph.edges[${i}].${end}`,
            lt(
              `连线“${e.id}”的${end === 'source' ? '起点' : '终点'}“${e[end]}”不是节点`,
              `edge "${e.id}" ${end} "${e[end]}" is not a node`,
            ),
          ),
        );
    if (e.source === e.target)
      problems.push(
        problem(
          'graph.cycle',
          `$.graph.edges[${i}]`,
          lt(`连线“${e.id}”从节点连回自身`, `edge "${e.id}" loops from a node to itself`),
          'error',
          e.source,
        ),
      );
  });
  const facts = new Set(pack.vocabulary.facts.map((f) => f.id));
  nodes.forEach((n, i) => {
    if (facts.has(n.id) || (RESERVED_ROOTS as readonly string[]).includes(n.id))
      problems.push(
        problem(
          'name.clash',
          `$.graph.nodes[${i}].id`,
          lt(
            `节点编号“${n.id}”与事实或保留名（answers、context）冲突`,
            `node id "${n.id}" clashes with a fact or a reserved name (answers, context)`,
          ),
          'error',
          n.id,
        ),
      );
  });
  pack.vocabulary.facts.forEach((f, i) => {
    if ((RESERVED_ROOTS as readonly string[]).includes(f.id) || f.id === 'product')
      problems.push(
        problem(
          'name.clash',
          `$.vocabulary.facts[${i}].id`,
          lt(`事实“${f.id}”使用了保留名`, `fact "${f.id}" uses a reserved name`),
        ),
      );
  });
  const order = orderGraph(pack.graph);
  if (order.ok) {
    // A node no output depends on computes nothing anyone sees: most likely a missing edge.
    const used = new Set<string>();
    for (const n of nodes)
      if (n.kind === 'output') {
        used.add(n.id);
        for (const a of order.ancestors.get(n.id) ?? []) used.add(a);
      }
    nodes.forEach((n, i) => {
      if (!used.has(n.id) && nodes.some((o) => o.kind === 'output'))
        problems.push(
          problem(
            'node.unused',
            `$.graph.nodes[${i}]`,
            lt(
              `没有输出节点依赖节点“${n.id}”（是否少了一条连线？）`,
              `no output depends on node "${n.id}" (is an edge missing?)`,
            ),
            'warning',
            n.id,
          ),
        );
    });
  }
  if (!order.ok && order.cycle.length > 0 && !problems.some((p) => p.code === 'graph.cycle')) {
    const first = order.cycle[0] as string;
    problems.push(
      problem(
        'graph.cycle',
        '$.graph.edges',
        lt(
          `图中有环：${order.cycle.join(' → ')}`,
          `the graph has a cycle: ${order.cycle.join(' -> ')}`,
        ),
        'error',
        first,
      ),
    );
  }
  return order;
}

import type { Graph } from '../domain/index.ts';

export type GraphOrder =
  | { ok: true; order: string[]; ancestors: Map<string, Set<string>> }
  | { ok: false; cycle: string[] };

/**
 * Topological order of the nodes (document order among equals, so that results are stable) and,
 * for each node, the set of nodes upstream of it. On a cycle, names one cycle, first node repeated.
 */
export function orderGraph(graph: Pick<Graph, 'nodes' | 'edges'>): GraphOrder {
  const ids = graph.nodes.map((n) => n.id);
  const known = new Set(ids);
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const e of graph.edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    next.get(e.source)?.push(e.target);
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  }
  const order: string[] = [];
  const ready = ids.filter((id) => indegree.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const t of next.get(id) ?? []) {
      const d = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, d);
      if (d === 0) insertByDocumentOrder(ready, t, ids);
    }
  }
  if (order.length < ids.length) return { ok: false, cycle: findCycle(ids, next, new Set(order)) };
  const ancestors = new Map<string, Set<string>>();
  for (const id of order) ancestors.set(id, new Set());
  for (const id of order) {
    const mine = ancestors.get(id) as Set<string>;
    for (const t of next.get(id) ?? []) {
      const theirs = ancestors.get(t) as Set<string>;
      theirs.add(id);
      for (const a of mine) theirs.add(a);
    }
  }
  return { ok: true, order, ancestors };
}

function insertByDocumentOrder(ready: string[], id: string, ids: string[]): void {
  const rank = ids.indexOf(id);
  const at = ready.findIndex((r) => ids.indexOf(r) > rank);
  if (at < 0) ready.push(id);
  else ready.splice(at, 0, id);
}

function findCycle(ids: string[], next: Map<string, string[]>, done: Set<string>): string[] {
  const state = new Map<string, 'open' | 'closed'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'open');
    stack.push(id);
    for (const t of next.get(id) ?? []) {
      if (done.has(t)) continue;
      if (state.get(t) === 'open') return [...stack.slice(stack.indexOf(t)), t];
      if (!state.has(t)) {
        const found = visit(t);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'closed');
    return undefined;
  };
  for (const id of ids) {
    if (done.has(id) || state.has(id)) continue;
    const found = visit(id);
    if (found) return found;
  }
  return [];
}

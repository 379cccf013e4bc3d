import {
  lt,
  type Condition,
  type GraphNode,
  type NodeKind,
  type TopLevelCondition,
} from '../../domain/index.ts';
import type { PackIndex } from '../packIndex.ts';
import { jsonPathKeys, splitRef } from '../scope.ts';
import type { Problem } from '../types.ts';
import { createValidateContext, joinPath } from '../validateContext.ts';
import { defOf, nodeOutputTypes } from '../validatePack.ts';

/**
 * Output keys the JDM export leaves out, per node kind, as key paths (`*` is any key): in
 * zen-engine they read as null, so a node that reads one computes something else there.
 */
const OMITTED: Partial<Record<NodeKind, readonly (readonly string[])[]>> = {
  questionnaire: [['knockouts']],
  rules: [['reasons'], ['capReason'], ['floorReason']],
  classify: [['reasons']],
  match: [['products', '*', 'reasons']],
};

/** A value a node reads: the scope root, the keys inside it, and where the node names it. */
type Read = { root: string; keys: string[]; text: string; sub: string };

function conditionReads(c: Condition | TopLevelCondition, sub: string, reads: Read[]): void {
  if ('all' in c) c.all.forEach((x, i) => conditionReads(x, `${sub}.all[${i}]`, reads));
  else if ('any' in c) c.any.forEach((x, i) => conditionReads(x, `${sub}.any[${i}]`, reads));
  else if ('not' in c) conditionReads(c.not, `${sub}.not`, reads);
  else {
    const read = (fact: string, path: string | undefined, at: string) =>
      reads.push({
        root: fact,
        keys: path ? jsonPathKeys(path) : [],
        text: fact + (path ?? ''),
        sub: at,
      });
    read(c.fact, c.path, sub);
    const v = c.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      read(v.fact, v.path, `${sub}.value`);
  }
}

/**
 * Every reference and condition fact a node reads, with its path inside the node. The node kind's
 * own validation names them (`ctx.ref`, `ctx.condition`), so a new kind or field is covered as
 * soon as it is validated; what validation reports is not wanted here and is dropped.
 */
function nodeReads(index: PackIndex, node: GraphNode, at: string, ids: ReadonlySet<string>) {
  const reads: Read[] = [];
  const outputs = nodeOutputTypes(index.pack);
  const ctx = createValidateContext(index, node.id, at, ids, (id) => outputs.get(id));
  defOf(node).validate(node as never, {
    ...ctx,
    ref(ref, sub, wanted) {
      reads.push({ ...splitRef(ref), text: ref, sub });
      return ctx.ref(ref, sub, wanted);
    },
    condition(c, sub, extra) {
      conditionReads(c, sub, reads);
      ctx.condition(c, sub, extra);
    },
  });
  return reads;
}

const startsWith = (keys: readonly string[], pattern: readonly string[]) =>
  pattern.every((p, i) => keys[i] !== undefined && (p === '*' || keys[i] === p));

/**
 * An error for each place an exported node reads a key the export leaves out (a knock-out list,
 * reasons), at the JSON path of the reading reference or condition: the decision is wrong there.
 */
export function omittedReads(index: PackIndex): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(index.nodes.keys());
  index.pack.graph.nodes.forEach((node, i) => {
    const at = `$.graph.nodes[${i}]`;
    for (const read of nodeReads(index, node, at, ids)) {
      const source = index.nodes.get(read.root)?.node;
      const omitted = source ? (OMITTED[source.kind] ?? []) : [];
      const hit = omitted.find((p) => startsWith(read.keys, p));
      if (!hit) continue;
      const key = hit.filter((k) => k !== '*').join('.');
      problems.push({
        code: 'jdm.unsupported',
        severity: 'error',
        path: joinPath(at, read.sub),
        nodeId: node.id,
        message: lt(
          `读取了“${read.text}”，但 JDM 导出不含节点“${read.root}”的 ${key}：在 zen-engine 中它为空，决策结果会不同`,
          `reads "${read.text}", but the JDM export leaves out ${key} of node "${read.root}": in zen-engine it is null and the decision differs`,
        ),
      });
    }
  });
  return problems;
}

import type {
  Condition,
  FactCondition,
  LocalizedText,
  TopLevelCondition,
} from '../domain/index.ts';
import { lt } from '../domain/index.ts';
import { conditionProblems } from './conditions.ts';
import type { ValidateContext } from './nodes/kind.ts';
import type { PackIndex } from './packIndex.ts';
import { baseRootType } from './refTypes.ts';
import { jsonPathKeys, splitRef } from './scope.ts';
import type { Problem } from './types.ts';
import { T, describeType, typeAtPath, typeFits, type ValueType } from './valueTypes.ts';

/** Reports every item whose key an earlier item already has. */
export function duplicates<T>(
  items: T[],
  key: (t: T) => string,
  report: (item: T, i: number) => void,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) report(item, i);
    seen.add(k);
  });
}

export function joinPath(base: string, sub: string): string {
  if (!sub) return base;
  return sub.startsWith('[') ? base + sub : `${base}.${sub}`;
}

/** A problem at `path`; `nodeId` when it belongs to a graph node. */
export function problem(
  code: string,
  path: string,
  message: LocalizedText,
  severity: Problem['severity'] = 'error',
  nodeId?: string,
): Problem {
  return nodeId === undefined
    ? { code, severity, path, message }
    : { code, severity, path, nodeId, message };
}

/**
 * Builds the helpers one node validates with. `upstream` holds the nodes a path of edges leads
 * from; `outputTypes` gives any node's declared output types.
 */
export function createValidateContext(
  index: PackIndex,
  nodeId: string,
  path: string,
  upstream: ReadonlySet<string>,
  outputTypes: (nodeId: string) => Record<string, ValueType> | undefined,
): ValidateContext {
  const problems: Problem[] = [];
  const error = (code: string, sub: string, message: LocalizedText) =>
    problems.push(problem(code, joinPath(path, sub), message, 'error', nodeId));
  const warn = (code: string, sub: string, message: LocalizedText) =>
    problems.push(problem(code, joinPath(path, sub), message, 'warning', nodeId));

  const rootType = (root: string, sub: string, extra?: Record<string, ValueType>) => {
    if (extra && Object.hasOwn(extra, root)) return extra[root];
    const base = baseRootType(index, root);
    if (base) return base;
    if (index.nodes.has(root)) {
      if (root === nodeId || !upstream.has(root)) {
        error(
          'ref.notUpstream',
          sub,
          lt(
            `引用的节点“${root}”不在本节点“${nodeId}”的上游（需要一条从它指向本节点的连线）`,
            `node "${root}" is not upstream of "${nodeId}" (no path of edges leads from it here)`,
          ),
        );
        return undefined;
      }
      return T.record(outputTypes(root) ?? {});
    }
    error(
      'ref.unknown',
      sub,
      lt(
        `“${root}”既不是事实、节点，也不是 answers 或 context`,
        `"${root}" is not a fact, a node, "answers" or "context"`,
      ),
    );
    return undefined;
  };

  const resolve = (
    root: string,
    keys: string[],
    display: string,
    sub: string,
    wanted?: ValueType,
    extra?: Record<string, ValueType>,
  ): ValueType | undefined => {
    const base = rootType(root, sub, extra);
    if (!base) return undefined;
    const at = typeAtPath(base, keys);
    if (!at.ok) {
      error(
        'ref.unknownKey',
        sub,
        lt(
          `“${display}”中的“${at.missing}”不存在`,
          `"${at.missing}" does not exist in "${display}"`,
        ),
      );
      return undefined;
    }
    if (wanted && !typeFits(at.type, wanted)) {
      error(
        'ref.type',
        sub,
        lt(
          `“${display}”的类型是 ${describeType(at.type)}，此处需要 ${describeType(wanted)}`,
          `"${display}" is a ${describeType(at.type)}, a ${describeType(wanted)} is needed here`,
        ),
      );
    }
    return at.type;
  };

  /** Resolves every fact a condition reads, noting the types found for the condition checks. */
  const walkCondition = (
    c: Condition,
    sub: string,
    types: Map<FactCondition, { fact?: ValueType; value?: ValueType }>,
    extra?: Record<string, ValueType>,
  ): void => {
    if ('all' in c) c.all.forEach((x, i) => walkCondition(x, `${sub}.all[${i}]`, types, extra));
    else if ('any' in c)
      c.any.forEach((x, i) => walkCondition(x, `${sub}.any[${i}]`, types, extra));
    else if ('not' in c) walkCondition(c.not, `${sub}.not`, types, extra);
    else {
      const keys = c.path ? jsonPathKeys(c.path) : [];
      const found: { fact?: ValueType; value?: ValueType } = {};
      const fact = resolve(c.fact, keys, c.fact + (c.path ?? ''), sub, undefined, extra);
      if (fact) found.fact = fact;
      const v = c.value;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const vKeys = v.path ? jsonPathKeys(v.path) : [];
        const value = resolve(
          v.fact,
          vKeys,
          v.fact + (v.path ?? ''),
          `${sub}.value`,
          undefined,
          extra,
        );
        if (value) found.value = value;
      }
      types.set(c, found);
    }
  };

  return {
    index,
    nodeId,
    path,
    problems,
    error,
    warn,
    ref(ref, sub, wanted) {
      const { root, keys } = splitRef(ref);
      return resolve(root, keys, ref, sub, wanted);
    },
    scale(scaleId, sub) {
      const s = index.scales.get(scaleId);
      if (!s)
        error(
          'scale.unknown',
          sub,
          lt(`量表“${scaleId}”不存在`, `scale "${scaleId}" is not in the vocabulary`),
        );
      return s;
    },
    level(scale, level, sub) {
      if (!scale || scale.rank.has(level)) return true;
      error(
        'level.unknown',
        sub,
        lt(
          `“${level}”不是量表“${scale.scale.id}”的级别（${scale.ids.join('、')}）`,
          `"${level}" is not a level of scale "${scale.scale.id}" (${scale.ids.join(', ')})`,
        ),
      );
      return false;
    },
    condition(c: TopLevelCondition, sub, extra) {
      const types = new Map<FactCondition, { fact?: ValueType; value?: ValueType }>();
      walkCondition(c, sub, types, extra);
      // What json-rules-engine accepts but an author hardly means, judged with the types found.
      for (const p of conditionProblems(c, joinPath(path, sub), (x) => types.get(x) ?? {}))
        problems.push({ ...p, nodeId });
    },
    conditionTypes(c, extra) {
      const types = new Map<FactCondition, { fact?: ValueType; value?: ValueType }>();
      walkCondition(c, '', types, extra);
      return (x) => types.get(x) ?? {};
    },
  };
}

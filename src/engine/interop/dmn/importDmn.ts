import {
  copyJson,
  lt,
  PackSchema,
  type GraphEdge,
  type GraphNode,
  type Pack,
  type PackInput,
} from '../../../domain/index.ts';
import { compileFeelExpression, type FeelFunction } from '../../feel/compileExpression.ts';
import { importInputs, itemTypes } from './dmnInputs.ts';
import { IdAllocator, type DmnIssue, type DmnMapping, type FactType } from './dmnNames.ts';
import { importTable, outputIds } from './dmnTable.ts';
import {
  readDmn,
  type DmnDecisionTable,
  type DmnDefinitions,
  type DmnDrgElement,
  type DmnLiteralExpression,
} from './readDmn.ts';

export type DmnImport = { pack: Pack; issues: DmnIssue[]; mapping: DmnMapping };

const EXPRESSION_TYPES = new Set(['number', 'string', 'boolean']);

/** A new pack for a model imported on its own: DMN semantics, no questionnaire, no products. */
function emptyPack(definitions: DmnDefinitions): PackInput {
  const name = definitions.name ?? definitions.id ?? 'dmn';
  const id =
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'dmn';
  return {
    format: 'suitability-pack',
    formatVersion: 1,
    id,
    version: '1.0.0',
    title: lt(name, name),
    description: lt(`从 DMN 模型“${name}”导入`, `Imported from the DMN model "${name}"`),
    jurisdiction: 'dmn',
    locales: ['zh-CN', 'en'],
    semantics: 'dmn',
    vocabulary: {
      facts: [],
      scales: [
        {
          id: 'productRisk',
          label: lt('产品风险等级', 'Product risk'),
          role: 'productRisk',
          levels: [{ id: 'R1', label: lt('R1', 'R1') }],
        },
      ],
    },
    questionnaires: [],
    products: { riskScale: 'productRisk', items: [] },
    graph: {
      nodes: [{ id: 'input', kind: 'input', position: { x: 0, y: 0 } }],
      edges: [],
    },
  };
}

const hrefId = (href: string | undefined) => (href ?? '').replace(/^.*#/, '');

/**
 * Imports a DMN model: input data become facts, decision tables table nodes, literal
 * expressions expression nodes, information requirements edges, each decision an output.
 * `into` merges the model into a pack (facts of the same id or English label are reused; the
 * pack keeps its semantics). What the format cannot express is in `issues`, by DMN element id.
 */
export async function importDmn(xml: string, options: { into?: Pack } = {}): Promise<DmnImport> {
  const { definitions } = await readDmn(xml);
  const base: PackInput = options.into ? copyJson(options.into) : emptyPack(definitions);
  const graph = base.graph;
  const issues: DmnIssue[] = [];
  const mapping: DmnMapping = { inputs: new Map(), decisions: new Map() };
  const names = new Map<string, string>();
  const alloc = new IdAllocator([
    'answers',
    'context',
    ...base.vocabulary.facts.map((f) => f.id),
    ...graph.nodes.map((n) => n.id),
  ]);
  const types = itemTypes(definitions);
  const facts = importInputs(definitions, {
    alloc,
    issues,
    mapping,
    names,
    existing: options.into?.vocabulary.facts ?? [],
  });
  base.vocabulary.facts.push(...facts);
  const factTypes = new Map<string, FactType>(
    base.vocabulary.facts.map((f) => [f.id, f.type] as const),
  );
  const inputNode = graph.nodes.find((n) => n.kind === 'input')?.id ?? 'input';
  const elements = definitions.drgElement ?? [];
  const byId = new Map(elements.map((e) => [e.id ?? '', e]));

  // Business knowledge models with a literal body become functions expressions may call.
  const functions = new Map<string, FeelFunction>();
  for (const el of elements) {
    if (el.$type !== 'dmn:BusinessKnowledgeModel') continue;
    const body = el.encapsulatedLogic?.body;
    if (body?.$type === 'dmn:LiteralExpression' && (body as DmnLiteralExpression).text)
      functions.set(el.id ?? '', {
        name: el.name ?? '',
        params: (el.encapsulatedLogic?.formalParameter ?? []).map((p) => p.name ?? ''),
        body: (body as DmnLiteralExpression).text ?? '',
      });
    else
      issues.push({
        elementId: el.id ?? el.name ?? '',
        text: el.name ?? '',
        message: lt(
          '只支持以文字表达式为体的业务知识模型',
          'only business knowledge models with a literal expression body are supported',
        ),
        severity: 'error',
      });
  }

  // Every decision's id and what its name reads, before any is built: they may read each other.
  const decisions = elements.filter((e) => e.$type === 'dmn:Decision');
  const nodeIds = new Map<DmnDrgElement, string>();
  for (const d of decisions) {
    const id = alloc.take(d.name ?? d.id ?? 'decision');
    nodeIds.set(d, id);
    const name = d.name ?? id;
    const logic = d.decisionLogic;
    if (logic?.$type === 'dmn:DecisionTable') {
      const outs = (logic as DmnDecisionTable).output ?? [];
      names.set(name, `${id}.result`);
      if (outs.length > 1) {
        const ids = outputIds(outs);
        const components = new Map<string, string>();
        outs.forEach((o, k) => {
          const col = ids[k] as string;
          names.set(`${name}.${o.name ?? col}`, `${id}.result.${col}`);
          components.set(o.name ?? col, `${id}-${col}`);
        });
        mapping.decisions.set(name, { components });
      } else mapping.decisions.set(name, { output: id });
    } else {
      names.set(name, `${id}.value`);
      mapping.decisions.set(name, { output: id });
    }
  }

  const built: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const edgeKeys = new Set(graph.edges.map((e) => `${e.source}>${e.target}`));
  const edge = (source: string, target: string) => {
    const key = `${source}>${target}`;
    if (source === target || edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push({ id: alloc.take(`e-${source}-${target}`), source, target });
  };
  const rootNode = (ref: string) => {
    const root = ref.split('.')[0] ?? '';
    return factTypes.has(root) ? inputNode : root;
  };
  const refType = (ref: string): FactType | undefined => factTypes.get(ref);

  /** An expression node over the known names; its id, or undefined when it does not compile. */
  const expressionNode = (
    id: string,
    label: string,
    text: string,
    typeRef: string | undefined,
    elementId: string,
    callable: FeelFunction[],
  ): string | undefined => {
    const known = [...names.keys()];
    const compiled = compileFeelExpression(text, known, callable);
    if (!compiled.ok) {
      issues.push({ elementId, text, message: compiled.error, severity: 'error' });
      return undefined;
    }
    const plain = types.plain(typeRef);
    const reads = compiled.reads.map((n) => ({ name: n, ref: names.get(n) as string }));
    built.push({
      id,
      kind: 'expression',
      label: lt(label, label),
      position: { x: 0, y: 0 },
      config: {
        expression: text,
        type: plain && EXPRESSION_TYPES.has(plain) ? (plain as 'number') : 'any',
        names: reads,
        functions: callable.map((f) => ({ ...f, params: [...f.params] })),
      },
    });
    for (const r of reads) edge(rootNode(r.ref), id);
    return id;
  };

  const imported: { id: string; output: string; name: string; ref: string }[] = [];
  for (const d of decisions) {
    const id = nodeIds.get(d) as string;
    const name = d.name ?? id;
    const logic = d.decisionLogic;
    const callable = (d.knowledgeRequirement ?? [])
      .map((k) => functions.get(hrefId(k.requiredKnowledge?.href)))
      .filter((f): f is FeelFunction => f !== undefined);
    let ok = false;
    if (logic?.$type === 'dmn:LiteralExpression') {
      const text = (logic as DmnLiteralExpression).text ?? '';
      ok =
        expressionNode(id, name, text, d.variable?.typeRef, logic.id ?? d.id ?? id, callable) !==
        undefined;
    } else if (logic?.$type === 'dmn:DecisionTable') {
      const table = logic as DmnDecisionTable;
      const variable = types.resolve(d.variable?.typeRef);
      const outs = table.output ?? [];
      const outputTypes = outs.map((o) =>
        outs.length === 1
          ? types.plain(d.variable?.typeRef)
          : typeof variable === 'object'
            ? types.plain(variable.itemComponent?.find((c) => c.name === o.name)?.typeRef)
            : undefined,
      );
      const config = importTable(id, name, table, outputTypes, {
        issues,
        names,
        refType,
        plain: types.plain,
        expressionNode: (text, typeRef, inputId) => {
          const made = expressionNode(
            alloc.take(inputId),
            text,
            text,
            typeRef,
            table.id ?? id,
            callable,
          );
          return made && `${made}.value`;
        },
      });
      if (config) {
        built.push({ id, kind: 'table', label: lt(name, name), position: { x: 0, y: 0 }, config });
        for (const col of config.inputs) edge(rootNode(col.ref), id);
        ok = true;
      }
    } else
      issues.push({
        elementId: logic?.id ?? d.id ?? id,
        text: `${name}: ${logic?.$type ?? 'no decision logic'}`,
        message: lt(
          '只支持决策表和文字表达式',
          'only decision tables and literal expressions are supported',
        ),
        severity: 'error',
      });
    if (!ok) {
      mapping.decisions.delete(name);
      continue;
    }
    const mapped = mapping.decisions.get(name);
    const listResult =
      logic?.$type === 'dmn:DecisionTable' &&
      ['COLLECT', 'RULE ORDER', 'OUTPUT ORDER'].includes(
        (logic as DmnDecisionTable).hitPolicy ?? '',
      ) &&
      !(logic as DmnDecisionTable).aggregation;
    if (mapped && 'components' in mapped && listResult) {
      // A list of structures is no pack output: the table imports, its result stays inside.
      mapping.decisions.delete(name);
      issues.push({
        elementId: logic?.id ?? d.id ?? id,
        text: name,
        message: lt(
          '结果是结构的列表，不能作为规则包输出；决策表已导入，可被其他节点读取',
          'the result is a list of structures, which no pack output can hold; the table is imported for other nodes to read',
        ),
        severity: 'warning',
      });
    } else if (mapped && 'components' in mapped)
      for (const [component, output] of mapped.components)
        imported.push({
          id,
          output,
          name: `${name}.${component}`,
          ref: names.get(`${name}.${component}`) as string,
        });
    else imported.push({ id, output: id, name, ref: names.get(name) as string });
    // The DRG's information requirements are edges even where the logic does not read them.
    for (const req of d.informationRequirement ?? []) {
      const source = byId.get(hrefId(req.requiredDecision?.href ?? req.requiredInput?.href));
      if (source?.$type === 'dmn:InputData') edge(inputNode, id);
      const upstream = source && nodeIds.get(source);
      if (upstream) edge(upstream, id);
    }
  }

  // A decision that reads one left out cannot be evaluated either.
  const present = new Set([...graph.nodes.map((n) => n.id), ...built.map((n) => n.id)]);
  const finalEdges = edges.filter((e) => present.has(e.source) && present.has(e.target));

  let output = graph.nodes.find((n) => n.kind === 'output');
  if (!output) {
    output = {
      id: alloc.take('output'),
      kind: 'output',
      position: { x: 0, y: 0 },
      config: { outputs: [] },
    };
    graph.nodes.push(output);
  }
  if (output.kind === 'output')
    for (const d of imported) {
      output.config.outputs.push({ name: d.output, ref: d.ref, label: lt(d.name, d.name) });
      const key = `${d.id}>${output.id}`;
      if (edgeKeys.has(key)) continue;
      edgeKeys.add(key);
      finalEdges.push({
        id: alloc.take(`e-${d.id}-${output.id}`),
        source: d.id,
        target: output.id,
      });
    }
  const inputExists = graph.nodes.some((n) => n.id === inputNode);
  if (!inputExists) graph.nodes.unshift({ id: inputNode, kind: 'input', position: { x: 0, y: 0 } });
  graph.nodes.push(...built);
  graph.edges.push(...finalEdges);
  layout(graph.nodes);
  return { pack: PackSchema.parse(base), issues, mapping };
}

/**
 * Rows by kind, below whatever the graph already holds, so an imported model opens readable
 * before any auto-layout.
 */
function layout(nodes: PackInput['graph']['nodes']) {
  const placed = (n: (typeof nodes)[number]) =>
    n.position !== undefined && (n.position.x !== 0 || n.position.y !== 0);
  const top = Math.max(0, ...nodes.filter(placed).map((n) => (n.position?.y ?? 0) + 200));
  const rank = (k: string) => (k === 'input' ? 0 : k === 'expression' ? 1 : k === 'table' ? 2 : 3);
  const counts = [0, 0, 0, 0];
  for (const n of nodes) {
    if (placed(n)) continue;
    const r = rank(n.kind);
    n.position = { x: (counts[r] ?? 0) * 260, y: top + r * 180 };
    counts[r] = (counts[r] ?? 0) + 1;
  }
}

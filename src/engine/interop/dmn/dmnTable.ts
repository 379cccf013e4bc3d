import { lt, type NodeConfig } from '../../../domain/index.ts';
import type { Literal } from '../../table/columns.ts';
import { childrenOf, normalizeName, parseFeel } from '../../feel/feelSyntax.ts';
import { inputCell, literalList, outputCell } from './dmnCells.ts';
import { IdAllocator, type DmnIssue, type FactType } from './dmnNames.ts';
import type { DmnDecisionTable, DmnOutputClause } from './readDmn.ts';

type TableConfig = NodeConfig<'table'>;
type ColumnType = 'number' | 'string' | 'boolean';

const HIT: Record<string, TableConfig['hitPolicy']> = {
  UNIQUE: 'unique',
  FIRST: 'first',
  PRIORITY: 'priority',
  ANY: 'any',
  COLLECT: 'collect',
  'RULE ORDER': 'ruleOrder',
  'OUTPUT ORDER': 'outputOrder',
};
const AGGREGATION: Record<string, TableConfig['aggregation']> = {
  SUM: 'sum',
  MIN: 'min',
  MAX: 'max',
  COUNT: 'count',
};

export type TableContext = {
  issues: DmnIssue[];
  /** FEEL name -> value reference. */
  names: Map<string, string>;
  /** The type of the value a reference reads, when the import knows it. */
  refType: (ref: string) => FactType | undefined;
  /** The plain type of a DMN type reference. */
  plain: (typeRef: string | undefined) => FactType | undefined;
  /** Makes an expression node for an input expression that is not a plain name. */
  expressionNode: (text: string, typeRef: string | undefined, id: string) => string | undefined;
};

const asColumn = (t: FactType | undefined): ColumnType | undefined =>
  t === 'number' || t === 'boolean' ? t : t === 'string' || t === 'enum' ? 'string' : undefined;

/** The type the cells suggest when nothing declares one: all numbers, all booleans, else text. */
function inferred(values: Literal[]): ColumnType {
  const set = values.filter((v) => v !== null);
  if (set.length && set.every((v) => typeof v === 'number')) return 'number';
  if (set.length && set.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

/** Whether a FEEL text is one name the import knows (`Age`, `Loan.amount`): its reference. */
function plainName(text: string, names: Map<string, string>): string | undefined {
  const parsed = parseFeel(text, 'Expression', [...names.keys()]);
  if (!parsed.ok) return undefined;
  const [only] = childrenOf(parsed.tree.top);
  if (!only || (only.name !== 'VariableName' && only.name !== 'PathExpression')) return undefined;
  return names.get(normalizeName(text));
}

/** Output column ids of a table, from the output names (`result` for one unnamed output). */
export function outputIds(outputs: DmnOutputClause[]): string[] {
  const alloc = new IdAllocator([]);
  return outputs.map((o, i) =>
    alloc.take(o.name ?? (outputs.length === 1 ? 'result' : `output${i + 1}`)),
  );
}

/**
 * A DMN decision table as a table node: columns typed from their type references (else from the
 * inputs they read, else from the cells), cells converted with the FEEL grammar. A rule with a
 * cell the table cannot hold is left out and reported; so is a table that cannot work at all.
 */
export function importTable(
  id: string,
  name: string,
  table: DmnDecisionTable,
  outputTypes: (FactType | undefined)[],
  ctx: TableContext,
): NodeConfig<'table'> | undefined {
  const elementId = table.id ?? id;
  const issue = (
    el: string | undefined,
    text: string,
    zh: string,
    en: string,
    severity: DmnIssue['severity'] = 'error',
  ) => ctx.issues.push({ elementId: el ?? elementId, text, message: lt(zh, en), severity });
  const hitPolicy = HIT[table.hitPolicy ?? 'UNIQUE'];
  if (!hitPolicy) {
    issue(undefined, table.hitPolicy ?? '', '未知的命中策略', 'unknown hit policy');
    return undefined;
  }
  const aggregation = table.aggregation ? AGGREGATION[table.aggregation] : 'list';
  const rules = table.rule ?? [];
  const dmnInputs = table.input ?? [];
  const dmnOutputs = table.output ?? [];

  const inputs: TableConfig['inputs'] = [];
  for (const [k, input] of dmnInputs.entries()) {
    const text = input.inputExpression?.text ?? '';
    const typeRef = input.inputExpression?.typeRef;
    const ref =
      plainName(text, ctx.names) ?? ctx.expressionNode(text, typeRef, `${id}-input${k + 1}`);
    if (!ref) {
      issue(input.id, text, '无法导入的输入表达式', 'the input expression cannot be imported');
      return undefined;
    }
    const cells = rules.map((r) => r.inputEntry?.[k]?.text ?? '-');
    // Untyped: the first type every cell is a test of.
    const guess =
      (['number', 'boolean'] as const).find((t) =>
        cells.every((c) => inputCell(c, { type: t }).ok),
      ) ?? 'string';
    const type = asColumn(ctx.plain(typeRef)) ?? asColumn(ctx.refType(ref)) ?? guess;
    inputs.push({
      id: `in${k + 1}`,
      label: lt(input.label ?? text, input.label ?? text),
      type,
      ref,
    });
  }

  const ids = outputIds(dmnOutputs);
  const outputs: TableConfig['outputs'] = dmnOutputs.map((o, k) => {
    const values = o.outputValues?.text ? literalList(o.outputValues.text) : undefined;
    if (values && !values.ok)
      issue(o.id, o.outputValues?.text ?? '', values.why['zh-CN'], values.why.en, 'warning');
    const literals = rules.map((r) => {
      const v = outputCell(r.outputEntry?.[k]?.text);
      return v.ok ? v.value : null;
    });
    const type = asColumn(ctx.plain(o.typeRef)) ?? asColumn(outputTypes[k]) ?? inferred(literals);
    const label = o.label ?? o.name ?? name;
    return {
      id: ids[k] as string,
      label: lt(label, label),
      type,
      ...(values?.ok ? { values: values.value } : {}),
    };
  });
  if (hitPolicy === 'priority' && outputs.slice(1).some((o) => o.values))
    issue(
      undefined,
      table.hitPolicy ?? '',
      '优先级只按第一个输出列的取值列表排序',
      'priority ranks by the value list of the first output column only',
      'warning',
    );

  const rowIds = new IdAllocator([]);
  const rows: TableConfig['rows'] = [];
  for (const [r, rule] of rules.entries()) {
    const rowInputs: string[] = [];
    const rowOutputs: Literal[] = [];
    let ok = true;
    inputs.forEach((col, k) => {
      const entry = rule.inputEntry?.[k];
      const cell = inputCell(entry?.text, { type: col.type as ColumnType });
      if (cell.ok) rowInputs.push(cell.value);
      else {
        ok = false;
        issue(
          entry?.id ?? rule.id,
          entry?.text ?? '',
          `规则未导入：${cell.why['zh-CN']}`,
          `rule left out: ${cell.why.en}`,
        );
      }
    });
    outputs.forEach((col, k) => {
      const entry = rule.outputEntry?.[k];
      const cell = outputCell(entry?.text);
      if (cell.ok && (cell.value === null || typeof cell.value === col.type))
        rowOutputs.push(cell.value);
      else {
        ok = false;
        const why = cell.ok ? lt(`不是 ${col.type}`, `not a ${col.type}`) : cell.why;
        issue(
          entry?.id ?? rule.id,
          entry?.text ?? '',
          `规则未导入：${why['zh-CN']}`,
          `rule left out: ${why.en}`,
        );
      }
    });
    if (ok)
      rows.push({
        id: rowIds.take(rule.id ?? `r${r + 1}`),
        inputs: rowInputs,
        outputs: rowOutputs,
        ...(rule.description ? { annotation: rule.description } : {}),
      });
  }

  const defaults = dmnOutputs.map((o) => outputCell(o.defaultOutputEntry?.text));
  const hasDefault = dmnOutputs.some((o) => o.defaultOutputEntry?.text);
  defaults.forEach((d, k) => {
    if (!d.ok)
      issue(
        dmnOutputs[k]?.id,
        dmnOutputs[k]?.defaultOutputEntry?.text ?? '',
        d.why['zh-CN'],
        d.why.en,
      );
  });
  if (
    hitPolicy === 'collect' &&
    ['sum', 'min', 'max'].includes(aggregation ?? '') &&
    (outputs.length !== 1 || outputs[0]?.type !== 'number')
  ) {
    issue(
      undefined,
      `${table.hitPolicy} ${table.aggregation}`,
      '求和 / 最小 / 最大需要一个数字输出列',
      'sum / min / max need one number output column',
    );
    return undefined;
  }
  if (inputs.length === 0) {
    issue(
      undefined,
      name,
      '没有输入列的决策表无法导入',
      'a table without input columns cannot be imported',
    );
    return undefined;
  }
  return {
    hitPolicy,
    aggregation: aggregation ?? 'list',
    inputs,
    outputs,
    rows,
    ...(hasDefault ? { defaultOutput: defaults.map((d) => (d.ok ? d.value : null)) } : {}),
  };
}

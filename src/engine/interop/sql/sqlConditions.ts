import {
  lt,
  type Condition,
  type FactCondition,
  type Product,
  type TopLevelCondition,
} from '../../../domain/index.ts';
import { parsePath } from '../../safePath.ts';
import {
  has,
  sqlLiteral,
  Unsupported,
  type Column,
  type QueryBuilder,
  type SqlType,
} from './sqlQuery.ts';

type Operand = { column: Column } | { literal: unknown };

function operand(
  b: QueryBuilder,
  fact: string,
  path: string | undefined,
  product: Product | undefined,
  at: string,
): Operand {
  const parsed = path ? parsePath(path) : { keys: [] };
  if ('problem' in parsed) throw new Unsupported(at, parsed.problem);
  if (fact === 'product' && product) {
    let v: unknown = product;
    for (const k of parsed.keys)
      v =
        v !== null && v !== undefined && Object.hasOwn(v as object, k)
          ? (v as Record<string, unknown>)[k]
          : undefined;
    return { literal: v };
  }
  return { column: b.ref([fact, ...parsed.keys].join('.'), at) };
}

const typeOf = (v: unknown): SqlType | undefined =>
  typeof v === 'number'
    ? 'number'
    : typeof v === 'boolean'
      ? 'boolean'
      : typeof v === 'string'
        ? 'text'
        : undefined;

function factCondition(
  b: QueryBuilder,
  c: FactCondition,
  at: string,
  product: Product | undefined,
): string {
  const left = operand(b, c.fact, c.path, product, at);
  const value = c.value;
  const right: Operand =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.hasOwn(value, 'fact')
      ? operand(
          b,
          (value as { fact: string }).fact,
          (value as { path?: string }).path,
          product,
          `${at}.value`,
        )
      : { literal: value };
  const unsupported = () =>
    new Unsupported(
      at,
      lt(
        `条件 ${at} 无法用 SQL 表达（${c.operator}）`,
        `condition at ${at} has no SQL form (${c.operator})`,
      ),
    );
  if (!('column' in left)) throw unsupported();
  const a = left.column;
  const op = c.operator;
  if ('column' in right) {
    const r = right.column;
    if (op === 'equal' || op === 'notEqual') {
      if (a.type !== r.type) return op === 'equal' ? 'FALSE' : 'TRUE';
      return `(${a.sql} IS ${op === 'equal' ? 'NOT ' : ''}DISTINCT FROM ${r.sql})`;
    }
    if (op.startsWith('date') && a.type === 'text' && r.type === 'text') {
      const cmp = { dateBefore: '<', dateOnOrBefore: '<=', dateAfter: '>', dateOnOrAfter: '>=' }[
        op as 'dateBefore'
      ];
      return `COALESCE(${a.sql} ${cmp} ${r.sql}, FALSE)`;
    }
    throw unsupported();
  }
  const v = right.literal;
  switch (op) {
    case 'equal':
    case 'notEqual': {
      if (v === null || v === undefined || typeof v === 'object') throw unsupported();
      const same = typeOf(v) === a.type ? `COALESCE(${a.sql} = ${sqlLiteral(v)}, FALSE)` : 'FALSE';
      return op === 'equal' ? same : `NOT ${same}`;
    }
    case 'in':
    case 'notIn': {
      if (!Array.isArray(v)) throw unsupported();
      const items = v.filter((x) => typeOf(x) === a.type);
      const inList =
        items.length === 0
          ? 'FALSE'
          : `COALESCE(${a.sql} IN (${items.map(sqlLiteral).join(', ')}), FALSE)`;
      return op === 'in' ? inList : `NOT ${inList}`;
    }
    case 'contains':
    case 'doesNotContain': {
      if (a.type !== 'list' || typeof v !== 'string') throw unsupported();
      return op === 'contains'
        ? `COALESCE(${has(a.sql, v)}, FALSE)`
        : `(${a.sql} IS NOT NULL AND NOT ${has(a.sql, v)})`;
    }
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive': {
      if (a.type !== 'number' || typeof v !== 'number') throw unsupported();
      const cmp = {
        lessThan: '<',
        lessThanInclusive: '<=',
        greaterThan: '>',
        greaterThanInclusive: '>=',
      }[op];
      return `COALESCE(${a.sql} ${cmp} ${sqlLiteral(v)}, FALSE)`;
    }
    default: {
      if (a.type !== 'text' || typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
        throw unsupported();
      const cmp = { dateBefore: '<', dateOnOrBefore: '<=', dateAfter: '>', dateOnOrAfter: '>=' }[
        op
      ];
      return `COALESCE(${a.sql} ${cmp} ${sqlLiteral(v)}, FALSE)`;
    }
  }
}

/** A json-rules-engine condition as a SQL boolean that is never NULL. */
export function condition(
  b: QueryBuilder,
  c: Condition | TopLevelCondition,
  at: string,
  product?: Product,
): string {
  const list = (parts: Condition[], key: string, joiner: string) =>
    parts.length === 0
      ? 'TRUE'
      : `(${parts.map((p, i) => condition(b, p, `${at}.${key}[${i}]`, product)).join(joiner)})`;
  if (Object.hasOwn(c, 'any')) return list((c as { any: Condition[] }).any, 'any', ' OR ');
  if (Object.hasOwn(c, 'all')) return list((c as { all: Condition[] }).all, 'all', ' AND ');
  if (Object.hasOwn(c, 'not'))
    return `(NOT ${condition(b, (c as { not: Condition }).not, `${at}.not`, product)})`;
  return factCondition(b, c as FactCondition, at, product);
}

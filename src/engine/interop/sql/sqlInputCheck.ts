import { questionsOf, type Fact, type Question } from '../../../domain/index.ts';
import { condition } from './sqlConditions.ts';
import { sqlLiteral, sqlName, type QueryBuilder } from './sqlQuery.ts';

/** One refusal of the input check: when it applies, and the engine's code for it. */
export type SqlCheck = { when: string; code: string };

/**
 * Whether a column's cell was given but could not be read as its type (a number column holding
 * `abc`): SQL over the input table, or undefined when the reader cannot fail on that column.
 */
export type BadCell = (column: string) => string | undefined;

/** A regular expression matching `text` exactly (its special characters escaped). */
const literalRe = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * Whether a `|`-joined list holds an item outside `known`: one regular expression, cheaper in
 * DuckDB than splitting the list for every row.
 */
const outside = (col: string, known: readonly string[]) => {
  if (known.length === 0) return `${col} IS NOT NULL`;
  const item = `(?:${known.map(literalRe).join('|')})`;
  return `NOT regexp_full_match(${col}, ${sqlLiteral(`${item}(?:\\|${item})*`)})`;
};

/** A text column given but not a calendar date YYYY-MM-DD. */
const notDate = (col: string) =>
  `(${col} IS NOT NULL AND NOT (regexp_full_match(${col}, '\\d{4}-\\d{2}-\\d{2}') AND TRY_CAST(${col} AS DATE) IS NOT NULL))`;

function factChecks(b: QueryBuilder, fact: Fact, index: number, bad: BadCell): SqlCheck[] {
  const name = `facts.${fact.id}`;
  const col = sqlName(name);
  const checks: SqlCheck[] = [];
  const badCell = bad(name);
  if (badCell) checks.push({ when: badCell, code: 'input.factType' });
  const required = fact.required
    ? 'TRUE'
    : fact.requiredWhen
      ? condition(b, fact.requiredWhen, `$.vocabulary.facts[${index}].requiredWhen`)
      : undefined;
  if (required)
    checks.push({ when: `(${col} IS NULL AND ${required})`, code: 'input.missingFact' });
  if (fact.type === 'number') {
    if (fact.integer) checks.push({ when: `${col} <> floor(${col})`, code: 'input.factType' });
    const range = [
      fact.min !== undefined ? `${col} < ${sqlLiteral(fact.min)}` : undefined,
      fact.max !== undefined ? `${col} > ${sqlLiteral(fact.max)}` : undefined,
    ].filter((x) => x !== undefined);
    if (range.length > 0) checks.push({ when: `(${range.join(' OR ')})`, code: 'input.factRange' });
  } else if (fact.type === 'enum' || fact.type === 'set') {
    const scale = fact.scale ? b.index.scales.get(fact.scale)?.ids : fact.values?.map((v) => v.id);
    const known = scale ?? [];
    checks.push({
      when:
        fact.type === 'enum'
          ? known.length === 0
            ? `${col} IS NOT NULL`
            : `${col} NOT IN (${known.map(sqlLiteral).join(', ')})`
          : outside(col, known),
      code: 'input.unknownValue',
    });
  } else if (fact.type === 'date' && !badCell)
    checks.push({ when: notDate(col), code: 'input.factType' });
  return checks;
}

function answerChecks(q: Question, bad: BadCell): SqlCheck[] {
  const name = `answers.${q.id}`;
  const col = sqlName(name);
  const checks: SqlCheck[] = [];
  const badCell = bad(name);
  if (badCell) checks.push({ when: badCell, code: 'input.answerType' });
  if (q.type === 'numeric') {
    if (q.integer) checks.push({ when: `${col} <> floor(${col})`, code: 'input.answerType' });
    checks.push({
      when: `(${col} < ${sqlLiteral(q.min)} OR ${col} > ${sqlLiteral(q.max)})`,
      code: 'input.answerRange',
    });
    return checks;
  }
  const options = q.options.map((o) => o.id);
  if (q.type !== 'multiple') {
    checks.push({
      when: `${col} NOT IN (${options.map(sqlLiteral).join(', ')})`,
      code: 'input.unknownOption',
    });
    return checks;
  }
  const items = `string_split(${col}, '|')`;
  // How many items: one more than the separators, without splitting.
  const n = `(length(${col}) - length(replace(${col}, '|', '')) + 1)`;
  checks.push({ when: outside(col, options), code: 'input.unknownOption' });
  checks.push({
    when: `(${n} > 1 AND len(list_distinct(${items})) < ${n})`,
    code: 'input.answerType',
  });
  const count = [
    `${n} < ${q.minSelected}`,
    ...(q.maxSelected !== undefined ? [`${n} > ${q.maxSelected}`] : []),
  ];
  checks.push({ when: `(${count.join(' OR ')})`, code: 'input.selectionCount' });
  return checks;
}

/**
 * The engine's input check (inputCheck.ts) as SQL refusals in the engine's order: the dates, their
 * order, the initiator, each fact of the vocabulary, each question. DuckDB only (list functions).
 * Each `when` is NULL or FALSE for a value the engine accepts; a CASE takes the first that holds.
 * Unknown facts and questions cannot occur: the table has a column for each known one only.
 *
 * @example
 * inputCheckSql(b, (c) => (c === 'facts.age' ? '"bad:facts.age"' : undefined));
 */
export function inputCheckSql(b: QueryBuilder, bad: BadCell = () => undefined): SqlCheck[] {
  const pack = b.index.pack;
  return [
    {
      when: `("evaluationDate" IS NULL OR ${bad('evaluationDate') ?? notDate('"evaluationDate"')})`,
      code: 'input.date',
    },
    { when: bad('assessmentDate') ?? notDate('"assessmentDate"'), code: 'input.date' },
    { when: '"assessmentDate" > "evaluationDate"', code: 'input.dateOrder' },
    { when: `"initiator" NOT IN ('firm', 'client')`, code: 'input.initiator' },
    ...pack.vocabulary.facts.flatMap((f, i) => factChecks(b, f, i, bad)),
    ...pack.questionnaires.flatMap(questionsOf).flatMap((q) => answerChecks(q, bad)),
  ];
}

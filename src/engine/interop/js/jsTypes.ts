import { questionsOf, type Fact, type Pack, type Question } from '../../../domain/index.ts';
import type { PackIndex } from '../../packIndex.ts';
import { idLit, lit } from './jsLiteral.ts';

const union = (values: readonly string[]) =>
  values.length === 0 ? 'never' : values.map((v) => lit(v)).join(' | ');

function factType(fact: Fact, index: PackIndex): string {
  switch (fact.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'string':
      return 'string';
    case 'enum':
    case 'set': {
      const ids = fact.scale ? index.scales.get(fact.scale)?.ids : fact.values?.map((v) => v.id);
      const one = union(ids ?? []);
      return fact.type === 'enum' ? one : `(${one})[]`;
    }
  }
}

function answerType(q: Question): string {
  if (q.type === 'numeric') return 'number';
  const one = union(q.options.map((o) => o.id));
  return q.type === 'multiple' ? `(${one})[]` : one;
}

/** The module's declarations: typed facts and answers, outputs and products by name. */
export function moduleTypes(pack: Pack, index: PackIndex): string {
  const facts = pack.vocabulary.facts.map(
    (f) => `    ${idLit(f.id)}?: ${factType(f, index)} | null;`,
  );
  const answers = pack.questionnaires
    .flatMap(questionsOf)
    .map((q) => `    ${idLit(q.id)}?: ${answerType(q)} | null;`);
  const outputs = pack.graph.nodes.flatMap((n) =>
    n.kind === 'output'
      ? n.config.outputs.map(
          (o) => `    ${idLit(o.name)}: ${o.kind === 'flag' ? 'boolean | null' : 'unknown'};`,
        )
      : [],
  );
  const products = pack.products.items.map((p) => `    ${idLit(p.id)}: ProductVerdict;`);
  return [
    `// Declarations of the decision module of ${lit(pack.id)} ${lit(pack.version)}, generated from the pack.`,
    '',
    "export type Verdict = 'allowed' | 'warn' | 'prohibited';",
    "export type Reason = { code: string; text: { 'zh-CN': string; en: string; [locale: string]: string } };",
    '',
    'export type Input = {',
    '  facts?: {',
    ...facts,
    '  } | null;',
    '  answers?: {',
    ...answers,
    '  } | null;',
    '  /** YYYY-MM-DD */',
    '  evaluationDate: string;',
    '  /** YYYY-MM-DD; the evaluation date when absent. */',
    '  assessmentDate?: string;',
    "  initiator?: 'firm' | 'client';",
    '  clientId?: string;',
    '};',
    '',
    'export type ProductVerdict = {',
    '  verdict: Verdict;',
    '  reasons: Reason[];',
    "  checks: Record<string, 'pass' | 'fail' | 'skipped'>;",
    '  flags: string[];',
    '};',
    '',
    'export type Result = {',
    '  outputs: {',
    ...outputs,
    '  };',
    '  flags: string[];',
    '  products: {',
    ...products,
    '  };',
    '};',
    '',
    '/** Thrown for bad input or a decision that cannot be made; `path` is a JSON path. */',
    'export declare class EvaluationError extends Error {',
    '  readonly code: string;',
    '  readonly path: string;',
    '  readonly nodeId: string | undefined;',
    "  readonly localized: { 'zh-CN': string; en: string };",
    '}',
    '',
    'export declare const pack: { readonly id: string; readonly version: string; readonly hash?: string };',
    '',
    '/** Evaluates one client; throws `EvaluationError` where the engine does. */',
    'export declare function evaluate(input: Input): Result;',
    '',
  ].join('\n');
}

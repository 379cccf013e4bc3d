import type { Fact, NodeKind, Question } from '../../../domain/index.ts';
import { nodeTyping, type CompiledPack } from '../../compilePack.ts';
import { orderGraph } from '../../graphOrder.ts';
import type { PackIndex } from '../../packIndex.ts';
import { emitCondition, type ConditionEnv } from './jsConditions.ts';
import { createNodeEnv, Constants, type JsEmitter } from './jsEnv.ts';
import { idLit, lit, objectOf, prop } from './jsLiteral.ts';
import { emitMatch } from './jsMatch.ts';
import { JS_EMITTERS_PART } from './jsNodes.ts';
import { JS_RUNTIME } from './jsRuntime.ts';
import { moduleTypes } from './jsTypes.ts';

/** Every node kind's emitter: a kind the engine runs and the module cannot is a type error. */
export const JS_EMITTERS: { [K in NodeKind]: JsEmitter<K> } = {
  input: () => 'return { facts: F, answers: A, context: C };',
  ...JS_EMITTERS_PART,
  match: emitMatch,
  // FEEL expression nodes have no straight-line form here yet: the export refuses the pack.
  expression: (_node, env) => {
    throw new Error(`${env.path}: expression nodes are not exported to a JS module yet`);
  },
  output: (node, env) => {
    const c = node.config;
    const out = [
      `const outputs = ${objectOf(c.outputs.map((o) => [o.name, 'null']))};`,
      'const flags = [];',
    ];
    for (const o of c.outputs) {
      out.push(
        `{ const v = ${env.ref(o.ref)}; ${prop('outputs', o.name)} = v === undefined ? null : v;`,
      );
      if (o.kind === 'flag') out.push(`if (v === true) flags.push(${idLit(o.name)});`);
      out.push('}');
    }
    const products = c.verdicts ? env.ref(`${c.verdicts}.products`) : '{}';
    out.push(`return { outputs, flags, products: ${products} };`);
    return out.join('\n');
  },
};

const SHOW_NUMBER = (n: number | undefined) => (n === undefined ? 'undefined' : lit(n));

function factCheck(fact: Fact, index: PackIndex, path: string, c: Constants): string {
  const p = lit(path);
  switch (fact.type) {
    case 'number':
      return `checkNumber(v, ${p}, 'input.factType', 'input.factRange', ${fact.integer === true}, ${SHOW_NUMBER(fact.min)}, ${SHOW_NUMBER(fact.max)});`;
    case 'enum':
    case 'set': {
      const ids = fact.scale ? index.scales.get(fact.scale)?.ids : fact.values?.map((v) => v.id);
      const known = c.shared([...new Set(ids ?? [])]);
      return fact.type === 'enum'
        ? `checkEnum(v, ${p}, undefined, ${known});`
        : `checkSet(v, ${p}, ${known});`;
    }
    case 'boolean':
      return `checkType(typeof v === 'boolean', v, ${p}, '应为 true 或 false，实际是 ', 'expected true or false, got ');`;
    case 'date':
      return `checkType(isDate(v), v, ${p}, '应为日期 YYYY-MM-DD，实际是 ', 'expected a date YYYY-MM-DD, got ');`;
    case 'string':
      return `checkType(typeof v === 'string', v, ${p}, '应为文本，实际是 ', 'expected text, got ');`;
  }
}

function answerCheck(q: Question, path: string, c: Constants): string {
  const p = lit(path);
  if (q.type === 'numeric')
    return `checkNumber(v, ${p}, 'input.answerType', 'input.answerRange', ${q.integer === true}, ${lit(q.min)}, ${lit(q.max)});`;
  const options = [...new Set(q.options.map((o) => o.id))];
  if (q.type === 'multiple')
    return `checkOptions(v, ${p}, ${c.shared(options)}, ${lit(q.minSelected)}, ${SHOW_NUMBER(q.maxSelected)});`;
  return `checkOption(v, ${p}, undefined, ${c.shared(options)}, ${lit(options.join(' / '))});`;
}

/** The input check (inputCheck.ts), straight-line per fact and per question. */
function emitInputCheck(index: PackIndex, c: Constants): string {
  const out = [
    'function checkInput(input) {',
    'checkShape(input);',
    'const given = input.facts ?? EMPTY;',
    'let present = 0;',
  ];
  // A requiredWhen reads the input's facts by id and its context (inputCheck.ts factsOf).
  const env: ConditionEnv = {
    root: (name) => (name === 'context' ? 'contextOf(input)' : `own(given, ${idLit(name)})`),
    constant: (v) => c.shared(v),
  };
  index.pack.vocabulary.facts.forEach((f, i) => {
    const path = `$.facts.${f.id}`;
    const required = f.required
      ? `missingFact(${lit(path)});`
      : f.requiredWhen
        ? `if (${emitCondition(f.requiredWhen, `$.vocabulary.facts[${i}].requiredWhen`, env)}) missingFact(${lit(path)});`
        : '';
    out.push(
      `{ const has = Object.hasOwn(given, ${idLit(f.id)}); const v = has ? ${prop('given', f.id)} : undefined; if (has) present++;`,
      `if (v === undefined || v === null) { ${required} } else { ${factCheck(f, index, path, c)} } }`,
    );
  });
  const known = c.shared(Object.fromEntries([...index.facts.keys()].map((id) => [id, true])));
  out.push(
    'if (Object.keys(given).length !== present)',
    `for (const key of Object.keys(given)) if (!Object.hasOwn(${known}, key)) unknownFact(key);`,
    'const answers = input.answers ?? EMPTY;',
    'for (const key in answers) {',
    'if (!Object.hasOwn(answers, key)) continue;',
    'const v = answers[key];',
    'switch (key) {',
  );
  for (const [id, entry] of index.questions)
    out.push(
      `case ${idLit(id)}: if (v !== undefined && v !== null) { ${answerCheck(entry.question, `$.answers.${id}`, c)} } break;`,
    );
  out.push('default: unknownQuestion(key);', '}', '}', '}');
  return out.join('\n');
}

/** Opening minus closing brackets outside string literals, and the closers that lead the line. */
function bracketBalance(line: string): { net: number; leading: number } {
  let net = 0;
  let leading = 0;
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('{[('.includes(ch)) net++;
    else if ('}])'.includes(ch)) {
      net--;
      if (!started) leading++;
    }
    if (ch !== ' ' && !'}])'.includes(ch)) started = true;
  }
  return { net, leading };
}

/** Indents generated lines by their brackets, so that the shipped file reads like written code. */
function indentCode(code: string): string {
  let depth = 0;
  return code
    .split('\n')
    .map((line) => {
      const text = line.trim();
      const { net, leading } = bracketBalance(text);
      const at = Math.max(0, depth - leading);
      depth = Math.max(0, depth + net);
      return text === '' ? '' : `${'  '.repeat(at)}${text}`;
    })
    .join('\n');
}

export type JsModule = { js: string; dts: string };

/**
 * Writes a compiled pack as one standalone, dependency-free ES module: `evaluate(input)` returns
 * `{ outputs, flags, products }` exactly as the engine's `evaluate` does (without the rationale and
 * trace), and throws the engine's `EvaluationError` (same code, path, node and message) where the
 * engine throws. Each node is a function of straight-line code; pack content enters only as
 * `JSON.stringify` literals and checked ids, so the file can be read, reviewed and shipped.
 *
 * @example
 * const { js, dts } = exportJsModule(compilePack(pack));
 * // import { evaluate } from './csrc.mjs'; evaluate({ facts, answers, evaluationDate: '2026-06-01' })
 */
export function exportJsModule(compiled: CompiledPack): JsModule {
  const { pack, index } = compiled;
  const constants = new Constants();
  const nodeVars = new Map(compiled.order.map((n, i) => [n.id, `V[${i}]`]));
  const ordered = orderGraph(pack.graph);
  const typing = nodeTyping(index, ordered.ok ? ordered.ancestors : new Map());
  const functions = compiled.order.map((n, i) => {
    const entry = index.nodes.get(n.id);
    const path = `$.graph.nodes[${entry?.index ?? -1}]`;
    const helpers: string[] = [];
    const base = { index, nodeId: n.id, path, constants, typing: typing(n.id, path) };
    const env = createNodeEnv({ ...base, helpers, prefix: `node${i}_` }, nodeVars);
    const emit = JS_EMITTERS[n.node.kind] as JsEmitter<NodeKind>;
    const body = emit(n.node as never, env);
    return [
      `/** ${n.node.kind} ${lit(n.id)} */\nfunction node${i}(F, A, C, V) {\n${body}\n}`,
      ...helpers,
    ].join('\n');
  });
  const inputCheck = emitInputCheck(index, constants);
  const ids = constants.shared(compiled.order.map((n) => n.id));
  const run: string[] = [];
  compiled.order.forEach((n, i) => {
    run.push(`at = ${i};`, `V[${i}] = node${i}(F, A, C, V);`);
    if (n.node.kind !== 'output') return;
    const o = `V[${i}]`;
    run.push(
      `if (outputs === undefined) { outputs = ${o}.outputs; flags = ${o}.flags; }`,
      `else { outputs = { ...outputs, ...${o}.outputs }; flags = [...flags, ...${o}.flags.filter((f) => !flags.includes(f))]; }`,
    );
    if (n.node.config.verdicts) run.push(`products = ${o}.products;`);
  });
  const header = [
    `// ${lit(pack.id)} ${lit(pack.version)}: the whole decision as a standalone module, generated from the pack.`,
    '// Edit the pack, not this file: regenerate it with `suitability export PACK --to js`.',
  ];
  const js = [
    ...header,
    JS_RUNTIME.trim(),
    ...constants.lines,
    indentCode([inputCheck, ...functions].join('\n')),
    `/** The pack this module was generated from. */`,
    `export const pack = deepFreeze(${lit({ id: pack.id, version: pack.version, ...(pack.integrity?.hash ? { hash: pack.integrity.hash } : {}) })});`,
    '',
    indentCode(
      [
        '/** Evaluates one client: the outputs, flags and product verdicts of the pack. */',
        'export function evaluate(input) {',
        'checkInput(input);',
        'const F = input.facts ?? EMPTY;',
        'const A = input.answers ?? EMPTY;',
        "const C = { evaluationDate: input.evaluationDate, assessmentDate: input.assessmentDate ?? input.evaluationDate, initiator: input.initiator ?? 'client', clientId: input.clientId };",
        `const V = new Array(${compiled.order.length});`,
        'let outputs;',
        'let flags = [];',
        'let products = {};',
        'let at = 0;',
        'try {',
        ...run,
        '} catch (e) {',
        `throw atNode(e, ${ids}[at]);`,
        '}',
        'return { outputs: outputs ?? {}, flags, products };',
        '}',
        '',
      ].join('\n'),
    ),
  ].join('\n');
  return { js, dts: moduleTypes(pack, index) };
}

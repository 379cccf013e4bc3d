import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  questionsOf,
  type EvaluationInputDraft,
  type Pack,
  type Question,
} from '../domain/index.ts';
import { compilePack, evaluate, formatTestReport, runTests, validatePack } from './index.ts';
import { evaluateReference } from './interop/reference.ts';
import { EvaluationError } from './types.ts';
import csrcCsv from '../../rule-packs/cn-csrc-2017/clients-sample.csv?raw';
import { loadStarterPack, starterPackNames } from '../testing/starterPackFiles.ts';

describe('starter packs', () => {
  it('are found', () => {
    expect(starterPackNames.length).toBeGreaterThanOrEqual(1);
  });

  describe.each(starterPackNames)('%s', (file) => {
    it('parses and sits in the folder named after its id', () => {
      const pack = loadStarterPack(file);
      expect(file).toBe(pack.id);
    });

    it('validates with no errors', () => {
      const errors = validatePack(loadStarterPack(file))
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.path} ${p.code}: ${p.message.en}`);
      expect(errors).toEqual([]);
    });

    it('passes every one of its own test cases (at least 25)', () => {
      const report = runTests(compilePack(loadStarterPack(file)));
      expect(report.total).toBeGreaterThanOrEqual(25);
      expect(report.failed, formatTestReport(report, 'en')).toBe(0);
    });

    it('evaluates every sample client', () => {
      const pack = loadStarterPack(file);
      const compiled = compilePack(pack);
      for (const client of pack.sampleClients)
        expect(Object.keys(evaluate(compiled, client.input).products)).toHaveLength(
          pack.products.items.length,
        );
    });

    it('gives the same results when its rules run through json-rules-engine', async () => {
      const pack = loadStarterPack(file);
      const compiled = compilePack(pack);
      const outcome = async (run: () => unknown) => {
        try {
          return await run();
        } catch (e) {
          if (e instanceof EvaluationError) return { error: e.code };
          throw e;
        }
      };
      for (const { id, input } of [...pack.tests, ...pack.sampleClients]) {
        const options = { rationale: false };
        const fast = await outcome(() => evaluate(compiled, input, options));
        const reference = await outcome(() => evaluateReference(compiled, input, options));
        expect(reference, id).toEqual(fast);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// cn-csrc-2017: what the domain reference fixes, checked against the pack's own data.

const csrcFile = 'cn-csrc-2017';

function maxPoints(q: Question): number {
  if (q.type === 'numeric') return Math.max(...q.bands.map((b) => b.points));
  const points = q.options.map((o) => o.points);
  if (q.type === 'multiple' && q.scoring === 'sum')
    return points.filter((p) => p > 0).reduce((s, p) => s + p, 0);
  return Math.max(...points);
}

describe.runIf(starterPackNames.includes(csrcFile))('cn-csrc-2017', () => {
  const pack = loadStarterPack(csrcFile);
  const questions = pack.questionnaires.flatMap(questionsOf);
  const node = (id: string) => pack.graph.nodes.find((n) => n.id === id);

  it('has the 20 questions, whose maxima sum to 100', () => {
    expect(questions.map((q) => q.id)).toEqual(Array.from({ length: 20 }, (_, i) => `Q${i + 1}`));
    expect(questions.reduce((s, q) => s + q.weight * maxPoints(q), 0)).toBe(100);
  });

  it('counts the highest option of Q9 and Q12 and binds Q11 / Q12 to horizon / variety', () => {
    const byId = new Map(questions.map((q) => [q.id, q]));
    for (const id of ['Q9', 'Q12'])
      expect(byId.get(id)).toMatchObject({ type: 'multiple', scoring: 'max' });
    expect(byId.get('Q11')?.bindFact).toEqual({ fact: 'horizon', combine: 'max' });
    expect(byId.get('Q12')?.bindFact).toEqual({ fact: 'variety', combine: 'max' });
    const knockouts = questions.flatMap((q) =>
      q.type === 'numeric' ? [] : q.options.filter((o) => o.knockout).map((o) => `${q.id}${o.id}`),
    );
    expect(knockouts).toEqual(['Q15A']);
  });

  it('classifies with the domain bands, gap-free from 0 to 100', () => {
    const classify = node('classify');
    expect(classify?.kind).toBe('classify');
    if (classify?.kind !== 'classify') return;
    expect(classify.config.bands).toEqual([
      { level: 'C1', min: 0, max: 19 },
      { level: 'C2', min: 20, max: 36 },
      { level: 'C3', min: 37, max: 53 },
      { level: 'C4', min: 54, max: 82 },
      { level: 'C5', min: 83, max: 100 },
    ]);
  });

  it('matches a level to every risk at or below it and warns above it', () => {
    const match = node('match');
    if (match?.kind !== 'match') throw new Error('no match node');
    const matrix = match.config.dimensions.find((d) => d.kind === 'matrix');
    if (matrix?.kind !== 'matrix') throw new Error('no matrix dimension');
    for (const [c, row] of Object.entries(matrix.cells))
      for (const [r, verdict] of Object.entries(row))
        expect(verdict, `${c} x ${r}`).toBe(
          Number(r.slice(1)) <= Number(c.slice(1)) ? 'allowed' : 'warn',
        );
    // The order of the reference; the two stricter firm options are kept in the pack, switched off.
    expect(match.config.policies.map((p) => [p.kind, p.enabled !== false])).toEqual([
      ['blockAll', true],
      ['blockAll', true],
      ['blockAll', false],
      ['exempt', true],
      ['escalate', true],
      ['escalate', false],
      ['escalate', true],
      ['flag', true],
      ['flag', true],
    ]);
    for (const p of match.config.policies)
      if (p.enabled === false) expect(p.basis?.kind, p.reason.code).toBe('firmPractice');
  });

  it('has at least 30 products across R1-R5 and at least 8 personas', () => {
    expect(pack.products.items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(pack.products.items.map((p) => p.risk))).toEqual(
      new Set(['R1', 'R2', 'R3', 'R4', 'R5']),
    );
    expect(pack.sampleClients.length).toBeGreaterThanOrEqual(8);
  });

  it('tests every band boundary, each knock-out and an input error', () => {
    const scores = new Set(pack.tests.map((t) => t.expect.outputs?.score));
    for (const s of [19, 20, 36, 37, 53, 54, 82, 83]) expect(scores, `score ${s}`).toContain(s);
    const lowest = pack.tests.filter((t) => t.expect.flags?.lowestCategory === true);
    expect(lowest.some((t) => t.input.answers.Q15 === 'A')).toBe(true);
    expect(lowest.some((t) => t.input.facts.fullCivilCapacity === false)).toBe(true);
    expect(lowest.some((t) => t.input.facts.refusesPrincipalLoss === true)).toBe(true);
    expect(pack.tests.some((t) => t.expect.error === 'input.unknownOption')).toBe(true);
  });
});

// The CLI's CSV layout: context columns, `facts.<id>`, `answers.<id>`; `|` joins multiple choices.
function csvInputs(pack: Pack, text: string): { header: string[]; inputs: EvaluationInputDraft[] } {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  const facts = new Map(pack.vocabulary.facts.map((f) => [f.id, f]));
  const questions = new Map(pack.questionnaires.flatMap(questionsOf).map((q) => [q.id, q]));
  const inputs = rows.map((row) => {
    const input: Record<string, unknown> & { facts: Record<string, unknown> } = {
      facts: {},
      answers: {},
    };
    header.forEach((col, i) => {
      const cell = row[i] ?? '';
      if (cell === '') return;
      const [root, id = ''] = col.split('.');
      const fact = facts.get(id);
      const question = questions.get(id);
      if (root === 'facts' && fact)
        input.facts[id] =
          fact.type === 'number' ? Number(cell) : fact.type === 'boolean' ? cell === 'true' : cell;
      else if (root === 'answers' && question)
        (input.answers as Record<string, unknown>)[id] =
          question.type === 'multiple' ? cell.split('|') : cell;
      else input[col] = cell;
    });
    return input as unknown as EvaluationInputDraft;
  });
  return { header, inputs };
}

describe.runIf(starterPackNames.includes(csrcFile))('cn-csrc-2017 clients-sample.csv', () => {
  const pack = loadStarterPack(csrcFile);
  const { header, inputs } = csvInputs(pack, csrcCsv);

  it('names only known columns', () => {
    const known = new Set([
      'clientId',
      'evaluationDate',
      'assessmentDate',
      'initiator',
      ...pack.vocabulary.facts.map((f) => `facts.${f.id}`),
      ...pack.questionnaires.flatMap(questionsOf).map((q) => `answers.${q.id}`),
    ]);
    expect(header.filter((c) => !known.has(c))).toEqual([]);
  });

  it('holds about 20 clients who all evaluate', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(18);
    const compiled = compilePack(pack);
    for (const input of inputs) expect(() => evaluate(compiled, input)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// eu-mifid2: suitability checks apply to advised sales, appropriateness to the others.

const mifidFile = 'eu-mifid2';

describe.runIf(starterPackNames.includes(mifidFile))('eu-mifid2', () => {
  const pack = loadStarterPack(mifidFile);
  const compiled = compilePack(pack);
  const inputs = [
    ...pack.tests.filter((t) => t.expect.error === undefined),
    ...pack.sampleClients,
  ].map((t) => t.input);
  const advisedOnly = ['clientType', 'knowledge', 'lossBearing', 'riskTolerance', 'objectives'];
  const nonAdvisedOnly = ['clientTypeWarning', 'appropriateness'];

  it('skips the checks of the other kind of sale', () => {
    for (const input of inputs) {
      const advised = input.initiator === 'firm';
      for (const [id, p] of Object.entries(evaluate(compiled, input).products)) {
        const skipped = Object.keys(p.checks).filter((k) => p.checks[k] === 'skipped');
        const mustSkip = advised ? nonAdvisedOnly : advisedOnly;
        expect(skipped, `${input.clientId} ${id}`).toEqual(expect.arrayContaining(mustSkip));
      }
    }
  });

  it('accepts by its band vs SRI matrix exactly the SRI levels its sriFit table lists', () => {
    const bands = new Set<unknown>();
    for (const input of inputs.filter((i) => i.initiator === 'firm')) {
      const result = evaluate(compiled, input);
      const accepted = result.outputs['acceptedSri'] as string[];
      bands.add(result.outputs['band']);
      for (const product of pack.products.items) {
        const check = result.products[product.id]?.checks['riskTolerance'];
        expect(check, `${input.clientId} ${product.id}`).toBe(
          accepted.includes(product.risk) ? 'pass' : 'fail',
        );
      }
    }
    expect(bands.size).toBe(5);
  });
});

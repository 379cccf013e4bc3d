import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lt, type EvaluationInputDraft } from '../domain/index.ts';
import { addNode, baseClient, buildPack } from '../testing/fixtures.ts';
import { compilePack, type CompiledPack } from './compilePack.ts';
import { computeCoverage, type Coverage, type CoverageRun } from './coverage.ts';
import { evaluate } from './evaluate.ts';
import { loadStarterPack, starterPackNames } from '../testing/starterPackFiles.ts';

function run(compiled: CompiledPack, testId: string, input: EvaluationInputDraft): CoverageRun {
  return { testId, trace: evaluate(compiled, input, { trace: true }).trace ?? [] };
}

const covered = (c: Coverage) =>
  c.items
    .filter((i) => i.tests.length > 0)
    .map((i) => `${i.nodeId}/${i.key}`)
    .sort();
const find = (c: Coverage, nodeId: string, key: string) =>
  c.items.find((i) => i.nodeId === nodeId && i.key === key);

describe('computeCoverage', () => {
  const compiled = compilePack(buildPack());

  it('lists every band, limit, knock-out, rule, cell and policy, none covered without runs', () => {
    const c = computeCoverage(compiled, []);
    expect(c.byKind).toEqual({
      band: { covered: 0, total: 5 },
      limit: { covered: 0, total: 1 },
      knockout: { covered: 0, total: 1 },
      rule: { covered: 0, total: 2 },
      row: { covered: 0, total: 0 },
      // 5 levels x 4 product risks in the catalogue; R2 has no product.
      cell: { covered: 0, total: 20 },
      policy: { covered: 0, total: 5 },
    });
    expect(c.total).toBe(34);
    expect(c.runs).toBe(0);
    expect(find(c, 'm', 'risk:C3xR2')?.unreachable).toBe(true);
    expect(find(c, 'cls', '2:C3')?.path).toBe('$.graph.nodes[3].config.bands[2]');
    expect(find(c, 'q', 'Q4=yes')?.path).toBe(
      '$.questionnaires[0].sections[0].questions[3].options[0]',
    );
  });

  it('an ordinary client covers its band, its matrix row and the enhanced-procedure flag', () => {
    const c = computeCoverage(compiled, [run(compiled, 't1', baseClient())]);
    expect(covered(c)).toEqual([
      'cls/2:C3',
      'm/flag:4',
      'm/risk:C3xR1',
      'm/risk:C3xR3',
      'm/risk:C3xR4',
      'm/risk:C3xR5',
    ]);
    expect(find(c, 'cls', '2:C3')?.tests).toEqual(['t1']);
    expect(c.covered).toBe(6);
  });

  it('a knock-out covers the option, the cap it triggers and the lowest-category escalation', () => {
    const c = computeCoverage(compiled, [
      run(compiled, 'ko', baseClient({ answers: { ...baseClient().answers, Q4: 'yes' } })),
    ]);
    expect(find(c, 'q', 'Q4=yes')?.tests).toEqual(['ko']);
    expect(find(c, 'cls', 'cap:0')?.tests).toEqual(['ko']);
    expect(find(c, 'm', 'escalate:2')?.tests).toEqual(['ko']);
    expect(find(c, 'm', 'escalate:3')?.tests).toEqual([]);
  });

  it('an exempt client covers the exemption but no matrix cell; rules count when they fire', () => {
    const pro = baseClient({ facts: { age: 75, professional: true }, initiator: 'firm' });
    const c = computeCoverage(compiled, [run(compiled, 'pro', pro)]);
    const cells = c.items.filter((i) => i.kind === 'cell' && i.tests.length > 0);
    expect(cells).toEqual([]);
    expect(find(c, 'm', 'exempt:1')?.tests).toEqual(['pro']);
    expect(find(c, 'r', 'senior')?.tests).toEqual(['pro']);
    expect(find(c, 'r', 'firm')?.tests).toEqual(['pro']);
    // Nothing is left at warn for the firm-initiated escalation to act on.
    expect(find(c, 'm', 'escalate:3')?.tests).toEqual([]);
  });

  it('a test run twice is recorded once per item', () => {
    const client = run(compiled, 'twice', baseClient());
    const c = computeCoverage(compiled, [client, client, run(compiled, 'other', baseClient())]);
    expect(find(c, 'cls', '2:C3')?.tests).toEqual(['twice', 'other']);
    expect(c.runs).toBe(3);
  });

  it('table rows count when matched', () => {
    const pack = buildPack((p) =>
      addNode(
        p,
        {
          id: 't',
          kind: 'table',
          config: {
            hitPolicy: 'first',
            inputs: [{ id: 'age', label: lt('年龄', 'Age'), type: 'number', ref: 'age' }],
            outputs: [{ id: 'o', label: lt('o', 'o'), type: 'number' }],
            rows: [
              { id: 'young', inputs: ['< 30'], outputs: [1] },
              { id: 'rest', inputs: ['-'], outputs: [2] },
            ],
          },
        },
        ['in'],
      ),
    );
    const tableCompiled = compilePack(pack);
    const c = computeCoverage(tableCompiled, [run(tableCompiled, 'a', baseClient())]);
    expect(find(c, 't', 'young')?.tests).toEqual([]);
    expect(find(c, 't', 'rest')?.tests).toEqual(['a']);
    expect(c.byKind.row).toEqual({ covered: 1, total: 2 });
  });
});

describe.each(starterPackNames)('coverage of %s', (file) => {
  const compiled = compilePack(loadStarterPack(file));
  const runs: CoverageRun[] = [];
  for (const t of compiled.pack.tests) {
    if (t.expect.error !== undefined) continue;
    runs.push(run(compiled, t.id, t.input));
  }

  it('its own tests cover a band of every classification and name only its tests', () => {
    const c = computeCoverage(compiled, runs);
    const ids = new Set(compiled.pack.tests.map((t) => t.id));
    expect(c.covered).toBeGreaterThan(0);
    for (const i of c.items) for (const id of i.tests) expect(ids.has(id)).toBe(true);
    for (const node of compiled.pack.graph.nodes)
      if (node.kind === 'classify')
        expect(
          c.items.some((i) => i.nodeId === node.id && i.kind === 'band' && i.tests.length),
        ).toBe(true);
  });

  it('what two sets of runs cover together is what each covers, joined', () => {
    fc.assert(
      fc.property(fc.subarray(runs), fc.subarray(runs), (a, b) => {
        const joined = new Set(covered(computeCoverage(compiled, [...a, ...b])));
        const each = new Set([
          ...covered(computeCoverage(compiled, a)),
          ...covered(computeCoverage(compiled, b)),
        ]);
        expect([...joined].sort()).toEqual([...each].sort());
      }),
      { seed: 7, numRuns: 25 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { compilePack } from '../../compilePack.ts';
import { evaluate } from '../../evaluate.ts';
import { validatePack } from '../../validatePack.ts';
import { LOAN_MODEL, LOAN_TESTS } from '../../../testing/dmn/loanModel.ts';
import { importDmn } from './importDmn.ts';
import { runTckModel, sameDecimal } from './runTck.ts';

const input = (facts: Record<string, unknown>) =>
  ({ clientId: 't', facts, answers: {}, evaluationDate: '2026-01-01' }) as never;

describe('DMN import', () => {
  it('maps input data, tables, expressions and requirements into a valid pack', async () => {
    const { pack, issues, mapping } = await importDmn(LOAN_MODEL);
    expect(pack.semantics).toBe('dmn');
    expect(validatePack(pack).filter((p) => p.severity === 'error')).toEqual([]);
    const facts = Object.fromEntries(pack.vocabulary.facts.map((f) => [f.id, f.type]));
    expect(facts).toEqual({
      Applicant_Age: 'number',
      Risk: 'enum',
      'Loan-amount': 'number',
      'Loan-rate': 'number',
      'Loan-term': 'number',
    });
    const band = pack.graph.nodes.find((n) => n.id === 'Risk_Band');
    expect(band?.kind).toBe('table');
    if (band?.kind !== 'table') return;
    expect(band.config.hitPolicy).toBe('priority');
    expect(band.config.outputs[0]?.values).toEqual(['Red', 'Amber', 'Green']);
    expect(band.config.rows.map((r) => r.inputs)).toEqual([
      ['[18..25)', '-'],
      ['-', '"High"'],
      ['>= 18', 'not("High")'],
    ]);
    // The requirement Offer -> Risk Band is an edge, as is every input the tables read.
    const edges = pack.graph.edges.map((e) => `${e.source}>${e.target}`);
    expect(edges).toEqual(
      expect.arrayContaining(['Risk_Band>Offer', 'input>Risk_Band', 'input>Monthly_Payment']),
    );
    expect(mapping.decisions.get('Offer')).toEqual({
      components: new Map([
        ['Status', 'Offer-Status'],
        ['Limit', 'Offer-Limit'],
      ]),
    });
    // The date cell is left out with its element id and text; the rest of the table imports.
    expect(issues).toEqual([
      expect.objectContaining({ elementId: 'b4a', text: 'date("2020-01-01")', severity: 'error' }),
    ]);
  });

  it('evaluates with DMN semantics: no match is null, numbers are decimals', async () => {
    const { pack } = await importDmn(LOAN_MODEL);
    const compiled = compilePack(pack);
    const young = evaluate(compiled, input({ Applicant_Age: 16, Risk: 'Medium' }));
    expect(young.outputs).toMatchObject({
      Risk_Band: null,
      Adult: null,
      'Offer-Status': 'Refer',
      'Offer-Limit': 0,
    });
    const older = evaluate(
      compiled,
      input({
        Applicant_Age: 45,
        Risk: 'High',
        'Loan-amount': 30000,
        'Loan-rate': 0.0475,
        'Loan-term': 60,
      }),
    );
    expect(older.outputs).toMatchObject({
      Risk_Band: 'Red',
      Points: 15.5,
      'Offer-Status': 'Refer',
    });
    expect(sameDecimal(older.outputs['Monthly_Payment'], '562.707359373266')).toBe(true);
  });

  it('merges into a pack without changing its semantics, reusing facts by label', async () => {
    const { pack: first } = await importDmn(LOAN_MODEL);
    const { pack, mapping } = await importDmn(LOAN_MODEL, { into: first });
    expect(pack.semantics).toBe('dmn');
    expect(pack.vocabulary.facts).toHaveLength(first.vocabulary.facts.length + 3);
    expect(mapping.inputs.get('Applicant Age')).toEqual({ fact: 'Applicant_Age' });
    expect(pack.graph.nodes.filter((n) => n.kind === 'output')).toHaveLength(1);
    expect(validatePack(pack).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('refuses a file that is not DMN', async () => {
    await expect(importDmn('<html/>')).rejects.toThrow();
  });
});

describe('TCK runner', () => {
  it('runs every test case and says why one fails', async () => {
    const results = await runTckModel(LOAN_MODEL, [{ name: 'loans-test-01.xml', xml: LOAN_TESTS }]);
    expect(results.map((r) => [r.id, r.pass])).toEqual([
      ['001', true],
      ['002', true],
      ['003', false],
    ]);
    expect(results[2]?.detail).toBe('Risk Band: expected Green, got "Red"');
  });

  it('compares numbers as decimals to 12 significant digits', () => {
    expect(sameDecimal(2778.693549432746, '2778.69354943277')).toBe(true);
    expect(sameDecimal(10000, '10000')).toBe(true);
    expect(sameDecimal(1.0001, '1')).toBe(false);
    expect(sameDecimal('1', '1')).toBe(false);
  });
});

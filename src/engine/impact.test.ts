import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parsePack, type EvaluationInputDraft, type Pack } from '../domain/index.ts';
import { createPopulation } from './population/population.ts';
import {
  analyzeImpact,
  impactToCsv,
  type AffectedClient,
  levelOutputOf,
  mergeImpactReports,
  IMPACT_ABSENT,
  IMPACT_CSV_COLUMNS,
} from './impact.ts';
import { FORMULA_TEXTS } from '../testing/csvInjection.ts';
import { compilePack } from './compilePack.ts';
import { evaluate } from './evaluate.ts';
import csrcText from '../../rule-packs/cn-csrc-2017/pack.json?raw';
import mifidText from '../../rule-packs/eu-mifid2/pack.json?raw';

function load(text: string): Pack {
  const result = parsePack(text);
  if (!result.ok) throw new Error('starter pack must parse');
  return result.pack;
}

/** The same pack with the C2 / C3 boundary moved from 36 / 37 to 39 / 40. */
function movedBoundary(pack: Pack): Pack {
  const next = structuredClone(pack);
  const classify = next.graph.nodes.find((n) => n.id === 'classify');
  if (classify?.kind !== 'classify') throw new Error('csrc pack has a classify node');
  const [, c2, c3] = classify.config.bands;
  if (c2?.max !== 36 || c3?.min !== 37) throw new Error('csrc bands moved; update this test');
  c2.max = 39;
  c3.min = 40;
  return next;
}

const csrc = load(csrcText);
const a = compilePack(csrc);
const b = compilePack(movedBoundary(csrc));
const clients: EvaluationInputDraft[] = [
  ...csrc.sampleClients.map((c) => c.input),
  ...createPopulation(csrc, { seed: 7, evaluationDate: '2026-06-01' }).take(1500),
];
const report = analyzeImpact(a, b, clients);

describe('analyzeImpact: a moved C2 / C3 boundary in cn-csrc-2017', () => {
  it('reads the level the product matrix reads', () => {
    expect(report.levelOutput).toEqual({ a: 'level', b: 'level' });
    expect(levelOutputOf(load(mifidText))).toBe('band');
  });

  it('moves exactly the C3 clients scoring 37-39 down to C2, and no one else', () => {
    const movers = clients.filter((c) => {
      const r = evaluate(a, c, { rationale: false });
      const score = r.outputs.score as number;
      return r.outputs.level === 'C3' && score >= 37 && score <= 39;
    });
    expect(movers.length).toBeGreaterThan(3);
    expect(report.levelMatrix.C3?.C2).toBe(movers.length);
    for (const [from, row] of Object.entries(report.levelMatrix))
      for (const [to, count] of Object.entries(row))
        if (from !== to && !(from === 'C3' && to === 'C2'))
          expect({ from, to, count }).toBeUndefined();
    const cells = Object.values(report.levelMatrix).flatMap((row) => Object.values(row));
    expect(cells.reduce((s, n) => s + n, 0)).toBe(clients.length);
    expect(report.total).toBe(clients.length);
    expect(report.levels.filter((l) => l.startsWith('C'))).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
  });

  it('lists each affected client with the verdicts each version gives', () => {
    expect(report.affected.length).toBe(report.levelMatrix.C3?.C2);
    for (const client of report.affected) {
      const input = clients[client.index] as EvaluationInputDraft;
      const ra = evaluate(a, input);
      const rb = evaluate(b, input);
      expect([client.levelA, client.levelB]).toEqual(['C3', 'C2']);
      const changed = Object.keys(ra.products).filter(
        (p) => ra.products[p]?.verdict !== rb.products[p]?.verdict,
      );
      expect(client.changedProducts.map((p) => p.product)).toEqual(changed);
      for (const p of client.changedProducts) {
        expect(p.from).toBe(ra.products[p.product]?.verdict);
        expect(p.to).toBe(rb.products[p.product]?.verdict);
      }
    }
    const changes = report.affected.flatMap((c) => c.changedProducts);
    expect(changes.length).toBeGreaterThan(0);
    const counted = Object.values(report.verdictChanges)
      .flatMap((from) => Object.values(from))
      .flatMap((to) => Object.values(to))
      .reduce((s, n) => s + n, 0);
    expect(counted).toBe(changes.length);
    // A lower level is never allowed more: no verdict becomes less severe.
    const severity = ['allowed', 'warn', 'prohibited'];
    for (const p of changes)
      expect(severity.indexOf(p.to)).toBeGreaterThan(severity.indexOf(p.from));
  });

  it('finds nothing between a version and itself', () => {
    const same = analyzeImpact(a, a, clients.slice(0, 50));
    expect(same.affected).toEqual([]);
    expect(same.verdictChanges).toEqual({});
  });

  it('counts a product only one version has as absent in the other', () => {
    const fewer = structuredClone(csrc);
    const removed = fewer.products.items.shift();
    fewer.tests = fewer.tests.filter((t) => !JSON.stringify(t.expect).includes(`"${removed?.id}"`));
    const r = analyzeImpact(a, compilePack(fewer), clients.slice(0, 20));
    expect(r.affected).toHaveLength(20);
    const id = removed?.id as string;
    expect(Object.keys(r.verdictChanges)).toEqual([id]);
    expect(
      Object.values(r.verdictChanges[id] ?? {}).every(
        (to) => Object.keys(to).join() === IMPACT_ABSENT,
      ),
    ).toBe(true);
  });

  it('records evaluation errors per version instead of stopping', () => {
    const bad = {
      ...clients[0],
      answers: { ...clients[0]?.answers, Q1: 'nope' },
    } as EvaluationInputDraft;
    const r = analyzeImpact(a, b, [bad]);
    expect(r.errors).toEqual({ a: 1, b: 1 });
    expect(r.levelMatrix).toEqual({ error: { error: 1 } });
    expect(r.affected).toEqual([]);
  });
});

describe('mergeImpactReports', () => {
  it('gives the report of one pass from slices analysed apart and merged in any order', () => {
    const sizes = [700, 1, 0, 400];
    const slices: { from: number; to: number }[] = [];
    let from = 0;
    for (const size of sizes) slices.push({ from, to: (from += size) });
    slices.push({ from, to: clients.length });
    const parts = slices.map(({ from, to }) =>
      analyzeImpact(a, b, clients.slice(from, to), { firstIndex: from }),
    );
    expect(mergeImpactReports(csrc, movedBoundary(csrc), parts.reverse())).toEqual(report);
  });

  it('numbers unnamed clients from where their slice starts', () => {
    const unnamed = clients.map(({ clientId: _id, ...rest }) => rest);
    const half = Math.floor(unnamed.length / 2);
    const whole = analyzeImpact(a, b, unnamed);
    const merged = mergeImpactReports(csrc, csrc, [
      analyzeImpact(a, b, unnamed.slice(half), { firstIndex: half }),
      analyzeImpact(a, b, unnamed.slice(0, half)),
    ]);
    expect(whole.affected.some((c) => c.index >= half && c.id === `#${c.index}`)).toBe(true);
    expect(merged.affected).toEqual(whole.affected);
    expect(mergeImpactReports(csrc, csrc, [])).toMatchObject({
      total: 0,
      levels: [],
      affected: [],
    });
  });
});

describe('impactToCsv', () => {
  it('writes one row per affected client, readable back', () => {
    const rows = Papa.parse<string[]>(impactToCsv(report), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...IMPACT_CSV_COLUMNS]);
    expect(rows).toHaveLength(report.affected.length + 1);
    const first = report.affected[0];
    expect(rows[1]?.slice(0, 4)).toEqual([
      first?.id,
      'C3',
      'C2',
      String(first?.changedProducts.length),
    ]);
    expect(rows[1]?.[4]).toBe(
      first?.changedProducts.map((p) => `${p.product}: ${p.from} -> ${p.to}`).join('; '),
    );
  });

  it('writes client ids starting with an OWASP formula lead as text', () => {
    const hostile = {
      ...report,
      affected: FORMULA_TEXTS.map((id) => ({ ...(report.affected[0] as AffectedClient), id })),
    };
    const rows = Papa.parse<string[]>(impactToCsv(hostile), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r[0])).toEqual(FORMULA_TEXTS.map((t) => `'${t}`));
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportJdm } from '../../src/engine/index.ts';
import { buildPack } from '../../src/testing/fixtures.ts';
import { csrcPopulationConfig, loadCsrcPack, loadPackFile } from '../bench/workload.ts';
import { differential } from './differential.ts';

const PACKS = fileURLToPath(new URL('../../rule-packs/', import.meta.url));
const starterPack = (id: string) => loadPackFile(`${PACKS}${id}/pack.json`);

describe('JDM export through zen-engine agrees with the compiled engine', () => {
  it('cn-csrc-2017: 2,000 seeded clients, identical levels, flags and product verdicts', async () => {
    const counts = await differential(loadCsrcPack(), csrcPopulationConfig(2017), 2000);
    expect(counts).toMatchObject({ compared: 2000, tableErrors: {}, refused: {} });
    expect(counts.distinct['level']).toBe(5);
    // zen-engine takes ~3 ms of CPU per CSRC client: room for a busy machine.
  }, 180_000);

  it('cn-bank-wealth: 500 seeded clients with default distributions', async () => {
    const counts = await differential(
      starterPack('cn-bank-wealth'),
      { seed: 11, evaluationDate: '2026-06-01' },
      500,
    );
    expect(counts).toMatchObject({ compared: 500, tableErrors: {}, refused: {} });
  });

  it('eu-mifid2: 1,000 seeded clients, the accepted SRI levels of its decision table included', async () => {
    const pack = starterPack('eu-mifid2');
    const counts = await differential(pack, { seed: 2014, evaluationDate: '2026-06-01' }, 1000);
    expect(counts).toMatchObject({ compared: 1000, tableErrors: {}, refused: {} });
    // Every band, so every row of the SRI table both matched and did not.
    expect(counts.distinct).toMatchObject({ band: 5, acceptedSri: 5 });
  }, 120_000);

  it('the mini pack: show-if, numeric bands, a knock-out cap and partial answers', async () => {
    const counts = await differential(
      buildPack(),
      { seed: 5, evaluationDate: '2026-06-01', unanswered: 0.1, coherence: 0.3 },
      500,
    );
    expect(counts).toMatchObject({ compared: 500, tableErrors: {}, refused: {} });
  });
});

describe('what the JDM export covers', () => {
  it('every starter pack exports with nothing it cannot express', () => {
    const ids = readdirSync(PACKS).filter((id) => existsSync(`${PACKS}${id}/pack.json`));
    expect(ids).toEqual(expect.arrayContaining(['cn-bank-wealth', 'cn-csrc-2017', 'eu-mifid2']));
    for (const id of ids) {
      const errors = exportJdm(starterPack(id)).unsupported.filter((p) => p.severity === 'error');
      expect({ id, errors }).toEqual({ id, errors: [] });
    }
  });

  it('eu-mifid2: the SRI table, once reported as not exported, is a JDM decision table', () => {
    const { jdm, unsupported } = exportJdm(starterPack('eu-mifid2'));
    expect(unsupported.filter((p) => p.nodeId === 'sriFit')).toEqual([]);
    const table = jdm.nodes.find((n) => n.id === '_sriFit-rows');
    expect(table?.type).toBe('decisionTableNode');
    // Collect list is JDM's own collect; the rows come back in row order with their ids.
    expect(table?.content['hitPolicy']).toBe('collect');
    expect(table?.content['rules']).toHaveLength(7);
  });
});

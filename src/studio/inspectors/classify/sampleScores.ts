import type { LocalizedText, Pack } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { compilePack, evaluate, type ClassifyOutput } from '../../../engine/index.ts';

export type SampleScore = {
  id: string;
  name: LocalizedText;
  score: number;
  source: 'client' | 'test';
};
export type SampleScores =
  { ok: true; scores: SampleScore[]; failed: number } | { ok: false; message: LocalizedText };

/**
 * The score each sample client and test case brings to a classify node, whatever its bands: the
 * node runs with one band that holds every number and no limits, so a gap being edited right now
 * does not hide anyone. Other nodes run as they are.
 */
export function sampleScores(pack: Pack, nodeId: string): SampleScores {
  const index = pack.graph.nodes.findIndex((n) => n.id === nodeId);
  const node = pack.graph.nodes[index];
  if (node?.kind !== 'classify')
    return { ok: false, message: lt('不是分级节点', 'not a classify node') };
  const level = node.config.bands[0]?.level ?? '';
  const probeNode = {
    ...node,
    config: {
      ...node.config,
      bands: [{ level, min: -Number.MAX_VALUE, max: Number.MAX_VALUE }],
      caps: [],
      floors: [],
      rulesLimits: [],
    },
  };
  const nodes = pack.graph.nodes.slice();
  nodes[index] = probeNode;
  let compiled;
  try {
    compiled = compilePack({ ...pack, graph: { ...pack.graph, nodes } });
  } catch {
    return {
      ok: false,
      message: lt(
        '规则包有错误，修正后才能计算样本分数',
        'The pack has errors: fix them to see the sample scores',
      ),
    };
  }
  const people = [
    ...pack.sampleClients.map((c) => ({
      id: c.id,
      name: c.name,
      input: c.input,
      source: 'client' as const,
    })),
    ...pack.tests.map((c) => ({ id: c.id, name: c.name, input: c.input, source: 'test' as const })),
  ];
  const scores: SampleScore[] = [];
  let failed = 0;
  for (const p of people) {
    try {
      const result = evaluate(compiled, p.input, { trace: true, rationale: false });
      const out = result.trace?.find((t) => t.nodeId === nodeId)?.output as
        ClassifyOutput | undefined;
      if (out && typeof out.score === 'number')
        scores.push({ id: p.id, name: p.name, score: out.score, source: p.source });
      else failed++;
    } catch {
      failed++;
    }
  }
  return { ok: true, scores, failed };
}

/** How many scores fall in each band (a score counts in the first band that holds it, as evaluated). */
export function countPerBand(
  bands: readonly { min: number; max: number }[],
  scores: readonly number[],
): number[] {
  const counts = bands.map(() => 0);
  for (const s of scores) {
    const i = bands.findIndex((b) => b.min <= s && s <= b.max);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

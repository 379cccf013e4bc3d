import type { Pack } from '../../../domain/index.ts';
import type { ColumnType } from '../../../engine/index.ts';
import { questionnaireRange } from '../questionnaire/index.ts';
import type { AnalysisColumn } from './tableAnalysis.ts';
import type { TableConfig } from './tableEdits.ts';

/**
 * Where the values of an input column can lie: a number fact's min / max, or a questionnaire
 * node's score range. Gaps outside these cannot happen, so the analysis does not report them.
 */
export function refBounds(pack: Pack, ref: string): AnalysisColumn['bounds'] {
  const [root, key, ...rest] = ref.split('.');
  const fact = pack.vocabulary.facts.find((f) => f.id === root);
  if (fact?.type === 'number' && key === undefined) return { min: fact.min, max: fact.max };
  const node = pack.graph.nodes.find((n) => n.id === root);
  if (node?.kind === 'questionnaire' && key === 'total' && rest.length === 0) {
    const q = pack.questionnaires.find((x) => x.id === node.config.questionnaire);
    if (q) return questionnaireRange(q, node.config.knockoutZeroesScore);
  }
  return undefined;
}

export function levelsOf(pack: Pack, scale: string | undefined): string[] {
  return pack.vocabulary.scales.find((s) => s.id === scale)?.levels.map((l) => l.id) ?? [];
}

/** The analysis view of a table's input columns. */
export function analysisColumns(pack: Pack, config: TableConfig): AnalysisColumn[] {
  return config.inputs.map((c) => {
    const type: ColumnType =
      c.type === 'level' ? { type: 'level', levels: levelsOf(pack, c.scale) } : { type: c.type };
    return { type, bounds: c.type === 'number' ? refBounds(pack, c.ref) : undefined };
  });
}

// The analysis lives in the engine, where lint uses it too; the inspector's modules import it here.
export { analyzeTable } from '../../../engine/index.ts';
export type {
  AnalysisColumn,
  CellError,
  Gap,
  Overlap,
  TableAnalysis,
} from '../../../engine/index.ts';

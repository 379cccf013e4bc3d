export { TableInspector } from './TableInspector.tsx';
export { analyzeTable } from './tableAnalysis.ts';
export type { TableAnalysis, Gap, Overlap, CellError } from './tableAnalysis.ts';

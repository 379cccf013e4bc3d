export { importDmn } from './importDmn.ts';
export type { DmnImport } from './importDmn.ts';
export type { DmnIssue, DmnMapping } from './dmnNames.ts';
export { DmnReadError } from './readDmn.ts';
export { runTckModel, sameDecimal } from './runTck.ts';
export type { TckCaseResult } from './runTck.ts';
export { exportDmn, PRODUCT_RISK } from './exportDmn.ts';
export type { DmnExport, DmnExportNote } from './exportDmn.ts';

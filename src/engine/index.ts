/**
 * The suitability engine: validate a pack, compile it once, evaluate clients synchronously.
 *
 * @example
 * import { compilePack, evaluate, runTests, validatePack } from './engine/index.ts';
 * const problems = validatePack(pack); // [] when the pack is sound
 * const compiled = compilePack(pack); // throws PackInvalidError on errors
 * const result = evaluate(compiled, { facts: { age: 35 }, answers: { Q1: 'A' }, evaluationDate: '2026-06-01' });
 * const report = runTests(compiled); // the pack's own test cases
 */
export { validatePack, nodeOutputTypes } from './validatePack.ts';
export { compilePack } from './compilePack.ts';
export type { CompiledPack, CompileOptions } from './compilePack.ts';
export { evaluate, evaluateAll } from './evaluate.ts';
export { runTests, formatTestReport, compareResult } from './runTests.ts';
export { compileCondition } from './conditions.ts';
export { isDate, periodLastDay, periodOver } from './dates.ts';
export { factRequiredFor } from './inputCheck.ts';
export type { FactSource } from './conditions.ts';
export { applyRuleEvents, ruleRunOrder } from './nodes/rules.ts';
export type { RulesOutput } from './nodes/rules.ts';
export { NODE_KIND_REGISTRY, kindOf } from './nodes/index.ts';
export type { NodeKindDef, ValidateContext, CompileContext } from './nodes/index.ts';
export { parseUnaryTests } from './table/unaryTests.ts';
export type { ColumnType, ParsedTests } from './table/unaryTests.ts';
export { compileGetter } from './scope.ts';
export { orderGraph } from './graphOrder.ts';
export type { ValueType } from './valueTypes.ts';
export { T, typeFits, describeType, typeAtPath } from './valueTypes.ts';
export { factType, answerType, CONTEXT_TYPE, RESERVED_ROOTS } from './refTypes.ts';
export type { QuestionnaireOutput } from './questionnaire/scoring.ts';
export type { ClassifyOutput } from './nodes/classify.ts';
export type { MatchOutput } from './nodes/match.ts';
export type { TableOutput } from './nodes/table.ts';
export { EvaluationError, PackInvalidError } from './types.ts';
export type {
  Problem,
  EvaluationResult,
  ProductVerdict,
  NodeTrace,
  CompiledNode,
  Scope,
  EvaluateOptions,
  TestReport,
  TestCaseReport,
  TestDifference,
} from './types.ts';
export { diffPacks, DIFF_AREAS } from './diff.ts';
export type { DiffEntry, DiffArea } from './diff.ts';
export { conditionFacts, conditionProblems } from './conditions.ts';
export type { ConditionTest } from './conditions.ts';
export { compilePath, parsePath, createSafePathResolver } from './safePath.ts';
export type { PathReader } from './safePath.ts';
export { exportJsonRulesEngine, toJreRule } from './interop/exportJre.ts';
export type {
  JreExport,
  JreRule,
  JreRuleSet,
  JreMatchCondition,
  JreFactNeed,
} from './interop/exportJre.ts';
export { evaluateReference, evaluateRulesReference } from './interop/reference.ts';
export { addPackOperators } from './interop/jreOperators.ts';
export { exportJdm } from './interop/exportJdm.ts';
export { exportJsModule } from './interop/js/exportJs.ts';
export type { JsModule } from './interop/js/exportJs.ts';
export { exportSql, inputColumns, sqlLiteral } from './interop/sql/exportSql.ts';
export type { SqlExport, SqlDialect } from './interop/sql/exportSql.ts';
export type { JdmExport, JdmGraph, JdmNode } from './interop/exportJdm.ts';
export { computeCoverage, COVERAGE_KINDS } from './coverage.ts';
export type {
  Coverage,
  CoverageItem,
  CoverageKind,
  CoverageRun,
  CoverageTotals,
} from './coverage.ts';
export { compileShowIf } from './questionnaire/showIf.ts';
export { prepareWhatIf, primaryClassify, VERDICT_CODES, VERDICT_ERROR } from './whatIf.ts';
export type { WhatIfShape, WhatIfTable, WhatIfProfiler, ClientProfile } from './whatIf.ts';
export { createWhatIfBuilder, countWhatIf } from './whatIfCounts.ts';
export type { WhatIfCounts } from './whatIfCounts.ts';
export {
  analyzeImpact,
  impactToCsv,
  levelOutputOf,
  mergeImpactReports,
  IMPACT_ABSENT,
  IMPACT_CSV_COLUMNS,
  IMPACT_ERROR,
  IMPACT_NONE,
} from './impact.ts';
export type { AffectedClient, ImpactReport, ProductChange } from './impact.ts';
export { analyzeTable } from './lint/tableAnalysis.ts';
export type {
  AnalysisColumn,
  CellError,
  Gap,
  Overlap,
  TableAnalysis,
} from './lint/tableAnalysis.ts';
export { lintPack, checkPack } from './lint/lintPack.ts';
export { checkPublishable, isPublishable, publishRefusal } from './publishCheck.ts';
export type { PublishCheck } from './publishCheck.ts';
export { createRangeFinder } from './lint/valueRange.ts';
export type { ValueRange } from './lint/valueRange.ts';
export {
  createPopulation,
  createRandom,
  defaultFactDistribution,
} from './population/population.ts';
export type { FactDistribution, PopulationConfig } from './population/population.ts';
export {
  analyzeQuestionnaire,
  analyticsShape,
  analyticsToCsv,
  alternativesOf,
  emptyAnalyticsPart,
  mergeAnalyticsParts,
  prepareAnalytics,
  reliability,
  summarizeAnalytics,
  ALL_QUESTIONS,
  ANALYTICS_CSV_COLUMNS,
} from './analytics/index.ts';
export type {
  AnalyticsOptions,
  AnalyticsPart,
  AnalyticsReport,
  AnalyticsShape,
  DimensionFigures,
  QuestionFigures,
  Rate,
  Reliability,
} from './analytics/index.ts';
export * from './monitoring/index.ts';

import type { LocalizedText, Reason, Verdict, FactValue, NodeKind } from '../domain/index.ts';

/** A problem found in a pack, located by JSON path, with a message in every UI locale. */
export type Problem = {
  /** Stable code, e.g. `graph.cycle`, `ref.unknown`, `band.gap`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** JSON path into the pack, e.g. `$.graph.nodes[3].config.bands[1].min`. */
  path: string;
  /** The graph node the problem belongs to, when there is one. */
  nodeId?: string;
  message: LocalizedText;
};

/** One product's outcome. */
export type ProductVerdict = {
  verdict: Verdict;
  reasons: Reason[];
  /** Per match dimension: pass, fail, or skipped (exempt). */
  checks: Record<string, 'pass' | 'fail' | 'skipped'>;
  /** Product-level flags, e.g. `enhancedProcedure`. */
  flags: string[];
};

export type NodeTrace = {
  nodeId: string;
  kind: NodeKind;
  /** The part of the scope the node read. */
  input: Record<string, unknown>;
  output: unknown;
  /** Rules fired, table rows matched (ids), bands / matrix cells hit (`C3`, `C2xR3`). */
  fired: string[];
  micros: number;
};

export type EvaluationResult = {
  /** Named outputs of the output node. */
  outputs: Record<string, FactValue>;
  /** Flags that are true (output entries of kind `flag`). */
  flags: string[];
  products: Record<string, ProductVerdict>;
  /** Plain-language sentences a client could be shown. */
  rationale: LocalizedText[];
  trace?: NodeTrace[];
};

/** An evaluation that cannot produce a result: bad input, a broken unique table, a gap in bands. */
export class EvaluationError extends Error {
  readonly code: string;
  readonly path: string;
  readonly nodeId: string | undefined;
  readonly localized: LocalizedText;
  constructor(code: string, localized: LocalizedText, path = '$', nodeId?: string) {
    super(localized.en);
    this.name = 'EvaluationError';
    this.code = code;
    this.path = path;
    this.nodeId = nodeId;
    this.localized = localized;
  }
}

/** A pack that failed validation: compilePack refuses it and carries every problem found. */
export class PackInvalidError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `pack has ${errors.length} error(s): ` +
        errors
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message.en}`)
          .join('; '),
    );
    this.name = 'PackInvalidError';
    this.problems = problems;
  }
}

/** The evaluation scope: fact ids, `answers`, `context` and upstream node ids to their values. */
export type Scope = Record<string, unknown>;

/** One node compiled into a closure; `order` lists them so that any walker runs them in turn. */
export type CompiledNode = {
  id: string;
  kind: NodeKind;
  node: import('../domain/index.ts').GraphNode;
  run: (scope: Scope) => unknown;
  /** Values the node read, keyed by reference, for the trace. */
  reads: (scope: Scope) => Record<string, unknown>;
  /** What fired in this node (rule names, row ids, bands, matrix cells), for the trace. */
  fired: (output: unknown, scope: Scope) => string[];
};

export type EvaluateOptions = {
  trace?: boolean;
  /** A clock in milliseconds (e.g. `performance.now`), used only to time nodes in the trace. */
  now?: () => number;
  /** Locale of thrown errors' `message`; the result always carries every locale. */
  locale?: string;
  /** Build the plain-language rationale (default true); batch runs may skip it. */
  rationale?: boolean;
};

export type TestDifference = { path: string; expected: unknown; actual: unknown };

export type TestCaseReport = {
  id: string;
  name: LocalizedText;
  passed: boolean;
  differences: TestDifference[];
  /** The error thrown, when evaluation failed. */
  error?: { code: string; path: string; message: LocalizedText };
};

export type TestReport = {
  passed: number;
  failed: number;
  total: number;
  cases: TestCaseReport[];
};

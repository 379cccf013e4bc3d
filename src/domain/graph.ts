import { z } from 'zod';
import { IdSchema, ValueRefSchema } from './ids.ts';
import { LocalizedTextSchema } from './localized.ts';
import { TopLevelConditionSchema } from './conditions.ts';
import { BasisSchema } from './basis.ts';

/** A reason attached to a verdict, a flag or a cap: a stable code plus text a client can read. */
export const ReasonSchema = z.strictObject({ code: IdSchema, text: LocalizedTextSchema });
export type Reason = z.infer<typeof ReasonSchema>;

export const VERDICTS = ['allowed', 'warn', 'prohibited'] as const;
/** allowed / allowed with warning and client confirmation / prohibited. */
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

// ---------------------------------------------------------------------------------------------
// Node configurations, one per kind.

/** The evaluation input: client facts, answers, assessment and evaluation dates, initiator. */
export const InputConfigSchema = z.strictObject({});

/** Scores the answers of one questionnaire: per question, per dimension, total, knock-outs. */
export const QuestionnaireConfigSchema = z.strictObject({
  questionnaire: IdSchema,
  /** A fired knock-out sets the total to 0 (the CSRC practice); otherwise it only raises its flag. */
  knockoutZeroesScore: z.boolean().default(true),
});

/** Combines numbers with weights; no free code. */
export const ScoreConfigSchema = z.strictObject({
  terms: z.array(z.strictObject({ ref: ValueRefSchema, weight: z.number().default(1) })).min(1),
  combine: z.enum(['weightedSum', 'min', 'max']).default('weightedSum'),
  /** Linear rescale of the combined value from [fromMin, fromMax] to [toMin, toMax]. */
  normalize: z
    .strictObject({
      fromMin: z.number(),
      fromMax: z.number(),
      toMin: z.number(),
      toMax: z.number(),
    })
    .optional(),
  round: z.enum(['none', 'floor', 'round', 'ceil']).default('none'),
});

/** What a fired rule does. Every effect lands in the rules node's output. */
export const RuleEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('flag'),
    params: z.strictObject({ name: IdSchema, reason: ReasonSchema.optional() }),
  }),
  z.strictObject({
    type: z.literal('set'),
    params: z.strictObject({
      name: IdSchema,
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    }),
  }),
  z.strictObject({
    type: z.literal('cap'),
    params: z.strictObject({ level: IdSchema, reason: ReasonSchema.optional() }),
  }),
  z.strictObject({
    type: z.literal('floor'),
    params: z.strictObject({ level: IdSchema, reason: ReasonSchema.optional() }),
  }),
  z.strictObject({ type: z.literal('reason'), params: ReasonSchema }),
]);
export type RuleEvent = z.infer<typeof RuleEventSchema>;

/** A json-rules-engine rule, as its own JSON format (name, priority, conditions, event). */
export const RuleSchema = z.strictObject({
  name: IdSchema,
  priority: z.number().int().positive().optional(),
  conditions: TopLevelConditionSchema,
  event: RuleEventSchema,
  description: LocalizedTextSchema.optional(),
  basis: BasisSchema.optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

export const RulesOutputSchema = z.strictObject({
  name: IdSchema,
  type: z.enum(['boolean', 'number', 'string']),
  default: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  label: LocalizedTextSchema.optional(),
});

export const RulesConfigSchema = z.strictObject({
  /** Scale that `cap` / `floor` events name levels of. */
  scale: IdSchema.optional(),
  outputs: z.array(RulesOutputSchema).default([]),
  rules: z.array(RuleSchema),
});

export const HIT_POLICIES = [
  'unique',
  'first',
  'priority',
  'any',
  'collect',
  'ruleOrder',
  'outputOrder',
] as const;
export const TableColumnSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  type: z.enum(['number', 'string', 'boolean', 'level']),
  /** For `level` columns: the scale the values come from. */
  scale: IdSchema.optional(),
  /** Output columns: the values in priority order, first highest (DMN output values; `priority`). */
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
});
/**
 * A decision table in the DMN sense. Input cells are unary tests written as in DMN:
 * `-` (any), `< 20`, `>= 54`, `[20..36]`, `(1..5]`, `"a","b"`, `C1, C2`, `not(C1)`, `true`.
 * Output cells are JSON literals.
 */
export const TableConfigSchema = z
  .strictObject({
    hitPolicy: z.enum(HIT_POLICIES),
    aggregation: z.enum(['list', 'sum', 'min', 'max', 'count']).default('list'),
    inputs: z.array(TableColumnSchema.extend({ ref: ValueRefSchema })).min(1),
    outputs: z.array(TableColumnSchema).min(1),
    rows: z.array(
      z.strictObject({
        id: IdSchema,
        inputs: z.array(z.string()),
        outputs: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
        annotation: z.string().optional(),
      }),
    ),
    /** Value when no row matches; without one, no match is an evaluation error. */
    defaultOutput: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((row, i) => {
      if (row.inputs.length !== t.inputs.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'inputs'],
          message: `expected ${t.inputs.length} input cells, got ${row.inputs.length}`,
        });
      if (row.outputs.length !== t.outputs.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'outputs'],
          message: `expected ${t.outputs.length} output cells, got ${row.outputs.length}`,
        });
    });
  });

/**
 * A literal expression in simple FEEL (S-FEEL, as DMN decisions hold them): arithmetic, comparisons,
 * `and` / `or`, strings, names and calls of the pack's own `functions`, e.g. `12 * Monthly Salary`.
 * Every name the expression reads is bound to a value reference, so the graph stays explicit.
 */
export const ExpressionConfigSchema = z.strictObject({
  expression: z.string().min(1),
  /** The type of `value`, what references to it may expect; `any` when it is not known. */
  type: z.enum(['number', 'string', 'boolean', 'any']).default('any'),
  /** What each name in the expression reads: `Monthly Salary` -> `monthlySalary`. */
  names: z.array(z.strictObject({ name: z.string().min(1), ref: ValueRefSchema })).default([]),
  /** Functions the expression may call (a DMN business knowledge model with a literal body). */
  functions: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        params: z.array(z.string().min(1)),
        body: z.string().min(1),
      }),
    )
    .default([]),
});

/** Caps (upper limits) and floors applied to a level when a boolean in scope is true. */
export const LevelLimitSchema = z.strictObject({
  when: ValueRefSchema,
  level: IdSchema,
  /** Flag raised when the limit applies, e.g. `lowestCategory` (最低类别). */
  flag: IdSchema.optional(),
  reason: ReasonSchema,
  basis: BasisSchema.optional(),
});

/** Score bands to an ordered level. Bands are inclusive `[min, max]`, lowest level first. */
export const ClassifyConfigSchema = z.strictObject({
  input: ValueRefSchema,
  scale: IdSchema,
  bands: z.array(z.strictObject({ level: IdSchema, min: z.number(), max: z.number() })).min(1),
  caps: z.array(LevelLimitSchema).default([]),
  floors: z.array(LevelLimitSchema).default([]),
  /** Upstream rules nodes whose `cap` / `floor` events limit the level. */
  rulesLimits: z.array(IdSchema).default([]),
});

const dimensionBase = {
  id: IdSchema,
  label: LocalizedTextSchema,
  /** Verdict when this dimension fails. */
  onFail: VerdictSchema.default('warn'),
  reason: ReasonSchema,
  /** Skipped for clients the `exempt` policy covers (e.g. professional investors). */
  exemptable: z.boolean().default(true),
  /**
   * A boolean in scope: the dimension applies only when it is `true` and is `skipped` otherwise
   * (e.g. suitability checks only in an advised sale). Without it, the dimension always applies.
   */
  appliesWhen: ValueRefSchema.optional(),
  basis: BasisSchema.optional(),
};

/** A dimension of matching; a product's verdict is the most severe over all dimensions. */
export const MatchDimensionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...dimensionBase,
    kind: z.literal('matrix'),
    /** Client level on `clientScale`, e.g. classify.level. */
    client: ValueRefSchema,
    clientScale: IdSchema,
    /** cells[clientLevel][productRisk] = verdict. Product risk comes from the catalogue. */
    cells: z.record(IdSchema, z.record(IdSchema, VerdictSchema)),
  }),
  z.strictObject({
    ...dimensionBase,
    kind: z.literal('compare'),
    client: ValueRefSchema,
    scale: IdSchema,
    /** `risk`, `horizon`, `variety` or `attributes.<name>`. */
    productField: z.string(),
    rule: z.enum(['productAtMostClient', 'productAtLeastClient']),
    whenMissing: z.enum(['pass', 'fail']).default('pass'),
  }),
  z.strictObject({
    ...dimensionBase,
    kind: z.literal('contains'),
    client: ValueRefSchema,
    productField: z.string(),
    /** clientInProduct: the client's value is one of the product's; productInClient: the reverse. */
    rule: z.enum(['clientInProduct', 'productInClient']),
    whenMissing: z.enum(['pass', 'fail']).default('pass'),
  }),
  z.strictObject({
    ...dimensionBase,
    kind: z.literal('condition'),
    /** Passes when this holds. The fact `product` is the product being matched. */
    when: TopLevelConditionSchema,
  }),
]);
export type MatchDimension = z.infer<typeof MatchDimensionSchema>;

const policyBase = {
  reason: ReasonSchema,
  basis: BasisSchema.optional(),
  /** `false` keeps the policy in the pack but does not apply it (e.g. a stricter firm option). */
  enabled: z.boolean().optional(),
};

/** Policies applied in order after the dimensions (CSRC 2017 Arts. 19-22). */
export const MatchPolicySchema = z.discriminatedUnion('kind', [
  /** Every product gets `verdict` (e.g. an expired profile blocks all purchases). */
  z.strictObject({
    ...policyBase,
    kind: z.literal('blockAll'),
    when: ValueRefSchema,
    verdict: VerdictSchema.default('prohibited'),
  }),
  /** Exemptable dimensions are skipped (e.g. professional investors). */
  z.strictObject({ ...policyBase, kind: z.literal('exempt'), when: ValueRefSchema }),
  /**
   * A verdict becomes more severe, e.g. lowest category or firm-initiated: warn -> prohibited.
   * With `dimensions`, only when one of those dimensions failed (e.g. the risk dimension alone
   * for the lowest category, CSRC 2017 Art. 22(5)).
   */
  z.strictObject({
    ...policyBase,
    kind: z.literal('escalate'),
    when: ValueRefSchema,
    from: VerdictSchema,
    to: VerdictSchema,
    dimensions: z.array(IdSchema).min(1).optional(),
  }),
  /** Raises a product flag, e.g. the enhanced procedure on every R4/R5 sale (CSRC Art. 20). */
  z.strictObject({
    ...policyBase,
    kind: z.literal('flag'),
    flag: IdSchema,
    verdicts: z.array(VerdictSchema).min(1),
    productRiskAtLeast: IdSchema.optional(),
    when: ValueRefSchema.optional(),
  }),
]);
export type MatchPolicy = z.infer<typeof MatchPolicySchema>;

/** A policy applies unless its author switched it off (`enabled: false`). */
export const isPolicyEnabled = (p: MatchPolicy): boolean => p.enabled !== false;

/** Matches every catalogue product to the client: a verdict per product with reasons. */
export const MatchConfigSchema = z.strictObject({
  dimensions: z.array(MatchDimensionSchema).min(1),
  policies: z.array(MatchPolicySchema).default([]),
});

/** The named results the pack exposes. */
export const OutputConfigSchema = z.strictObject({
  outputs: z.array(
    z.strictObject({
      name: IdSchema,
      ref: ValueRefSchema,
      /** Flags are booleans listed in the result's `flags`. */
      kind: z.enum(['value', 'flag']).default('value'),
      label: LocalizedTextSchema.optional(),
    }),
  ),
  /** The match node whose verdicts the result carries. */
  verdicts: IdSchema.optional(),
});

// ---------------------------------------------------------------------------------------------
// Nodes and edges.

export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });

const nodeBase = {
  id: IdSchema,
  label: LocalizedTextSchema.optional(),
  description: LocalizedTextSchema.optional(),
  position: PositionSchema.default({ x: 0, y: 0 }),
};

export const NodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...nodeBase, kind: z.literal('input'), config: InputConfigSchema.default({}) }),
  z.strictObject({
    ...nodeBase,
    kind: z.literal('questionnaire'),
    config: QuestionnaireConfigSchema,
  }),
  z.strictObject({ ...nodeBase, kind: z.literal('score'), config: ScoreConfigSchema }),
  z.strictObject({ ...nodeBase, kind: z.literal('rules'), config: RulesConfigSchema }),
  z.strictObject({ ...nodeBase, kind: z.literal('table'), config: TableConfigSchema }),
  z.strictObject({ ...nodeBase, kind: z.literal('expression'), config: ExpressionConfigSchema }),
  z.strictObject({ ...nodeBase, kind: z.literal('classify'), config: ClassifyConfigSchema }),
  z.strictObject({ ...nodeBase, kind: z.literal('match'), config: MatchConfigSchema }),
  z.strictObject({ ...nodeBase, kind: z.literal('output'), config: OutputConfigSchema }),
]);
export type GraphNode = z.infer<typeof NodeSchema>;
export type NodeKind = GraphNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<GraphNode, { kind: K }>;
export type NodeConfig<K extends NodeKind> = NodeOfKind<K>['config'];
export const NODE_KINDS: readonly NodeKind[] = [
  'input',
  'questionnaire',
  'score',
  'rules',
  'table',
  'expression',
  'classify',
  'match',
  'output',
];

export const EdgeSchema = z.strictObject({ id: IdSchema, source: IdSchema, target: IdSchema });
export type GraphEdge = z.infer<typeof EdgeSchema>;

/** The decision graph: evaluated in topological order; a node reads only what flows into it. */
export const GraphSchema = z.strictObject({
  nodes: z.array(NodeSchema).min(1),
  edges: z.array(EdgeSchema),
});
export type Graph = z.infer<typeof GraphSchema>;

import {
  canonicalJson,
  lt,
  localize,
  type EvaluationInputDraft,
  type FactValue,
  type Locale,
  type LocalizedText,
} from '../../domain/index.ts';
import {
  evaluate,
  EvaluationError,
  type CompiledPack,
  type NodeTrace,
  type ProductVerdict,
} from '../../engine/index.ts';
import { ApiError } from './errors.ts';

/** One published version of a pack, compiled once and served until a newer one replaces it. */
export type ServedVersion = {
  packId: string;
  version: string;
  hash: string;
  compiled: CompiledPack;
  /** The key that signed it, when it was checked against trusted keys. */
  signedBy?: string;
};

/** An input as a channel sends it; its values are checked by the engine against the pack. */
export type DecisionInput = EvaluationInputDraft;

/** Who decided, on what, when: shared by the record and the response. */
type DecisionOrigin = {
  decidedAt: string;
  channel: string;
  packId: string;
  version: string;
  hash: string;
  clientId: string | null;
  outputs: Record<string, FactValue>;
  flags: string[];
};

/**
 * What a record keeps of a product: its verdict. The reasons, checks and flags behind it follow
 * from the input on the recorded version (replay shows they still do); kept this small, a record
 * stays under the size at which the database compresses it out of line, the main cost of storing
 * it.
 */
export type StoredVerdict = ProductVerdict['verdict'];

/** What is kept of a decision: enough to answer "why was this client sold X on that day?". */
export type DecisionRecord = DecisionOrigin & {
  id: string;
  input: DecisionInput;
  products: Record<string, StoredVerdict>;
};

/** The verdicts as a record keeps them; replay compares a re-run in this same form. */
export function storedVerdicts(
  products: Record<string, ProductVerdict>,
): Record<string, StoredVerdict> {
  const out: Record<string, StoredVerdict> = {};
  for (const [id, p] of Object.entries(products)) out[id] = p.verdict;
  return out;
}

export type LocalizedVerdict = {
  verdict: ProductVerdict['verdict'];
  reasons: { code: string; text: string }[];
  checks: ProductVerdict['checks'];
  flags: string[];
};

export type DecisionResponse = DecisionOrigin & {
  decisionId: string;
  evaluationDate: string;
  products: Record<string, LocalizedVerdict>;
  rationale: string[];
  trace?: NodeTrace[];
};

const INPUT_KEYS = new Set([
  'clientId',
  'facts',
  'answers',
  'evaluationDate',
  'assessmentDate',
  'initiator',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function badInput(code: string, path: string, zh: string, en: string): ApiError {
  return new ApiError(400, code, lt(`${path}：${zh}`, `${path}: ${en}`), path);
}

/**
 * The envelope of an input, which the engine's check does not look at: an object, no key beyond
 * the six an input has (a misspelt `fact` must not silently mean "no facts"), a text client id.
 * The values are the engine's to check, against the pack.
 */
export function checkInputShape(input: unknown): asserts input is DecisionInput {
  if (!isRecord(input))
    throw badInput('input.type', '$', '输入应为 JSON 对象', 'the input must be a JSON object');
  for (const key of Object.keys(input))
    if (!INPUT_KEYS.has(key))
      throw badInput(
        'input.unknownKey',
        `$.${key}`,
        '未知的键（可用：clientId、facts、answers、evaluationDate、assessmentDate、initiator）',
        'unknown key (allowed: clientId, facts, answers, evaluationDate, assessmentDate, initiator)',
      );
  if (input.clientId !== undefined && typeof input.clientId !== 'string')
    throw badInput('input.clientId', '$.clientId', '应为文本', 'expected text');
}

export type Evaluated = {
  record: DecisionRecord;
  /** The verdicts with their reasons' texts, for the response. */
  products: Record<string, ProductVerdict>;
  /** Not part of the record: it is rebuilt from the record's input and version. */
  rationale: LocalizedText[];
  trace?: NodeTrace[];
};

/**
 * Evaluates one input on one version and builds its record. Bad input throws an ApiError (400)
 * naming the JSON path; the id and the time come from the caller.
 */
export function decide(
  served: ServedVersion,
  raw: unknown,
  at: { id: string; decidedAt: string; channel: string; trace?: boolean; rationale?: boolean },
): Evaluated {
  checkInputShape(raw);
  let result;
  try {
    result = evaluate(served.compiled, raw, {
      trace: at.trace === true,
      rationale: at.rationale !== false,
    });
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
    throw new ApiError(400, e.code, e.localized, e.path);
  }
  const record: DecisionRecord = {
    id: at.id,
    decidedAt: at.decidedAt,
    channel: at.channel,
    packId: served.packId,
    version: served.version,
    hash: served.hash,
    clientId: raw.clientId ?? null,
    input: raw,
    outputs: result.outputs,
    flags: result.flags,
    products: storedVerdicts(result.products),
  };
  const evaluated: Evaluated = { record, products: result.products, rationale: result.rationale };
  if (result.trace) evaluated.trace = result.trace;
  return evaluated;
}

/** The response of a decision, its texts in one language. */
export function decisionResponse(evaluated: Evaluated, locale: Locale): DecisionResponse {
  const { record } = evaluated;
  const products: Record<string, LocalizedVerdict> = {};
  for (const [id, p] of Object.entries(evaluated.products))
    products[id] = {
      verdict: p.verdict,
      reasons: p.reasons.map((r) => ({ code: r.code, text: localize(r.text, locale) })),
      checks: p.checks,
      flags: p.flags,
    };
  const response: DecisionResponse = {
    decisionId: record.id,
    decidedAt: record.decidedAt,
    channel: record.channel,
    packId: record.packId,
    version: record.version,
    hash: record.hash,
    clientId: record.clientId,
    evaluationDate: record.input.evaluationDate,
    outputs: record.outputs,
    flags: record.flags,
    products,
    rationale: evaluated.rationale.map((t) => localize(t, locale)),
  };
  if (evaluated.trace) response.trace = evaluated.trace;
  return response;
}

export type ReplayCheck = {
  decisionId: string;
  packId: string;
  version: string;
  hash: string;
  identical: boolean;
  /** Top-level parts that differ: `outputs`, `flags`, `products`. */
  differences: string[];
};

/**
 * Re-runs a stored input on its stored version and says whether the outcome is the same, compared
 * as canonical JSON (key order does not matter, every value does).
 */
export function replay(served: ServedVersion, record: DecisionRecord): ReplayCheck {
  if (served.hash !== record.hash)
    throw new ApiError(
      409,
      'replay.hashMismatch',
      lt(
        `${record.packId} ${record.version} 的内容哈希与记录不符（${served.hash}），无法重放`,
        `the content hash of ${record.packId} ${record.version} differs from the record (${served.hash}); cannot replay`,
      ),
      '$.hash',
    );
  const result = evaluate(served.compiled, record.input, { rationale: false });
  const again = { ...result, products: storedVerdicts(result.products) };
  const differences = (['outputs', 'flags', 'products'] as const).filter(
    (k) => canonicalJson(again[k]) !== canonicalJson(record[k]),
  );
  return {
    decisionId: record.id,
    packId: record.packId,
    version: record.version,
    hash: record.hash,
    identical: differences.length === 0,
    differences,
  };
}

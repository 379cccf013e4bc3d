import { isCalendarDate, type EvaluationInput } from '../domain/index.ts';

const isFactValue = (v: unknown) =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

const isAnswer = (v: unknown) =>
  typeof v === 'string' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

function allValues(o: unknown, test: (v: unknown) => boolean): o is Record<string, never> {
  if (o === undefined) return true;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return false;
  for (const k in o)
    if (!Object.hasOwn(o, k) || !test((o as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * The evaluation input of a record built from a CSV row, without going through zod, for the
 * common case where it is plainly valid: the same checks as `EvaluationInputSchema` for the
 * values a CSV row can hold (its keys are the pack's own ids), and the same defaults. Anything
 * else returns undefined, and the caller parses with the schema, which explains the problem.
 * Parsing every row with zod costs more than evaluating it.
 */
export function fastCsvInput(
  line: number,
  record: Record<string, unknown>,
  date: string | undefined,
): { line: number; input: EvaluationInput } | undefined {
  const evaluationDate = record.evaluationDate === undefined ? date : record.evaluationDate;
  if (!isCalendarDate(evaluationDate)) return undefined;
  const { clientId, assessmentDate, initiator = 'client', facts = {}, answers = {} } = record;
  if (clientId !== undefined && typeof clientId !== 'string') return undefined;
  if (assessmentDate !== undefined && !isCalendarDate(assessmentDate)) return undefined;
  if (initiator !== 'client' && initiator !== 'firm') return undefined;
  if (!allValues(facts, isFactValue) || !allValues(answers, isAnswer)) return undefined;
  for (const k in record)
    if (
      !['clientId', 'evaluationDate', 'assessmentDate', 'initiator', 'facts', 'answers'].includes(k)
    )
      return undefined;
  const input: EvaluationInput = { facts, answers, evaluationDate, initiator };
  if (clientId !== undefined) input.clientId = clientId;
  if (assessmentDate !== undefined) input.assessmentDate = assessmentDate;
  return { line, input };
}

import {
  localize,
  questionsOf,
  type Fact,
  type Locale,
  type Pack,
  type Question,
} from '../../domain/index.ts';

type JsonSchema = Record<string, unknown>;

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };

/** The value ids an enum or set fact admits: its scale's levels or its own list. */
function factValueIds(fact: Fact, pack: Pack): string[] {
  if (fact.type !== 'enum' && fact.type !== 'set') return [];
  if (fact.scale)
    return pack.vocabulary.scales.find((s) => s.id === fact.scale)?.levels.map((l) => l.id) ?? [];
  return fact.values?.map((v) => v.id) ?? [];
}

function factValueSchema(fact: Fact, pack: Pack): JsonSchema {
  switch (fact.type) {
    case 'number': {
      const s: JsonSchema = { type: fact.integer ? 'integer' : 'number' };
      if (fact.min !== undefined) s.minimum = fact.min;
      if (fact.max !== undefined) s.maximum = fact.max;
      if (fact.unit) s['x-unit'] = fact.unit;
      return s;
    }
    case 'enum':
      return { type: 'string', enum: factValueIds(fact, pack) };
    case 'set':
      return { type: 'array', items: { type: 'string', enum: factValueIds(fact, pack) } };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return DATE;
    case 'string':
      return { type: 'string' };
  }
}

function answerSchema(q: Question): JsonSchema {
  if (q.type === 'numeric')
    return { type: q.integer ? 'integer' : 'number', minimum: q.min, maximum: q.max };
  const options = q.options.map((o) => o.id);
  if (q.type !== 'multiple') return { type: 'string', enum: options };
  const s: JsonSchema = {
    type: 'array',
    items: { type: 'string', enum: options },
    uniqueItems: true,
  };
  if (q.maxSelected !== undefined) s.maxItems = q.maxSelected;
  // The engine reads an empty list as "not answered"; otherwise the count must be in range.
  if (q.minSelected > 1) s.anyOf = [{ maxItems: 0 }, { minItems: q.minSelected }];
  return s;
}

/** A missing value is `null` or an absent key; a required one admits neither. */
function nullable(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * The JSON Schema (draft 2020-12) of one pack version's evaluation input: its facts with their
 * types and bounds, its questions with their option ids, and no other key anywhere, so that a
 * channel can validate a request before sending it. Labels are in `locale`; `x-label` carries all.
 *
 * @example
 * packInputSchema(pack, 'en').properties.facts.properties.age; // { type: 'integer', minimum: 0, ... }
 */
export function packInputSchema(pack: Pack, locale: Locale): JsonSchema {
  const facts: Record<string, JsonSchema> = {};
  for (const fact of pack.vocabulary.facts) {
    const value = factValueSchema(fact, pack);
    facts[fact.id] = {
      ...(fact.required ? value : nullable(value)),
      title: localize(fact.label, locale),
      ...(fact.description ? { description: localize(fact.description, locale) } : {}),
      'x-label': fact.label,
      // Required of some clients only (e.g. natural persons): the condition, as the pack states it.
      ...(fact.requiredWhen ? { 'x-requiredWhen': fact.requiredWhen } : {}),
    };
  }
  const answers: Record<string, JsonSchema> = {};
  for (const questionnaire of pack.questionnaires)
    for (const q of questionsOf(questionnaire))
      answers[q.id] = {
        ...nullable(answerSchema(q)),
        title: localize(q.text, locale),
        'x-question-type': q.type,
        'x-label': q.text,
      };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://suitability.studio/packs/${pack.id}/${pack.version}/input.schema.json`,
    title: `${localize(pack.title, locale)} ${pack.version}`,
    type: 'object',
    additionalProperties: false,
    required: pack.vocabulary.facts.some((f) => f.required)
      ? ['evaluationDate', 'facts']
      : ['evaluationDate'],
    properties: {
      clientId: { type: 'string', maxLength: 200 },
      evaluationDate: DATE,
      assessmentDate: DATE,
      initiator: { type: 'string', enum: ['client', 'firm'] },
      facts: {
        type: 'object',
        additionalProperties: false,
        required: pack.vocabulary.facts.filter((f) => f.required).map((f) => f.id),
        properties: facts,
      },
      answers: { type: 'object', additionalProperties: false, properties: answers },
    },
  };
}

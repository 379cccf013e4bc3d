import type { LocalizedText, Pack } from '../../domain/index.ts';
import { diffPacks } from '../diff.ts';
import { levelOutputOf } from '../impact.ts';
import type { RatingChange } from './types.ts';

/** An age from which a rule of the pack raises a flag the result carries (special care). */
export type AgeThreshold = { age: number; flag: string; reason: LocalizedText | undefined };

/** What a monitoring run reads from a pack, worked out once (not per client). */
export type PackReading = {
  levelOutput: string | undefined;
  /** The output flag that says the client is professional. */
  professionalFlag: string | undefined;
  /** Value outputs holding a questionnaire's last valid day (`<questionnaire node>.expiresOn`). */
  assessmentExpiry: string[];
  /** Date facts holding the last day of a professional status. */
  professionalExpiry: string[];
  ageFact: string | undefined;
  ageThresholds: AgeThreshold[];
  levelLabels: Map<string, LocalizedText>;
  productNames: Map<string, LocalizedText>;
};

const outputsOf = (pack: Pack) =>
  pack.graph.nodes.flatMap((n) => (n.kind === 'output' ? n.config.outputs : []));

/** `age`, or a number fact labelled Age: the only age the pack's rules can speak of. */
function ageFactOf(pack: Pack): string | undefined {
  const fact = pack.vocabulary.facts.find(
    (f) => f.type === 'number' && (f.id === 'age' || /^age$/i.test(f.label.en)),
  );
  return fact?.id;
}

/**
 * Ages the pack itself treats specially: a rule whose conditions (all of them, at the top) include
 * `age >= N` (or `> N`) and whose event raises a flag that the output node carries. Nothing is
 * assumed: a pack with no such rule has no age list.
 */
function ageThresholdsOf(pack: Pack, ageFact: string | undefined): AgeThreshold[] {
  if (ageFact === undefined) return [];
  const flags = new Map(
    outputsOf(pack)
      .filter((o) => o.kind === 'flag')
      .map((o) => [o.ref, o.name]),
  );
  const found: AgeThreshold[] = [];
  for (const node of pack.graph.nodes) {
    if (node.kind !== 'rules') continue;
    for (const rule of node.config.rules) {
      if (rule.event.type !== 'flag' || !('all' in rule.conditions)) continue;
      const flag = flags.get(`${node.id}.${rule.event.params.name}`);
      if (flag === undefined) continue;
      for (const c of rule.conditions.all) {
        if (!('fact' in c) || c.fact !== ageFact || c.path !== undefined) continue;
        if (typeof c.value !== 'number') continue;
        const age =
          c.operator === 'greaterThanInclusive'
            ? c.value
            : c.operator === 'greaterThan'
              ? Math.floor(c.value) + 1
              : undefined;
        if (age !== undefined) found.push({ age, flag, reason: rule.event.params.reason?.text });
      }
    }
  }
  return found;
}

export function readPack(pack: Pack): PackReading {
  const outputs = outputsOf(pack);
  const questionnaires = new Set(
    pack.graph.nodes.filter((n) => n.kind === 'questionnaire').map((n) => n.id),
  );
  const dateFacts = pack.vocabulary.facts.filter((f) => f.type === 'date');
  const ageFact = ageFactOf(pack);
  const scale = pack.vocabulary.scales.find((s) => s.role === 'clientLevel');
  return {
    levelOutput: levelOutputOf(pack),
    professionalFlag: outputs.find(
      (o) => o.kind === 'flag' && (o.name === 'professional' || o.ref.endsWith('.professional')),
    )?.name,
    assessmentExpiry: outputs
      .filter((o) => o.kind === 'value')
      .filter((o) => {
        const [root, key, ...rest] = o.ref.split('.');
        return questionnaires.has(root ?? '') && key === 'expiresOn' && rest.length === 0;
      })
      .map((o) => o.name),
    professionalExpiry: dateFacts
      .filter((f) => /professional/i.test(f.id) && /expir|valid/i.test(`${f.id} ${f.label.en}`))
      .map((f) => f.id),
    ageFact,
    ageThresholds: ageThresholdsOf(pack, ageFact),
    levelLabels: new Map((scale?.levels ?? []).map((l) => [l.id, l.label])),
    productNames: new Map(pack.products.items.map((p) => [p.id, p.name])),
  };
}

const RATING_FIELDS = ['risk', 'horizon', 'variety'] as const;

/**
 * Products whose risk, horizon or variety differ between two versions, each with the diff's own
 * sentences about it (holders are counted later, over the book).
 */
export function ratingChangesOf(before: Pack, after: Pack): RatingChange[] {
  const old = new Map(before.products.items.map((p) => [p.id, p]));
  const diff = diffPacks(before, after).filter((e) => e.area === 'products');
  const changes: RatingChange[] = [];
  for (const p of after.products.items) {
    const q = old.get(p.id);
    if (!q) continue;
    const fields = RATING_FIELDS.filter((f) => (q[f] ?? null) !== (p[f] ?? null)).map((f) => ({
      field: f,
      from: q[f] ?? null,
      to: p[f] ?? null,
    }));
    if (fields.length === 0) continue;
    const text = diff
      .filter((e) => e.subject === p.id && fields.some((f) => e.text.en.includes(` ${f.field}:`)))
      .map((e) => e.text);
    changes.push({ product: p.id, name: p.name, fields, text, holders: 0, amount: 0 });
  }
  return changes;
}

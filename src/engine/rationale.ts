import type { GraphNode, LocalizedText, NodeOfKind } from '../domain/index.ts';
import type { CompiledPack } from './compilePack.ts';
import { rationaleMessages as m } from './messages.ts';
import type { ClassifyOutput } from './nodes/classify.ts';
import type { MatchOutput } from './nodes/match.ts';
import type { QuestionnaireOutput } from './questionnaire/scoring.ts';
import { splitRef } from './scope.ts';
import type { Scope } from './types.ts';

const plain = (s: string): LocalizedText => ({ 'zh-CN': s, en: s });

/** What the sentences need to know about the graph, worked out once per compiled pack. */
type Reading = {
  /** Questionnaire nodes whose `total` some node reads (or an output exposes). */
  totalRead: Set<string>;
  /** Classify nodes whose input is points from answers, which a client can make sense of. */
  scoredFromAnswers: Set<string>;
};

const readings = new WeakMap<CompiledPack, Reading>();

/** Whether `value` anywhere reads `<node>.total`: as a reference, or as a condition's fact + path. */
function readsTotal(value: unknown, node: string): boolean {
  if (
    value === `${node}.total` ||
    (typeof value === 'string' && value.startsWith(`${node}.total.`))
  )
    return true;
  if (Array.isArray(value)) return value.some((v) => readsTotal(v, node));
  if (value === null || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  if (o['fact'] === node && o['path'] === '$.total') return true;
  return Object.values(o).some((v) => readsTotal(v, node));
}

function readGraph(compiled: CompiledPack): Reading {
  const nodes = compiled.index.pack.graph.nodes;
  const byId = new Map<string, GraphNode>(nodes.map((n) => [n.id, n]));
  const totalRead = new Set(
    nodes
      .filter((q) => q.kind === 'questionnaire')
      .filter((q) => nodes.some((n) => n.id !== q.id && readsTotal(n.config, q.id)))
      .map((q) => q.id),
  );
  // A score node counts as points when no term is a classification's level index (the EU
  // pack's minimum over its bands is no score a client could follow).
  const isPoints = (ref: string, seen: Set<string>): boolean => {
    const root = byId.get(splitRef(ref).root);
    if (!root || root.kind === 'classify') return !root;
    if (root.kind !== 'score') return true;
    if (seen.has(root.id)) return false;
    seen.add(root.id);
    return root.config.terms.every((t) => isPoints(t.ref, seen));
  };
  const scoredFromAnswers = new Set(
    nodes
      .filter((n): n is NodeOfKind<'classify'> => n.kind === 'classify')
      .filter((n) => isPoints(n.config.input, new Set()))
      .map((n) => n.id),
  );
  return { totalRead, scoredFromAnswers };
}

/**
 * Sentences a client could be shown, built from what the nodes actually computed, and speaking
 * only of what the pack uses: a questionnaire's total only when something reads it, each
 * classification by its own label, its score only when the score is points from answers.
 */
export function buildRationale(compiled: CompiledPack, scope: Scope): LocalizedText[] {
  const { index } = compiled;
  let reading = readings.get(compiled);
  if (!reading) readings.set(compiled, (reading = readGraph(compiled)));
  const lines: LocalizedText[] = [];
  for (const c of compiled.order) {
    const out = scope[c.id];
    if (c.node.kind === 'questionnaire') {
      const o = out as QuestionnaireOutput;
      const q = index.questionnaires.get(c.node.config.questionnaire)?.questionnaire;
      if (!q) continue;
      if (reading.totalRead.has(c.id)) {
        const raw = Object.values(o.byQuestion).reduce((s, p) => s + p, 0);
        lines.push(m.score(q.title, raw, o.maxTotal));
      }
      for (const k of o.knockouts)
        lines.push(
          c.node.config.knockoutZeroesScore ? m.knockout(k.reason) : m.knockoutFlagOnly(k.reason),
        );
      if (!o.complete) lines.push(m.incomplete(o.missing));
      lines.push(o.expired ? m.expired(o.expiresOn) : m.validUntil(o.expiresOn));
    } else if (c.node.kind === 'classify') {
      const o = out as ClassifyOutput;
      const scale = index.scales.get(c.node.config.scale)?.scale;
      const levels = scale?.levels ?? [];
      const label = (id: string) => levels.find((l) => l.id === id)?.label ?? plain(id);
      const name = c.node.label ?? scale?.label ?? plain(c.id);
      const score = reading.scoredFromAnswers.has(c.id) ? o.score : undefined;
      const reasons = o.reasons.map((r) => r.text);
      if (o.capped || o.floored) {
        lines.push(m.band(name, label(o.band), score));
        lines.push(
          o.capped
            ? m.capped(name, label(o.level), reasons)
            : m.floored(name, label(o.level), reasons),
        );
      } else {
        lines.push(m.classified(name, label(o.level), score));
        for (const r of reasons) lines.push(m.limitNote(r));
      }
    } else if (c.node.kind === 'match') lines.push(...matchRationale(compiled, out as MatchOutput));
  }
  return lines;
}

/** Sentences of remembered match outcomes (frozen, shared by many clients), built once each. */
const matchLines = new WeakMap<MatchOutput, readonly LocalizedText[]>();

function matchRationale(compiled: CompiledPack, o: MatchOutput): readonly LocalizedText[] {
  const known = matchLines.get(o);
  if (known) return known;
  const lines = [m.matchSummary(o.counts.allowed, o.counts.warn, o.counts.prohibited)];
  for (const [id, v] of Object.entries(o.products)) {
    if (v.verdict === 'allowed') continue;
    const name = compiled.index.products.get(id)?.name ?? plain(id);
    const reasons = v.reasons.map((r) => r.text);
    lines.push(
      v.verdict === 'warn' ? m.productWarn(name, reasons) : m.productProhibited(name, reasons),
    );
  }
  if (Object.isFrozen(o)) {
    for (const line of lines) Object.freeze(line);
    matchLines.set(o, lines);
  }
  return lines;
}

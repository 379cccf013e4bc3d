import type { LocalizedText } from '../domain/index.ts';
import type { CompiledPack } from './compilePack.ts';
import { rationaleMessages as m } from './messages.ts';
import type { ClassifyOutput } from './nodes/classify.ts';
import type { MatchOutput } from './nodes/match.ts';
import type { QuestionnaireOutput } from './questionnaire/scoring.ts';
import type { Scope } from './types.ts';

const plain = (s: string): LocalizedText => ({ 'zh-CN': s, en: s });

/** Sentences a client could be shown, built from what the nodes actually computed. */
export function buildRationale(compiled: CompiledPack, scope: Scope): LocalizedText[] {
  const { index } = compiled;
  const lines: LocalizedText[] = [];
  for (const c of compiled.order) {
    const out = scope[c.id];
    if (c.node.kind === 'questionnaire') {
      const o = out as QuestionnaireOutput;
      const q = index.questionnaires.get(c.node.config.questionnaire)?.questionnaire;
      if (!q) continue;
      const raw = Object.values(o.byQuestion).reduce((s, p) => s + p, 0);
      lines.push(m.score(q.title, raw, o.maxTotal));
      for (const k of o.knockouts)
        lines.push(
          c.node.config.knockoutZeroesScore ? m.knockout(k.reason) : m.knockoutFlagOnly(k.reason),
        );
      if (!o.complete) lines.push(m.incomplete(o.missing));
      lines.push(o.expired ? m.expired(o.expiresOn) : m.validUntil(o.expiresOn));
    } else if (c.node.kind === 'classify') {
      const o = out as ClassifyOutput;
      const levels = index.scales.get(c.node.config.scale)?.scale.levels ?? [];
      const label = (id: string) => levels.find((l) => l.id === id)?.label ?? plain(id);
      const reasons = o.reasons.map((r) => r.text);
      lines.push(m.band(o.score, label(o.band)));
      if (o.capped) lines.push(m.capped(label(o.level), reasons));
      else if (o.floored) lines.push(m.floored(label(o.level), reasons));
      else for (const r of reasons) lines.push(m.limitNote(r));
      lines.push(m.level(label(o.level)));
    } else if (c.node.kind === 'match') {
      const o = out as MatchOutput;
      lines.push(m.matchSummary(o.counts.allowed, o.counts.warn, o.counts.prohibited));
      for (const [id, v] of Object.entries(o.products)) {
        if (v.verdict === 'allowed') continue;
        const name = index.products.get(id)?.name ?? plain(id);
        const reasons = v.reasons.map((r) => r.text);
        lines.push(
          v.verdict === 'warn' ? m.productWarn(name, reasons) : m.productProhibited(name, reasons),
        );
      }
    }
  }
  return lines;
}

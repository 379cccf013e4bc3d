import { VERDICTS, type Pack } from '../domain/index.ts';
import { packCodeLabels } from '../studio/i18n/packLabels.ts';

/** A code that must not show bare in the Chinese UI, with the label that may accompany it. */
export type KnownCode = { code: string; label?: string };

/** English words and forms the studio's own chrome must not show in Chinese. */
const ENGINE_WORDS = ['years', 'mean', 'sd', 'median', ...VERDICTS];

/** Every string value of `key` anywhere in `value`. */
function valuesOf(value: unknown, key: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) valuesOf(v, key, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') out.add(v);
      valuesOf(v, key, out);
    }
  return out;
}

/** An id that reads as English (`unrestricted`, `natural-person`, `enhancedProcedure`), not a code such as `C1`. */
const isWordy = (id: string) => /^[a-z][a-zA-Z]{2,}(-[a-z][a-zA-Z]*)*$/.test(id);

/**
 * The codes a zh-CN screen of `pack` must not show on their own: the verdicts and English words of
 * the engine, the pack's flags, and its level, value and fact ids that read as English. A code may
 * show beside its pack label (`label`), never bare.
 */
export function untranslatedCodes(pack: Pack): KnownCode[] {
  const labels = packCodeLabels(pack, 'zh-CN');
  const codes = new Set<string>(ENGINE_WORDS);
  valuesOf(pack.graph, 'flag', codes);
  for (const node of pack.graph.nodes) {
    if (node.kind === 'rules')
      for (const rule of node.config.rules)
        if (rule.event.type === 'flag') codes.add(rule.event.params.name);
    if (node.kind === 'output')
      for (const o of node.config.outputs) if (o.kind === 'flag') codes.add(o.name);
  }
  for (const scale of pack.vocabulary.scales) for (const l of scale.levels) codes.add(l.id);
  for (const fact of pack.vocabulary.facts) {
    codes.add(fact.id);
    if ('values' in fact) for (const v of fact.values ?? []) codes.add(v.id);
  }
  return [...codes]
    .filter(isWordy)
    .sort()
    .map((code) => {
      const label = labels.get(code);
      return label ? { code, label } : { code };
    });
}

/** Where `text` shows one of `codes` bare: whole words (ASCII word boundaries) not beside their label. */
export function findUntranslated(text: string, codes: readonly KnownCode[]): string[] {
  const found: string[] = [];
  for (const { code, label } of codes) {
    const re = new RegExp(`(?<![A-Za-z0-9_.-])${code.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`);
    if (re.test(text) && !(label && text.includes(label))) found.push(code);
  }
  if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) found.push('ISO time');
  if (/[{[]\s*"[A-Za-z]/.test(text)) found.push('JSON');
  return found;
}

import type { LocalizedText, Pack, Scale } from '../../../domain/index.ts';
import { levelText } from './levelText.ts';

type Localize = (text: LocalizedText | undefined) => string;

/** Ids and their option text, as a `SelectField` takes them. */
export type Choices = { ids: string[]; name: (id: string) => string };

/** The pack's scales, each read as `sri · SRI 1-7`; an id the pack lacks reads as itself. */
export function scaleChoices(pack: Pack, localize: Localize): Choices {
  const labels = new Map(pack.vocabulary.scales.map((s) => [s.id, localize(s.label)]));
  return {
    ids: [...labels.keys()],
    name: (id) => (labels.has(id) ? `${id} · ${labels.get(id)}` : id),
  };
}

/** The levels of a scale, lowest first, each read as `C3 稳健型`. */
export function levelChoices(scale: Scale | undefined, localize: Localize): Choices {
  const labels = new Map((scale?.levels ?? []).map((l) => [l.id, localize(l.label)]));
  return { ids: [...labels.keys()], name: (id) => levelText(id, labels.get(id) ?? '') };
}

import { canonicalJson, type LocalizedText, type Verdict } from '../domain/index.ts';

export const DIFF_AREAS = [
  'identity',
  'vocabulary',
  'questionnaire',
  'products',
  'nodes',
  'edges',
  'bands',
  'matrix',
  'rules',
  'table',
  'tests',
  'sampleClients',
] as const;
export type DiffArea = (typeof DIFF_AREAS)[number];

/** One change between two versions of a pack, said so that a compliance officer can read it. */
export type DiffEntry = {
  area: DiffArea;
  change: 'added' | 'removed' | 'changed';
  /** What changed, e.g. `Q15.B`, `C2xR3`, `P012`, a node id. */
  subject: string;
  text: LocalizedText;
};

/** Collects entries; `size` tells whether a specific view explained a change. */
export type Sink = ((
  area: DiffArea,
  change: DiffEntry['change'],
  subject: string,
  zh: string,
  en: string,
) => void) & { size: () => number };

export function collector(entries: DiffEntry[]): Sink {
  return Object.assign(
    (area: DiffArea, change: DiffEntry['change'], subject: string, zh: string, en: string) =>
      void entries.push({ area, change, subject, text: { 'zh-CN': zh, en } }),
    { size: () => entries.length },
  );
}

export const same = (a: unknown, b: unknown) =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

const isLocalized = (v: unknown): v is LocalizedText =>
  v !== null &&
  typeof v === 'object' &&
  typeof (v as LocalizedText).en === 'string' &&
  typeof (v as LocalizedText)['zh-CN'] === 'string';

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** A value as a person reads it: texts in their language, lists joined, absent as `-`. */
export function show(v: unknown, lang: 'zh-CN' | 'en' = 'en'): string {
  if (v === undefined || v === null) return '-';
  if (typeof v === 'string') return v;
  // Long texts are cut: the sentence says that a description changed, not the whole essay.
  if (isLocalized(v)) return `"${clip(v[lang] ?? '')}"`;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return `[${v.join(', ')}]`;
  return canonicalJson(v);
}

const VERDICT_WORDS: Record<Verdict, [string, string]> = {
  allowed: ['允许', 'allowed'],
  warn: ['警示并确认后允许', 'allowed with warning'],
  prohibited: ['禁止', 'prohibited'],
};
export const verdictWords = (v: Verdict | undefined): [string, string] =>
  v ? VERDICT_WORDS[v] : ['未设置', 'not set'];

/** Reports added and removed items of two lists keyed by id; returns the pairs in both. */
export function members<T>(
  emit: Sink,
  area: DiffArea,
  [zhNoun, enNoun]: [string, string],
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => string,
): (readonly [string, T, T])[] {
  const mapA = new Map(a.map((x) => [key(x), x]));
  const mapB = new Map(b.map((x) => [key(x), x]));
  for (const k of mapB.keys())
    if (!mapA.has(k)) emit(area, 'added', k, `新增${zhNoun} ${k}`, `${enNoun} ${k} added`);
  for (const k of mapA.keys())
    if (!mapB.has(k)) emit(area, 'removed', k, `删除${zhNoun} ${k}`, `${enNoun} ${k} removed`);
  return [...mapA].flatMap(([k, x]) => {
    const y = mapB.get(k);
    return y === undefined ? [] : [[k, x, y] as const];
  });
}

/** Reports a changed value as `<what>: old -> new`. */
export function field(
  emit: Sink,
  area: DiffArea,
  subject: string,
  [zh, en]: [string, string],
  a: unknown,
  b: unknown,
): void {
  if (!same(a, b))
    emit(
      area,
      'changed',
      subject,
      `${zh}：${show(a, 'zh-CN')} -> ${show(b, 'zh-CN')}`,
      `${en}: ${show(a)} -> ${show(b)}`,
    );
}

/** Compares the listed fields of two records, each with its name in both languages. */
export function fields<T extends object>(
  emit: Sink,
  area: DiffArea,
  subject: string,
  [zhOwner, enOwner]: [string, string],
  names: { [K in keyof T]?: [string, string] },
  a: T,
  b: T,
): void {
  for (const key of Object.keys(names) as (keyof T & string)[]) {
    const [zh, en] = names[key] as [string, string];
    field(
      emit,
      area,
      subject,
      [`${zhOwner}${zh}`, enOwner ? `${enOwner} ${en}` : en],
      a[key],
      b[key],
    );
  }
}

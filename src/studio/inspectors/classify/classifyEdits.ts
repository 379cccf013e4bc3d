import type { LocalizedText, NodeConfig, PackChange } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { configPath, intent } from '../common/paths.ts';
import { bandsChange, type Band } from './bandEdits.ts';

/**
 * The classify node's edits as named intents (node `nodeIndex` of the graph): bands, caps and
 * floors, the score it reads, the rules nodes whose caps it applies.
 */

type Limit = NodeConfig<'classify'>['caps'][number];
export type LimitSide = 'caps' | 'floors';

const sideWord = (side: LimitSide) => (side === 'caps' ? lt('上限', 'cap') : lt('下限', 'floor'));

export function setClassifyInput(nodeIndex: number, ref: string): PackChange {
  return intent('classify input', lt(`分级依据改为 ${ref}`, `classified by ${ref}`), {
    type: 'set',
    path: configPath(nodeIndex, 'input'),
    value: ref,
  });
}

/** Rules nodes whose caps and floors the node applies (`on`: add `rulesId`, else remove it). */
export function toggleRulesLimits(
  nodeIndex: number,
  current: readonly string[],
  rulesId: string,
  on: boolean,
): PackChange {
  const next = on ? [...current, rulesId] : current.filter((x) => x !== rulesId);
  return intent(
    'rules limits',
    on
      ? lt(`应用 ${rulesId} 的上下限`, `applies the limits of ${rulesId}`)
      : lt(`不再应用 ${rulesId} 的上下限`, `no longer applies the limits of ${rulesId}`),
    { type: 'set', path: configPath(nodeIndex, 'rulesLimits'), value: next },
  );
}

/**
 * The scale the node classifies into; bands naming levels the new scale lacks would all be
 * errors, so they start again as `evenBands` when given.
 */
export function setClassifyScale(
  nodeIndex: number,
  scaleId: string,
  evenBands: Band[] | null,
): PackChange {
  const changes: PackChange[] = [
    { type: 'set', path: configPath(nodeIndex, 'scale'), value: scaleId },
  ];
  if (evenBands)
    changes.push({ type: 'set', path: configPath(nodeIndex, 'bands'), value: evenBands });
  return intent('scale', lt(`等级表改为 ${scaleId}`, `scale set to ${scaleId}`), ...changes);
}

/** What a bands edit did, in words: one boundary moved reads "moved C3/C4 boundary 53 → 60". */
export function describeBandsEdit(before: readonly Band[], after: readonly Band[]): LocalizedText {
  const moved = after.flatMap((b, i) => {
    const old = before[i];
    return old && old.max !== b.max ? [{ i, from: old.max, to: b.max }] : [];
  });
  const one = moved.length === 1 ? moved[0] : undefined;
  const upper = one && after.findIndex((b, j) => j !== one.i && b.min !== before[j]?.min);
  if (one && upper !== undefined && upper >= 0) {
    const names = `${after[one.i]?.level}/${after[upper]?.level}`;
    return lt(
      `${names} 分界 ${one.from} → ${one.to}`,
      `moved ${names} boundary ${one.from} → ${one.to}`,
    );
  }
  const changed = after.filter((b, i) => {
    const old = before[i];
    return old && (old.min !== b.min || old.max !== b.max || old.level !== b.level);
  });
  const levels = changed.map((b) => `${b.level} [${b.min}, ${b.max}]`).join(', ');
  return lt(`修改分段 ${levels}`, `set bands ${levels}`);
}

/** `before` becomes `after` field by field (a ruler drag, a bound typed in); `null` if equal. */
export function setBands(
  nodeIndex: number,
  before: readonly Band[],
  after: readonly Band[],
  label = 'bands',
): PackChange | null {
  const change = bandsChange(configPath(nodeIndex, 'bands'), before, after, label);
  return change?.type === 'batch' ? { ...change, text: describeBandsEdit(before, after) } : change;
}

export function addBand(nodeIndex: number, bands: readonly Band[], band: Band): PackChange {
  return intent('add band', lt(`添加分段 ${band.level}`, `added band ${band.level}`), {
    type: 'insert',
    path: configPath(nodeIndex, 'bands'),
    index: bands.length,
    value: band,
  });
}

export function removeBand(nodeIndex: number, bands: readonly Band[], index: number): PackChange {
  const level = bands[index]?.level ?? String(index + 1);
  return intent('remove band', lt(`删除分段 ${level}`, `removed band ${level}`), {
    type: 'remove',
    path: configPath(nodeIndex, 'bands'),
    index,
  });
}

export function setBandLevel(
  nodeIndex: number,
  bands: readonly Band[],
  index: number,
  level: string,
): PackChange {
  const old = bands[index]?.level ?? '';
  return intent('band level', lt(`分段 ${old} 改为 ${level}`, `band ${old} now ${level}`), {
    type: 'set',
    path: configPath(nodeIndex, 'bands', index, 'level'),
    value: level,
  });
}

/** The caps or the floors of node `nodeIndex`, as they are now. */
export type LimitsRef = { nodeIndex: number; side: LimitSide; limits: readonly Limit[] };

export function addLimit({ nodeIndex, side, limits }: LimitsRef, limit: Limit): PackChange {
  const w = sideWord(side);
  return intent(
    `add ${side}`,
    lt(`添加${w['zh-CN']} ${limit.level}`, `added a ${w.en} at ${limit.level}`),
    { type: 'insert', path: configPath(nodeIndex, side), index: limits.length, value: limit },
  );
}

export function removeLimit({ nodeIndex, side, limits }: LimitsRef, index: number): PackChange {
  const w = sideWord(side);
  const code = limits[index]?.reason.code ?? String(index + 1);
  return intent(`remove ${side}`, lt(`删除${w['zh-CN']} ${code}`, `removed ${w.en} ${code}`), {
    type: 'remove',
    path: configPath(nodeIndex, side),
    index,
  });
}

function setLimitField(
  { nodeIndex, side, limits }: LimitsRef,
  index: number,
  field: { path: string[]; name: string; word: LocalizedText },
  value: unknown,
): PackChange {
  const w = sideWord(side);
  const code = limits[index]?.reason.code ?? String(index + 1);
  return intent(
    `${side} ${field.name}`,
    lt(
      `修改${w['zh-CN']} ${code} 的${field.word['zh-CN']}`,
      `changed the ${field.word.en} of ${w.en} ${code}`,
    ),
    { type: 'set', path: configPath(nodeIndex, side, index, ...field.path), value },
  );
}

/** The yes/no reference from upstream that makes the limit apply. */
export const setLimitWhen = (at: LimitsRef, index: number, ref: string) =>
  setLimitField(at, index, { path: ['when'], name: 'when', word: lt('条件', 'condition') }, ref);

export const setLimitLevel = (at: LimitsRef, index: number, level: string) =>
  setLimitField(at, index, { path: ['level'], name: 'level', word: lt('等级', 'level') }, level);

/** The flag raised with the limit; `undefined` removes it. */
export const setLimitFlag = (at: LimitsRef, index: number, flag: string | undefined) =>
  setLimitField(at, index, { path: ['flag'], name: 'flag', word: lt('标记', 'flag') }, flag);

export const setLimitReason = (at: LimitsRef, index: number, text: LocalizedText) =>
  setLimitField(
    at,
    index,
    { path: ['reason', 'text'], name: 'reason', word: lt('原因', 'reason') },
    text,
  );

import type { NodeConfig, PackChange } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { appendItem, moveItem, removeItem, setField, setItemField } from '../common/listEdits.ts';
import { configPath, intent } from '../common/paths.ts';
import { normalizedWeights } from './weights.ts';

/** The score node's edits as named intents (node `nodeIndex` of the graph). */

type Config = NodeConfig<'score'>;
type Term = Config['terms'][number];
export type Rescale = NonNullable<Config['normalize']>;

const terms = (nodeIndex: number) => ({
  path: configPath(nodeIndex, 'terms'),
  noun: lt('评分项', 'term'),
});

export function addTerm(nodeIndex: number, config: Config, term: Term): PackChange {
  return appendItem(terms(nodeIndex), config.terms.length, term);
}

export function removeTerm(nodeIndex: number, index: number): PackChange {
  return removeItem(terms(nodeIndex), index);
}

export function moveTerm(nodeIndex: number, from: number, to: number): PackChange {
  return moveItem(terms(nodeIndex), from, to);
}

export function setTermRef(nodeIndex: number, index: number, ref: string): PackChange {
  return setItemField(terms(nodeIndex), index, 'ref', ref);
}

export function setTermWeight(nodeIndex: number, index: number, weight: number): PackChange {
  return setItemField(terms(nodeIndex), index, 'weight', weight);
}

export function setCombine(nodeIndex: number, combine: Config['combine']): PackChange {
  return setField(
    configPath(nodeIndex),
    'combine',
    combine,
    lt(`合并方式改为 ${combine}`, `combine by ${combine}`),
  );
}

export function setRound(nodeIndex: number, round: Config['round']): PackChange {
  return setField(configPath(nodeIndex), 'round', round, lt(`取整改为 ${round}`, `round ${round}`));
}

/** Rescaling on (from 0-100 to 0-100, to be edited) or off. */
export function toggleRescale(nodeIndex: number, on: boolean): PackChange {
  const value: Rescale | undefined = on
    ? { fromMin: 0, fromMax: 100, toMin: 0, toMax: 100 }
    : undefined;
  return setField(
    configPath(nodeIndex),
    'normalize',
    value,
    on ? lt('启用线性缩放', 'rescaling on') : lt('取消线性缩放', 'rescaling off'),
  );
}

export function setRescaleBound(nodeIndex: number, key: keyof Rescale, value: number): PackChange {
  return setField(configPath(nodeIndex, 'normalize'), key, value);
}

/** The weights scaled to sum to 1 (see `normalizedWeights`); null when nothing would change. */
export function normalizeWeights(nodeIndex: number, config: Config): PackChange | null {
  const weights = normalizedWeights(config.terms);
  if (!weights) return null;
  const changes = weights.flatMap((w, i): PackChange[] =>
    w === config.terms[i]?.weight
      ? []
      : [{ type: 'set', path: configPath(nodeIndex, 'terms', i, 'weight'), value: w }],
  );
  return changes.length
    ? intent('normalize weights', lt('权重归一化', 'normalized the weights'), ...changes)
    : null;
}

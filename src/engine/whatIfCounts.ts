import {
  ERROR_BIT,
  VERDICT_ERROR,
  type Band,
  type ClientProfile,
  type WhatIfShape,
  type WhatIfTable,
} from './whatIf.ts';

/** Adds `k` to a typed array cell (index checked by the caller's loop bounds). */
function add(a: Uint32Array, i: number, k: number): void {
  a[i] = (a[i] as number) + k;
}

/** Interns downstream outcomes into classes while profiles or worker chunks come in. */
export function createWhatIfBuilder(shape: WhatIfShape, n: number) {
  const L = shape.levels.length;
  const P = shape.products.length;
  const scores = new Float64Array(n);
  const floors = new Int8Array(n);
  const caps = new Int8Array(n);
  const classes = new Int32Array(n).fill(-1);
  const ids = new Map<string, number>();
  let outcomes = new Uint8Array(64 * L * P);
  let flagWords = new Uint32Array(64 * L);

  function intern(o: Uint8Array, f: Uint32Array): number {
    const key = `${o.join('')}:${f.join(',')}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = ids.size;
    ids.set(key, id);
    if ((id + 1) * L * P > outcomes.length || (id + 1) * L > flagWords.length) {
      const grownO = new Uint8Array(outcomes.length * 2 + L * P);
      grownO.set(outcomes);
      outcomes = grownO;
      const grownF = new Uint32Array(flagWords.length * 2 + L);
      grownF.set(flagWords);
      flagWords = grownF;
    }
    outcomes.set(o, id * L * P);
    flagWords.set(f, id * L);
    return id;
  }

  return {
    /** Client `i`'s profile; leave a failed client out and it stays -1. */
    add(i: number, p: ClientProfile) {
      scores[i] = p.score;
      floors[i] = p.floor;
      caps[i] = p.cap;
      classes[i] = intern(p.outcomes, p.flagBits);
    },
    /** A table built elsewhere (a worker's chunk) for clients `offset ...`. */
    merge(chunk: WhatIfTable, offset: number) {
      const remap = new Int32Array(chunk.classCount);
      for (let k = 0; k < chunk.classCount; k++)
        remap[k] = intern(
          chunk.classOutcomes.subarray(k * L * P, (k + 1) * L * P),
          chunk.classFlags.subarray(k * L, (k + 1) * L),
        );
      scores.set(chunk.scores, offset);
      floors.set(chunk.floors, offset);
      caps.set(chunk.caps, offset);
      for (let i = 0; i < chunk.n; i++) {
        const c = chunk.classes[i] as number;
        classes[offset + i] = c < 0 ? -1 : (remap[c] as number);
      }
    },
    table(): WhatIfTable {
      return {
        shape,
        n,
        scores,
        floors,
        caps,
        classes,
        classCount: ids.size,
        classOutcomes: outcomes.slice(0, ids.size * L * P),
        classFlags: flagWords.slice(0, ids.size * L),
      };
    },
  };
}

/** Counts at one set of bands, and the moves from another (the committed bands). */
export type WhatIfCounts = {
  /** Clients whose evaluation fails whatever the bands. */
  invalid: number;
  /** `(L + 1) x (L + 1)`: from level (row) to level (column); index L = evaluation fails. */
  moves: Uint32Array;
  /** Per level at the new bands, clients whose evaluation succeeds. */
  levels: Uint32Array;
  /** `products x 3`: allowed, warn, prohibited at the new bands. */
  reach: Uint32Array;
  /** Per flag at the new bands. */
  flags: Uint32Array;
  /** Clients whose evaluation fails at the new bands (no band, a downstream error). */
  failed: number;
};

/** Band rank of each band in listed order (the first band holding a score wins). */
function compileBands(bands: readonly Band[], levels: readonly string[]) {
  const min = Float64Array.from(bands, (b) => b.min);
  const max = Float64Array.from(bands, (b) => b.max);
  const rank = Int32Array.from(bands, (b) => Math.max(0, levels.indexOf(b.level)));
  const k = bands.length;
  return (score: number): number => {
    for (let j = 0; j < k; j++)
      if (score >= (min[j] as number) && score <= (max[j] as number)) return rank[j] as number;
    return -1;
  };
}

/** Clients that share score, floor, cap and class, with how many there are of each. */
type Groups = {
  scores: Float64Array;
  floors: Int8Array;
  caps: Int8Array;
  classes: Int32Array;
  weights: Uint32Array;
  invalid: number;
};

const groupCache = new WeakMap<WhatIfTable, Groups>();

/**
 * Scores are few (a questionnaire total takes ~100 values) and so are limits and classes, so
 * 100,000 clients fold into a few thousand groups: an update then costs the groups, not the clients.
 */
function groupsOf(table: WhatIfTable): Groups {
  const known = groupCache.get(table);
  if (known) return known;
  const ids = new Map<string, number>();
  const of = new Int32Array(table.n);
  let invalid = 0;
  for (let i = 0; i < table.n; i++) {
    const c = table.classes[i] as number;
    if (c < 0) {
      invalid++;
      of[i] = -1;
      continue;
    }
    const key = `${table.scores[i]}|${table.floors[i]}|${table.caps[i]}|${c}`;
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    of[i] = g;
  }
  const n = ids.size;
  const groups: Groups = {
    scores: new Float64Array(n),
    floors: new Int8Array(n),
    caps: new Int8Array(n),
    classes: new Int32Array(n),
    weights: new Uint32Array(n),
    invalid,
  };
  for (let i = 0; i < table.n; i++) {
    const g = of[i] as number;
    if (g < 0) continue;
    groups.scores[g] = table.scores[i] as number;
    groups.floors[g] = table.floors[i] as number;
    groups.caps[g] = table.caps[i] as number;
    groups.classes[g] = table.classes[i] as number;
    add(groups.weights, g, 1);
  }
  groupCache.set(table, groups);
  return groups;
}

/**
 * One counting pass: where each client lands at `bands`, where it was at `baseline`, and the
 * product reach and flags from the class tables. The first call on a table groups its clients.
 */
export function countWhatIf(
  table: WhatIfTable,
  bands: readonly Band[],
  baseline: readonly Band[] = bands,
): WhatIfCounts {
  const { levels, products, flags } = table.shape;
  const L = levels.length;
  const P = products.length;
  const bandOf = compileBands(bands, levels);
  const baseOf = bands === baseline ? bandOf : compileBands(baseline, levels);
  const perClassBand = new Uint32Array(table.classCount * L);
  const moves = new Uint32Array((L + 1) * (L + 1));
  const { classFlags } = table;
  const { scores, floors, caps, classes, weights, invalid } = groupsOf(table);
  for (let g = 0; g < weights.length; g++) {
    const c = classes[g] as number;
    const k = weights[g] as number;
    const score = scores[g] as number;
    const floor = floors[g] as number;
    const cap = caps[g] as number;
    const b = bandOf(score);
    const a = baseOf === bandOf ? b : baseOf(score);
    const to =
      b < 0 || (classFlags[c * L + b] as number) & ERROR_BIT
        ? L
        : Math.min(Math.max(b, floor), cap);
    const from =
      a < 0 || (classFlags[c * L + a] as number) & ERROR_BIT
        ? L
        : Math.min(Math.max(a, floor), cap);
    add(moves, from * (L + 1) + to, k);
    if (to < L) add(perClassBand, c * L + b, k);
  }
  const levelCounts = new Uint32Array(L);
  let failed = 0;
  for (let from = 0; from <= L; from++) {
    for (let to = 0; to < L; to++) add(levelCounts, to, moves[from * (L + 1) + to] as number);
    failed += moves[from * (L + 1) + L] as number;
  }
  const reach = new Uint32Array(P * 3);
  const flagCounts = new Uint32Array(flags.length);
  const { classOutcomes } = table;
  for (let cb = 0; cb < perClassBand.length; cb++) {
    const k = perClassBand[cb] as number;
    if (k === 0) continue;
    const base = cb * P;
    for (let p = 0; p < P; p++) {
      const v = classOutcomes[base + p] as number;
      if (v < VERDICT_ERROR) add(reach, p * 3 + v, k);
    }
    const bits = classFlags[cb] as number;
    for (let f = 0; f < flags.length; f++) if (bits & (1 << f)) add(flagCounts, f, k);
  }
  return { invalid, moves, levels: levelCounts, reach, flags: flagCounts, failed };
}

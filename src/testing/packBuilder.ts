import {
  PackSchema,
  lt,
  type Pack,
  type PackInput,
  type Scale,
  type Verdict,
} from '../domain/index.ts';

/**
 * The parts every test pack is built from: identity, labelled levels and scales, scored options,
 * reasons, a level x risk matrix and edges. Test packs differ in what they exercise, never in how
 * they are written down.
 */

export const levels = (ids: readonly string[]) =>
  ids.map((id) => ({ id, label: lt(`级别${id}`, `level ${id}`) }));

export const scale = (
  id: string,
  role: Scale['role'],
  label: [zh: string, en: string],
  ids: string[],
) => ({
  id,
  role,
  label: lt(...label),
  levels: levels(ids),
});

export const reason = (code: string) => ({ code, text: lt(`原因${code}`, `reason ${code}`) });

export const option = (id: string, points: number, extra: Record<string, unknown> = {}) => ({
  id,
  label: lt(id, id),
  points,
  ...extra,
});

export const CLIENT_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'];
export const RISK_LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'];

/** `cells[C][R]` for client levels x product risks; `verdict` gets their positions (0 = lowest). */
export function matrixCells(
  verdict: (client: number, risk: number) => Verdict,
  clients: readonly string[] = CLIENT_LEVELS,
  risks: readonly string[] = RISK_LEVELS,
): Record<string, Record<string, Verdict>> {
  return Object.fromEntries(
    clients.map((c, ci) => [c, Object.fromEntries(risks.map((r, ri) => [r, verdict(ci, ri)]))]),
  );
}

export type PackParts = Pick<
  PackInput,
  'id' | 'title' | 'description' | 'jurisdiction' | 'vocabulary' | 'questionnaires' | 'products'
> & {
  nodes: Record<string, unknown>[];
  /** `[source, target]`; each edge's id is `source-target`. */
  edges: [string, string][];
};

/** A pack input from its parts, with the identity fields every test pack shares. */
export function packInput(parts: PackParts): PackInput {
  const { nodes, edges, ...rest } = parts;
  return {
    format: 'suitability-pack',
    formatVersion: 1,
    version: '1.0.0',
    locales: ['zh-CN', 'en'],
    ...rest,
    graph: {
      nodes: nodes as PackInput['graph']['nodes'],
      edges: edges.map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
    },
  };
}

/** Parses a pack input, optionally changed first (the change edits the raw JSON-like input). */
export function parseBuilt(input: PackInput, change?: (pack: PackInput) => void): Pack {
  change?.(input);
  return PackSchema.parse(input);
}

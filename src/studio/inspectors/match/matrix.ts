import { VERDICTS, type PathKey, type PackChange, type Verdict } from '../../../domain/index.ts';

/** A click on a cell moves it to the next verdict: allowed -> warn -> prohibited -> allowed. */
export function nextVerdict(v: Verdict | undefined): Verdict {
  if (v === undefined) return 'allowed';
  return VERDICTS[(VERDICTS.indexOf(v) + 1) % VERDICTS.length] as Verdict;
}

export type Cells = Record<string, Record<string, Verdict>>;

/**
 * The change that sets one cell. A client level without a row yet gets one, so that the first
 * click on a fresh matrix is a valid edit, not an error.
 */
export function setCellChange(
  cellsPath: readonly PathKey[],
  cells: Cells,
  level: string,
  risk: string,
  verdict: Verdict,
): PackChange {
  if (!Object.hasOwn(cells, level))
    return { type: 'set', path: [...cellsPath, level], value: { [risk]: verdict } };
  return { type: 'set', path: [...cellsPath, level, risk], value: verdict };
}

/** Cells of the grid that have no verdict: the engine rejects a matrix with holes. */
export function missingCells(
  cells: Cells,
  levels: readonly string[],
  risks: readonly string[],
): string[] {
  const missing: string[] = [];
  for (const l of levels)
    for (const r of risks)
      if (!Object.hasOwn(cells, l) || !Object.hasOwn(cells[l] ?? {}, r)) missing.push(`${l}×${r}`);
  return missing;
}

/**
 * The usual starting matrix: a client may buy up to their own rank, one rank above with a warning,
 * and nothing higher (CSRC practice; every firm adjusts it).
 */
export function defaultCells(levels: readonly string[], risks: readonly string[]): Cells {
  const cells: Cells = {};
  levels.forEach((l, i) => {
    const row: Record<string, Verdict> = {};
    risks.forEach((r, j) => {
      row[r] = j <= i ? 'allowed' : j === i + 1 ? 'warn' : 'prohibited';
    });
    cells[l] = row;
  });
  return cells;
}

import { useMemo } from 'react';
import { selectKey, selectPack, usePackState } from '../state/index.ts';
import { packSignature, usePopulationRun } from './populationStore.ts';
import { scoreHistogram } from './summary.ts';

type Props = { nodeId: string; lo: number; end: number; whole: boolean };

/**
 * The evaluated population's scores drawn over the band ruler, on the ruler's own scale, so that
 * a boundary is dragged across the clients it moves.
 */
export function RulerHistogram({ nodeId, lo, end, whole }: Props) {
  const domain = { lo, end };
  const key = usePackState(selectKey);
  const pack = usePackState(selectPack);
  const run = usePopulationRun(key);
  const table = run?.classifyId === nodeId ? run.table : undefined;
  const bins = useMemo(
    () => (table ? scoreHistogram(table, { lo: domain.lo, hi: domain.end - (whole ? 1 : 0) }) : []),
    [table, domain.lo, domain.end, whole],
  );
  if (!table || !pack || run?.signature !== packSignature(pack, nodeId) || bins.length === 0)
    return null;
  const span = domain.end - domain.lo || 1;
  const top = Math.max(...bins.map((b) => b.count), 1);
  return (
    <svg
      className="ruler-histogram"
      viewBox="0 0 1000 100"
      preserveAspectRatio="none"
      data-testid="ruler-histogram"
      aria-hidden="true"
    >
      {bins.map((b, i) => {
        const right = whole && b.to === b.from ? b.from + 1 : b.to;
        const x = ((b.from - domain.lo) / span) * 1000;
        const w = ((right - b.from) / span) * 1000;
        // Square root: a spike of knocked-out clients at 0 must not flatten everyone else.
        const h = Math.sqrt(b.count / top) * 100;
        return <rect key={i} x={x} y={100 - h} width={Math.max(w - 0.5, 0.5)} height={h} />;
      })}
    </svg>
  );
}

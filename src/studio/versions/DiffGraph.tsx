import type { Pack } from '../../domain/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import type { DiffEntry } from '../../engine/index.ts';

const messages = defineMessages({
  'zh-CN': { title: '决策图中变更的节点（点击打开）' },
  en: { title: 'Changed nodes on the decision graph (click to open)' },
});

const W = 150;
const H = 40;
const PAD = 20;

/**
 * A small read-only drawing of the newer graph (removed nodes from the older one added in
 * their old places), with changed, added and removed nodes coloured. Positions come from the
 * pack, so it looks like the canvas without loading React Flow.
 */
export function DiffGraph(props: {
  a: Pack;
  b: Pack;
  changes: readonly { id: string; change: DiffEntry['change'] }[];
  onOpenNode: (id: string) => void;
}) {
  const { a, b, changes, onOpenNode } = props;
  const t = useMessages(messages);
  const removed = a.graph.nodes.filter((n) => !b.graph.nodes.some((m) => m.id === n.id));
  const nodes = [...b.graph.nodes, ...removed];
  const edges = [
    ...b.graph.edges,
    ...a.graph.edges.filter((e) => removed.some((n) => n.id === e.source || n.id === e.target)),
  ];
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const width = Math.max(...xs) - minX + W + 2 * PAD;
  const height = Math.max(...ys) - minY + H + 2 * PAD;
  const at = new Map(
    nodes.map((n) => [n.id, { x: n.position.x - minX + PAD, y: n.position.y - minY + PAD }]),
  );
  const changeOf = new Map(changes.map((c) => [c.id, c.change]));
  return (
    <figure className="diff-graph" data-testid="diff-graph">
      <figcaption className="muted">{t('title')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('title')}>
        {edges.map((e) => {
          const s = at.get(e.source);
          const d = at.get(e.target);
          if (!s || !d) return null;
          return (
            <line
              key={e.id}
              x1={s.x + W}
              y1={s.y + H / 2}
              x2={d.x}
              y2={d.y + H / 2}
              className="diff-graph-edge"
            />
          );
        })}
        {nodes.map((n) => {
          const p = at.get(n.id);
          if (!p) return null;
          const change = changeOf.get(n.id) ?? 'same';
          return (
            <g
              key={n.id}
              className={`diff-graph-node ${change}`}
              data-node={n.id}
              data-change={change}
              transform={`translate(${p.x} ${p.y})`}
              onClick={() => change !== 'removed' && onOpenNode(n.id)}
            >
              <rect width={W} height={H} rx={6} />
              <text x={W / 2} y={H / 2 + 5} textAnchor="middle">
                {n.id}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

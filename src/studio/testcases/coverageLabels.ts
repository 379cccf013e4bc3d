import { localize, questionsOf, type Pack } from '../../domain/index.ts';
import type { Coverage, CoverageItem } from '../../engine/index.ts';

/** A coverage item in words a compliance officer reads, in `locale`. */
export function describeItem(pack: Pack, item: CoverageItem, locale: string): string {
  const zh = locale === 'zh-CN';
  const node = pack.graph.nodes.find((n) => n.id === item.nodeId);
  if (!node) return item.key;
  switch (item.kind) {
    case 'band': {
      if (node.kind !== 'classify') break;
      const i = Number(item.key.split(':')[0]);
      const b = node.config.bands[i];
      return b ? `${b.level} [${b.min}, ${b.max}]` : item.key;
    }
    case 'limit': {
      if (node.kind !== 'classify') break;
      const [which, i] = item.key.split(':');
      const list = which === 'cap' ? node.config.caps : node.config.floors;
      const l = list[Number(i)];
      if (!l) break;
      const op = which === 'cap' ? '≤' : '≥';
      return `${op} ${l.level} ${zh ? '当' : 'when'} ${l.when} · ${localize(l.reason.text, locale)}`;
    }
    case 'knockout': {
      const [qid, oid] = item.key.split('=');
      const q = pack.questionnaires.flatMap(questionsOf).find((x) => x.id === qid);
      const o = q && q.type !== 'numeric' ? q.options.find((x) => x.id === oid) : undefined;
      return o ? `${qid} = ${oid} · ${localize(o.label, locale)}` : item.key;
    }
    case 'rule': {
      if (node.kind !== 'rules') break;
      const r = node.config.rules.find((x) => x.name === item.key);
      return r?.description ? `${item.key} · ${localize(r.description, locale)}` : item.key;
    }
    case 'row': {
      if (node.kind !== 'table') break;
      const r = node.config.rows.find((x) => x.id === item.key);
      return r?.annotation ? `${item.key} · ${r.annotation}` : item.key;
    }
    case 'cell': {
      const [, cell = item.key] = item.key.split(':');
      return cell.replace('x', ' × ');
    }
    case 'policy': {
      if (node.kind !== 'match') break;
      const p = node.config.policies[Number(item.key.split(':')[1])];
      return p ? `${p.kind} · ${localize(p.reason.text, locale)}` : item.key;
    }
  }
  return item.key;
}

export type HeatCell = { tests: number; reachable: boolean; verdict: string };

/** A match node's matrix as rows of cells with how many tests reached each. */
export type HeatMap = {
  nodeId: string;
  dimension: string;
  levels: string[];
  risks: string[];
  cells: Record<string, Record<string, HeatCell>>;
  max: number;
};

/** One heat-map per matrix dimension of every match node, in the scales' order. */
export function heatMaps(pack: Pack, coverage: Coverage): HeatMap[] {
  const byKey = new Map(coverage.items.map((i) => [`${i.nodeId}/${i.key}`, i]));
  const maps: HeatMap[] = [];
  const riskScale = pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale);
  for (const node of pack.graph.nodes) {
    if (node.kind !== 'match') continue;
    for (const d of node.config.dimensions) {
      if (d.kind !== 'matrix') continue;
      const levelScale = pack.vocabulary.scales.find((s) => s.id === d.clientScale);
      const levels = levelScale?.levels.map((l) => l.id) ?? Object.keys(d.cells);
      const risks = riskScale?.levels.map((l) => l.id) ?? [];
      const cells: HeatMap['cells'] = {};
      let max = 0;
      for (const level of levels) {
        cells[level] = {};
        for (const risk of risks) {
          const item = byKey.get(`${node.id}/${d.id}:${level}x${risk}`);
          const tests = item?.tests.length ?? 0;
          max = Math.max(max, tests);
          (cells[level] as Record<string, HeatCell>)[risk] = {
            tests,
            reachable: item !== undefined && !item.unreachable,
            verdict: d.cells[level]?.[risk] ?? '',
          };
        }
      }
      maps.push({ nodeId: node.id, dimension: d.id, levels, risks, cells, max });
    }
  }
  return maps;
}

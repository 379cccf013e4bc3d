import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { lt } from '../../../domain/index.ts';
import { LocaleProvider } from '../../i18n/index.tsx';
import { TableGrid, ROW_HEIGHT } from './TableGrid.tsx';
import type { TableConfig } from './tableEdits.ts';

function bigTable(rows: number, inputs: number, outputs: number): TableConfig {
  return {
    hitPolicy: 'first',
    aggregation: 'list',
    inputs: Array.from({ length: inputs }, (_, c) => ({
      id: `i${c}`,
      label: lt(`入${c}`, `In ${c}`),
      type: 'number' as const,
      ref: `f${c}`,
    })),
    outputs: Array.from({ length: outputs }, (_, c) => ({
      id: `o${c}`,
      label: lt(`出${c}`, `Out ${c}`),
      type: 'number' as const,
    })),
    rows: Array.from({ length: rows }, (_, r) => ({
      id: `r${r}`,
      inputs: Array.from({ length: inputs }, (_, c) => `>= ${r + c}`),
      outputs: Array.from({ length: outputs }, () => r),
    })),
  };
}

describe('TableGrid', () => {
  it('renders only the rows in view of a 500 x 20 table', () => {
    const config = bigTable(500, 16, 4);
    const html = renderToString(
      <LocaleProvider locale="en" setLocale={() => {}}>
        <TableGrid
          config={config}
          base={['graph', 'nodes', 0, 'config']}
          dispatch={() => {}}
          outputLevels={[]}
          errors={[]}
          overlapping={new Set<number>()}
          initialHeight={600}
        />
      </LocaleProvider>,
    );
    const rendered = [...html.matchAll(/data-row="(\d+)"/g)].map((m) => Number(m[1]));
    const visible = Math.ceil(600 / ROW_HEIGHT);
    expect(rendered[0]).toBe(0);
    expect(rendered.length).toBeGreaterThanOrEqual(visible);
    // The window plus overscan, nowhere near 500.
    expect(rendered.length).toBeLessThanOrEqual(visible + 12);
    // Every rendered row carries all 20 editable cells.
    expect(html.match(/role="gridcell"/g)?.length).toBe(rendered.length * 21);
    // The scroll height still stands for all rows.
    expect(html).toContain(`height:${500 * ROW_HEIGHT}px`);
  });
});

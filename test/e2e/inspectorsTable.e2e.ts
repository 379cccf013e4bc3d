import { check, type ScenarioArgs } from './lib/types.ts';
import {
  allowClipboard,
  editJson,
  openJsonTab,
  openPack,
  openWorkspace,
  waitForStatus,
} from './lib/studio.ts';
import { selectNode } from './lib/editor.ts';

export async function decisionTableValidatesCells({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'eu-mifid2');
  await page.locator('.react-flow__node[data-id="sriFit"]').waitFor();
  await selectNode(page, 'sriFit');
  const rows = page.locator('.table-grid [data-row]');
  await rows.first().waitFor();
  const count = await rows.count();
  check(count === 7, `the SRI table shows its 7 rows, got ${count}`);

  await page.getByLabel('命中策略', { exact: true }).selectOption('unique');
  const analysis = page.locator('.table-analysis');
  await analysis.getByText('重叠').waitFor();

  const cell = page.getByLabel('输入 风险等级 行 3', { exact: true });
  await cell.fill('>= B9');
  await cell.press('Enter');
  await analysis.getByText('B9').first().waitFor();
  check((await page.locator('.tg-cell.invalid').count()) === 1, 'the bad cell is marked');
  await screenshot('table-invalid-cell');
  await cell.fill('>= B2');
  await cell.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.tg-cell.invalid').length === 0);

  await page.getByRole('button', { name: '+ 添加行', exact: true }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('.table-grid [data-row]').length === n,
    count + 1,
  );
  await screenshot('table-row-added');

  await waitForStatus(page, 'saved');
  await page.reload();
  await page.locator('.react-flow__node[data-id="sriFit"]').waitFor();
  await selectNode(page, 'sriFit');
  await page.locator('.table-grid [data-row]').first().waitFor();
  check(
    (await page.locator('.table-grid [data-row]').count()) === count + 1,
    'the new row survives a reload',
  );
  const policy = await page.getByLabel('命中策略', { exact: true }).inputValue();
  check(policy === 'unique', `the hit policy survives a reload, got ${policy}`);
}

type TableNode = { id: string; kind: string; config: Record<string, unknown> };

/** A 500-row, 20-column SRI table in place of the pack's small one. */
function bigTable(text: string): string {
  const doc = JSON.parse(text) as { graph: { nodes: TableNode[] } };
  const node = doc.graph.nodes.find((n) => n.id === 'sriFit');
  check(node, 'the eu-mifid2 pack has the sriFit table');
  const bands = ['B1', 'B2', 'B3', 'B4', 'B5'];
  const input = (c: number) => ({
    id: `in${c}`,
    label: { 'zh-CN': `输入${c}`, en: `In ${c}` },
    type: 'level',
    scale: 'riskBand',
    ref: 'profile.level',
  });
  const output = (c: number) => ({
    id: `out${c}`,
    label: { 'zh-CN': `输出${c}`, en: `Out ${c}` },
    type: 'level',
    scale: 'sri',
  });
  node.config = {
    hitPolicy: 'collect',
    aggregation: 'list',
    inputs: Array.from({ length: 16 }, (_, c) => input(c)),
    outputs: Array.from({ length: 4 }, (_, c) => output(c)),
    rows: Array.from({ length: 500 }, (_, r) => ({
      id: `r${r + 1}`,
      inputs: Array.from({ length: 16 }, (_, c) => (c === r % 16 ? `>= ${bands[r % 5]}` : '-')),
      outputs: Array.from({ length: 4 }, (_, c) => `SRI${((r + c) % 7) + 1}`),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export async function bigTableRendersOnlyVisibleRows(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, 'eu-mifid2');
  await openJsonTab(page);
  await editJson(page, bigTable);
  await waitForStatus(page, 'saved');
  await page.locator('[role=tab][data-tab=graph]').click();
  await page.locator('.react-flow__node[data-id="sriFit"]').waitFor();
  await selectNode(page, 'sriFit');
  const grid = page.locator('.table-grid');
  await grid.locator('[data-row]').first().waitFor();
  const total = Number(await grid.getAttribute('aria-rowcount')) - 1;
  check(total === 500, `the grid stands for 500 rows, got ${total}`);
  const rendered = await grid.locator('[data-row]').count();
  check(rendered > 5 && rendered < 40, `only the rows in view are in the DOM, got ${rendered}`);
  const cells = await grid.locator('[data-row="0"] [role=gridcell]').count();
  check(cells === 21, `a row has 20 cells and a note, got ${cells}`);

  // Scrolling to the end brings the last rows in and the first ones out.
  await grid.evaluate((g) => g.scrollTo({ top: g.scrollHeight }));
  await grid.locator('[data-row="499"]').waitFor();
  check((await grid.locator('[data-row="0"]').count()) === 0, 'row 1 left the DOM');
  check((await grid.locator('[data-row]').count()) < 40, 'still only a window of rows');

  // An edit of the last row commits at once; the analysis follows from the worker.
  const started = Date.now();
  const cell = page.getByLabel('输入 输入0 行 500', { exact: true });
  await cell.fill('>= B9');
  await cell.press('Enter');
  await page.locator('.table-analysis').getByText('B9').first().waitFor();
  const ms = Date.now() - started;
  check(ms < 5000, `the bad cell is reported within 5 s, took ${ms} ms`);
  await screenshot('big-table');
}

/** The match node's policies in order, by their reason codes. */

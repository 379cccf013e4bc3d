import { LOAN_MODEL } from '../../src/testing/dmn/loanModel.ts';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace, waitForStatus } from './lib/studio.ts';

/** Imports a DMN file into a starter pack and edits the imported table with the grid. */
export async function importDmnOpensTheTable({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('.react-flow__node[data-id="risk"]').waitFor();

  await page.locator('[data-testid=dmn-file]').setInputFiles({
    name: 'loans.dmn',
    mimeType: 'application/xml',
    buffer: Buffer.from(LOAN_MODEL),
  });
  const status = page.locator('[data-testid=dmn-import-status]');
  await status.getByText('已导入').waitFor();
  check(((await status.textContent()) ?? '').includes('#b4a'), 'the left-out date cell is listed');

  // The first imported table opens in the inspector, as a normal table node.
  await page.locator('.react-flow__node[data-id="Risk_Band"]').waitFor();
  await page.locator('aside[data-node-id="Risk_Band"]').waitFor();
  const rows = page.locator('.table-grid [data-row]');
  await rows.first().waitFor();
  check(
    (await rows.count()) === 3,
    `the imported table shows its 3 rows, got ${await rows.count()}`,
  );
  const policy = await page.getByLabel('命中策略', { exact: true }).inputValue();
  check(policy === 'priority', `the hit policy is imported, got ${policy}`);
  await screenshot('dmn-imported-table');

  await page.getByRole('button', { name: '+ 添加行', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelectorAll('.table-grid [data-row]').length === 4,
  );
  await waitForStatus(page, 'saved');
  await page.reload();
  await page.locator('.react-flow__node[data-id="Risk_Band"]').click();
  await page.locator('.table-grid [data-row]').first().waitFor();
  check(
    (await page.locator('.table-grid [data-row]').count()) === 4,
    'the imported table and its edit survive a reload',
  );
}

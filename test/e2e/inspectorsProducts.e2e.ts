import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openCsrc, saveAndReload } from './lib/editor.ts';

const CSV = [
  'id,name_zh,name_en,risk,horizon,variety,complex,tags',
  'new-fund-1,新基金一号,New fund 1,R2,1-5y,B,false,fund',
  'bad-risk,坏产品,Bad product,R9,,,false,',
  'new-fund-2,新基金二号,New fund 2,R4,unrestricted,C,true,fund;equity',
].join('\n');

async function catalogueCount(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid=catalogue-count]').textContent()) ?? '';
  const m = /\/\s*(\d+)|of\s+(\d+)/.exec(text);
  check(m, `the catalogue shows a count, got: ${text}`);
  return Number(m[1] ?? m[2]);
}

export async function productsCsvImportReportsBadRows({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrc(page, baseUrl);
  await page.locator('[data-action=catalogue]').click();
  await page.locator('[data-testid=catalogue-count]').waitFor();
  const before = await catalogueCount(page);
  const file = { name: 'new-products.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') };

  // Cancel first: nothing may change.
  await page.locator('[data-testid=csv-file]').setInputFiles(file);
  await page.locator('.csv-dialog').waitFor();
  await page.locator('.csv-dialog').getByRole('button', { name: '取消' }).click();
  check((await catalogueCount(page)) === before, 'cancelling an import changes nothing');

  await page.locator('[data-testid=csv-file]').setInputFiles(file);
  const dialog = page.locator('.csv-dialog');
  await dialog.waitFor();
  const summary = (await dialog.locator('[data-testid=csv-summary]').textContent()) ?? '';
  check(summary.includes('2') && summary.includes('1'), `2 good rows and 1 bad: ${summary}`);
  const bad = dialog.locator('tr.bad');
  check((await bad.count()) === 1, 'exactly one bad row');
  check((await bad.getAttribute('data-line')) === '3', 'the bad row is line 3 of the file');
  const reason = (await bad.textContent()) ?? '';
  check(
    reason.includes('R9') && reason.includes('new-products.csv:3'),
    `the error names the file, line and value: ${reason}`,
  );
  await screenshot('csv-preview');
  await dialog.getByRole('button', { name: '导入 2 行' }).click();
  await page.waitForFunction(
    (n) =>
      /\/\s*(\d+)/.exec(
        document.querySelector('[data-testid=catalogue-count]')?.textContent ?? '',
      )?.[1] === String(n),
    before + 2,
  );
  check(
    (await page.locator('tr[data-product="new-fund-2"]').count()) === 1,
    'new-fund-2 is listed',
  );
  check(
    (await page.locator('tr[data-product="bad-risk"]').count()) === 0,
    'the bad row was not imported',
  );
  await screenshot('csv-imported');

  await saveAndReload(page);
  await page.locator('[data-action=catalogue]').click();
  await page.locator('[data-testid=catalogue-count]').waitFor();
  check((await catalogueCount(page)) === before + 2, 'the imported products survive a reload');
}

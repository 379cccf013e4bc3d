import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace } from './lib/studio.ts';

const sampleCsv = readFileSync(
  new URL('../../rule-packs/cn-csrc-2017/clients-sample.csv', import.meta.url),
  'utf8',
).trimEnd();

async function openPopulation(page: Page, baseUrl: string): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('[role=tab][data-tab=population]').click();
  await page.locator('[data-testid=pop-evaluate]').waitFor();
}

async function waitForRun(page: Page, timeout: number): Promise<void> {
  await page.locator('[data-testid=pop-status][data-status=done]').waitFor({ timeout });
  await page.locator('[data-testid=pop-charts] .recharts-bar-rectangle').first().waitFor();
}

/** A file of the pack's sample clients with two broken rows: lines 3 and 6 of the file. */
function csvWithTwoBadRows(): { text: string; good: number } {
  const [header, ...rows] = sampleCsv.split('\n');
  const columns = (header ?? '').split(',');
  const age = columns.indexOf('facts.age');
  const q1 = columns.indexOf('answers.Q1');
  const broken = (row: string, at: number, value: string) =>
    row
      .split(',')
      .map((cell, i) => (i === at ? value : cell))
      .join(',');
  const first = rows[0] ?? '';
  const lines = [
    header,
    rows[0],
    broken(first.replace(/^[^,]*/, 'bad-age'), age, 'forty'),
    rows[1],
    rows[2],
    broken(first.replace(/^[^,]*/, 'bad-answer'), q1, 'Z'),
    ...rows.slice(3),
  ];
  return { text: `${lines.join('\n')}\n`, good: rows.length };
}

export async function csvWithBadRowsListsThemByLine({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openPopulation(page, baseUrl);
  await page.locator('[data-mode=load]').click();
  const { text, good } = csvWithTwoBadRows();
  await page.locator('[data-testid=pop-file]').setInputFiles({
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  const loaded = page.locator('[data-testid=pop-loaded]');
  await loaded.waitFor();
  const bad = loaded.locator('[role=listitem]');
  check((await bad.count()) === 2, `two bad rows listed, got ${await bad.count()}`);
  check((await bad.nth(0).getAttribute('data-line')) === '3', 'the bad age is on line 3');
  check((await bad.nth(1).getAttribute('data-line')) === '6', 'the bad answer is on line 6');
  const first = (await bad.nth(0).textContent()) ?? '';
  const second = (await bad.nth(1).textContent()) ?? '';
  check(
    first.includes('第 3 行') && first.includes('facts.age'),
    `line 3 names the column: ${first}`,
  );
  check(
    second.includes('第 6 行') && second.includes('$.answers.Q1'),
    `line 6 names the path: ${second}`,
  );
  check(
    ((await loaded.textContent()) ?? '').includes(`已载入 ${good} 位客户`),
    `the ${good} good rows are loaded`,
  );
  // Columns map themselves from their headers; the mapping can be changed by hand.
  check(
    (await page.locator('select[aria-label="对应到 facts.age"]').inputValue()) === 'facts.age',
    'facts.age maps to itself',
  );
  await page.locator('[data-testid=pop-evaluate]').click();
  await waitForRun(page, 30_000);
  const status = (await page.locator('[data-testid=pop-status]').textContent()) ?? '';
  check(status.includes(`${good} 位客户`), `the run covers the loaded clients: ${status}`);
  await screenshot('csv-bad-rows');
}

export async function generatedPopulationChartsAndLiveThreshold({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  await openPopulation(page, baseUrl);
  await page.locator('[data-testid=pop-count]').fill('100000');
  check(
    ((await page.locator('[data-testid=pop-evaluate]').textContent()) ?? '').includes('100,000'),
    'the button offers 100,000 clients',
  );
  await page.locator('[data-testid=pop-evaluate]').click();
  await page.locator('[data-testid=pop-status][data-status=running]').waitFor();
  await page.waitForFunction(() => {
    const p = document.querySelector('.pop-progress') as HTMLProgressElement | null;
    return p !== null && p.value > 0;
  });
  await screenshot('progress');
  await waitForRun(page, 80_000);
  for (const chart of ['scores', 'levels', 'flags', 'reach'])
    check(
      (await page.locator(`[data-chart=${chart}] .recharts-bar-rectangle`).count()) > 0,
      `the ${chart} chart has bars`,
    );
  await screenshot('charts');
  await page.locator('[data-chart=levels]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot('levels-flags-reach');

  // The classify inspector: the population's histogram over the ruler, moves while dragging.
  await page.locator('[role=tab][data-tab=graph]').click();
  await page.locator('.react-flow__node[data-id="classify"]').click();
  await page.locator('[data-testid=whatif-matrix]').waitFor();
  await page.locator('[data-testid=ruler-histogram]').waitFor();
  const moved = () => page.locator('.whatif-summary').getAttribute('data-moved');
  check((await moved()) === '0', 'no client moves before a drag');
  const handle = page.locator('.classify-inspector .band-ruler-handle[data-boundary="C2-C3"]');
  // The ruler at the top of the inspector, so that the moves table below it is in view too.
  await page
    .locator('.classify-inspector .band-ruler')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const box = await handle.boundingBox();
  const track = await page.locator('.classify-inspector .band-ruler-track').boundingBox();
  check(box && track, 'the C2 / C3 handle and the track are on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Ten points to the right on a 0-100 ruler: C3 clients scoring 37-46 fall to C2.
  await page.mouse.move(box.x + box.width / 2 + track.width * 0.1, box.y + box.height / 2, {
    steps: 8,
  });
  await page.waitForFunction(
    () => Number(document.querySelector('.whatif-summary')?.getAttribute('data-moved')) > 0,
  );
  const down = Number(
    (await page.locator('[data-cell="C3-C2"]').textContent())?.replace(/,/g, '') ?? '0',
  );
  check(down > 0, `clients move from C3 to C2 while dragging, got ${down}`);
  check(
    ((await page.locator('[data-cell="C2-C3"]').textContent()) ?? '') === '·',
    'nobody moves up when the C2 / C3 boundary rises',
  );
  await screenshot('dragging');
  await page.mouse.up();
  // Committed: the moves still count against the bands the population was evaluated with.
  await page.waitForFunction(
    () => Number(document.querySelector('.whatif-summary')?.getAttribute('data-moved')) > 0,
  );
  check(
    (await page.locator('[data-testid=whatif-reach] tbody tr').count()) > 0,
    'product reach changes are listed',
  );
  await screenshot('after-drag');
}

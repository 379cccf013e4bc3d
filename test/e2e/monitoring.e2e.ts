import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace } from './lib/studio.ts';

/** Three clients of the CSRC pack: a C3 client holding equity funds, a C4, and an expiring profile. */
const base = {
  facts: {
    fullCivilCapacity: true,
    refusesPrincipalLoss: false,
    investorType: 'natural-person',
    age: 39,
  },
  answers: {
    Q1: 'A',
    Q2: 'C',
    Q3: 'B',
    Q4: 'B',
    Q5: 'D',
    Q6: 'C',
    Q7: 'C',
    Q8: 'A',
    Q9: ['B', 'C'],
    Q10: 'B',
    Q11: 'B',
    Q12: ['A', 'B'],
    Q13: 'C',
    Q14: 'B',
    Q15: 'B',
    Q16: 'C',
    Q17: 'C',
    Q18: 'B',
    Q19: 'C',
    Q20: 'A',
  },
  assessmentDate: '2026-01-10',
  evaluationDate: '2026-06-01',
};
const clients = [
  { ...base, clientId: 'sun<b>' },
  { ...base, clientId: 'zhou', assessmentDate: '2024-06-20' },
];
const holdings =
  'clientId,productId,amount,since\n' +
  'sun<b>,equity-fund,50000,2025-03-01\n' +
  'sun<b>,hybrid-fund,8000,2025-03-01\n' +
  'zhou,mmf,1000,2025-03-01\n';

async function openMonitoring(page: Page, baseUrl: string): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('[role=tab][data-tab=monitoring]').click();
  await page.locator('[data-testid=monitor-tab]').waitFor();
}

export async function scenarioRunsAndOpensANotice({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openMonitoring(page, baseUrl);
  await page.locator('[data-testid=monitor-clients]').setInputFiles({
    name: 'clients.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(clients.map((c) => JSON.stringify(c)).join('\n'), 'utf8'),
  });
  await page.locator('[data-testid=monitor-holdings]').setInputFiles({
    name: 'holdings.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(holdings, 'utf8'),
  });
  await page.locator('[data-testid=monitor-loaded]', { hasText: /2.*3/ }).waitFor();
  await page.locator('[data-testid=monitor-asof]').fill('2026-06-01');
  await page.locator('[data-testid=monitor-scenario]').selectOption('quick');
  await page.locator('[data-testid=monitor-tags]').fill('fund,equity');
  await page.locator('[data-testid=monitor-run]').click();
  await page.locator('[data-testid=monitor-report][data-status=done]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=monitor-chart] .recharts-bar-rectangle').first().waitFor();
  const count = async (name: string) =>
    Number(await page.locator(`[data-testid=count-${name}]`).textContent());
  check((await count('changes')) === 2, `both C3 clients change, got ${await count('changes')}`);
  check(
    (await count('unsuitable-holdings')) === 2,
    'the two equity funds of sun are no longer suitable',
  );
  check((await count('rating-changes')) === 3, 'three equity funds re-rated');
  check((await count('expiring')) === 1, "zhou's assessment expires within 30 days");
  await screenshot('lists');
  await page.locator('[data-testid=monitor-notice]').first().click();
  const frame = page.frameLocator('[data-testid=monitor-notice-view] iframe');
  const section = frame.locator('section.notice');
  await section.waitFor();
  const text = (await section.textContent()) ?? '';
  check(text.includes('sun<b>'), 'the notice names the client, escaped as text');
  check(/sha256:[0-9a-f]{64}/.test(text), 'the notice names the content hash');
  check(text.includes('1.0.0'), 'the notice names the version');
  check((await frame.locator('section.notice b').count()) === 0, 'no markup from the client id');
  await page.locator('[data-testid=monitor-notice-view]').scrollIntoViewIfNeeded();
  await screenshot('notice');
}

import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace } from './lib/studio.ts';

async function openPopulation(page: Page, baseUrl: string, pack: string): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, pack);
  await page.locator('[role=tab][data-tab=population]').click();
  await page.locator('[data-testid=pop-evaluate]').waitFor();
}

/**
 * Questionnaire analytics of a generated book of the MiFID pack: its knowledge questions feed a
 * complexity gate, not the final band, so they are dead for the band; the CSV export is escaped.
 */
export async function analyticsShowsAlphaAndDeadQuestions({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  await openPopulation(page, baseUrl, 'eu-mifid2');
  await page.locator('[data-testid=pop-count]').fill('3000');
  await page.locator('[data-testid=pop-evaluate]').click();
  await page.locator('[data-testid=pop-status][data-status=done]').waitFor({ timeout: 60_000 });

  const panel = page.locator('[data-testid=analytics-panel]');
  const analyse = panel.locator('[data-action=analyse]');
  check(
    ((await analyse.textContent()) ?? '').includes('3,000'),
    'the panel analyses the 3,000 clients',
  );
  await analyse.click();
  const alpha = panel.locator('[data-figure=alpha]');
  await alpha.waitFor({ timeout: 60_000 });
  const alphaText = (await alpha.textContent()) ?? '';
  check(/^0\.\d\d$/.test(alphaText), `alpha of the whole questionnaire shows: "${alphaText}"`);
  const dead = (await panel.locator('[data-sentence=dead]').textContent()) ?? '';
  check(
    dead.includes('K1') && dead.includes('无论怎样回答'),
    `the dead-question sentence names K1: ${dead}`,
  );
  const top = (await panel.locator('[data-sentence=top]').textContent()) ?? '';
  check(top.includes('影响最大'), `the question moving most clients is named: ${top}`);
  check(
    (await panel.locator('[data-figure=movers] .recharts-bar-rectangle').count()) > 0,
    'the movers chart has bars',
  );
  check(
    (await panel.locator('[data-figure=coherence] tr[data-rule=boldButSellsAll]').count()) === 1,
    'the pack’s coherence rule has its rate',
  );
  check(
    (await panel.locator('[data-figure=reliability] tr[data-dimension=tolerance]').count()) === 1,
    'alpha per dimension lists tolerance',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.locator('[data-action=analytics-csv]').click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(path, 'utf8');
  check(
    csv.startsWith('figure,question,option,dimension,rule,count,of,value\n'),
    `the CSV export has its header: ${csv.slice(0, 80)}`,
  );
  check(csv.includes('\ncoherence,,,,boldButSellsAll,'), 'the CSV export holds the coherence rate');

  await page.mouse.move(0, 0);
  await panel.scrollIntoViewIfNeeded();
  await screenshot('analytics-panel');
  await panel.locator('[data-figure=coherence]').scrollIntoViewIfNeeded();
  await screenshot('analytics-coherence');
  await panel.locator('[data-figure=answers]').scrollIntoViewIfNeeded();
  await screenshot('analytics-answers');
}
analyticsShowsAlphaAndDeadQuestions.timeoutMs = 150_000;

/**
 * A coherence rule added in the questionnaire inspector is counted by the analytics: the CSRC
 * pack's three rules, then a fourth (Q1 A with Q2 A), each with its rate.
 */
export async function coherenceRuleAddedInInspectorIsCounted({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('.react-flow__node[data-id="risk"]').click();
  const editor = page.locator('aside[data-node-id="risk"] [data-testid=coherence-editor]');
  await editor.waitFor();
  check((await editor.locator('[data-rule]').count()) === 3, 'the pack’s three rules are listed');
  await editor.locator('[data-action=add-coherence]').click();
  const added = editor.locator('[data-rule=coherence1]');
  await added.waitFor();
  check((await added.locator('[data-clause]').count()) === 2, 'the new rule has two clauses');
  await added.scrollIntoViewIfNeeded();
  await screenshot('coherence-editor');

  await page.locator('[role=tab][data-tab=population]').click();
  await page.locator('[data-testid=pop-count]').fill('2000');
  const panel = page.locator('[data-testid=analytics-panel]');
  await panel.locator('[data-action=analyse]').click();
  await panel.locator('[data-figure=alpha]').waitFor({ timeout: 60_000 });
  check(
    (await panel.locator('[data-figure=coherence] tr[data-rule]').count()) === 4,
    'the analytics count all four rules',
  );
  const row = (await panel.locator('tr[data-rule=coherence1]').textContent()) ?? '';
  check(/\d+\.\d%/.test(row), `the new rule has a rate: ${row}`);
}
coherenceRuleAddedInInspectorIsCounted.timeoutMs = 150_000;

import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { parsePack, questionsOf } from '../../src/domain/index.ts';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace, waitForStatus } from './lib/studio.ts';

/**
 * Counts what a person does: every click, fill and option chosen goes through here. Waiting and
 * reading the screen are free.
 */
function actions(page: Page) {
  let count = 0;
  const at = (target: string | Locator) =>
    typeof target === 'string' ? page.locator(target).first() : target;
  return {
    get count() {
      return count;
    },
    click: async (target: string | Locator) => {
      count++;
      await at(target).click();
    },
    fill: async (target: string | Locator, value: string) => {
      count++;
      await at(target).fill(value);
    },
    select: async (target: string | Locator, value: string) => {
      count++;
      await at(target).selectOption(value);
    },
  };
}

const MAX_ACTIONS = 40;

/** Waits until `n` elements match `selector`. */
async function waitForCount(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => document.querySelectorAll(sel as string).length === want,
    [selector, n] as const,
  );
}

/** Adds a question to the first section and writes its text in both languages. */
async function addQuestion(
  page: Page,
  act: ReturnType<typeof actions>,
  zh: string,
  en: string,
): Promise<void> {
  const before = await page.locator('.q-item').count();
  await act.click(page.locator('.q-section .q-add').first());
  await waitForCount(page, '.q-item', before + 1);
  const editor = page.locator('[data-question-editor]');
  await act.fill(editor.getByLabel('题目 (zh-CN)', { exact: true }), zh);
  await act.fill(editor.getByLabel('题目 (en)', { exact: true }), en);
}

/**
 * From "New pack" (blank) to a published, exported 3-question / 3-level / 2-product pack with no
 * JSON edit, in at most 40 actions.
 */
export async function newPackToPublishedFileInFewActions(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await openWorkspace(page, baseUrl);
  const act = actions(page);

  // 1. New pack, blank.
  await act.click('[data-testid=new-pack]');
  await page.locator('[data-testid=new-pack-dialog]').waitFor();
  await act.fill('input[name=new-title-zh]', '我司适当性规则');
  await act.fill('input[name=new-title-en]', 'Our Suitability Rules');
  check(
    (await page.locator('input[name=new-id]').inputValue()) === 'our-suitability-rules',
    'the id follows the English title',
  );
  await screenshot('new-pack-dialog');
  await act.click('[data-testid=new-pack-create]');
  await page.locator('.react-flow__node[data-id="questionnaire"]').waitFor();
  await screenshot('blank-pack');

  // 2. Two more questions (the blank pack has one).
  await act.click('.react-flow__node[data-id="questionnaire"]');
  await page.locator('.q-section').first().waitFor();
  await addQuestion(page, act, '您的投资目标是？', 'What is your investment goal?');
  await addQuestion(page, act, '您能承受多大的亏损？', 'How large a loss can you bear?');

  // 3. A second product, high risk (the blank pack has one, low risk).
  await act.click('[data-action=catalogue]');
  await page.locator('[data-testid=catalogue-count]').waitFor();
  const rows = page.locator('tr[data-product]');
  const ids = async () =>
    rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-product')));
  const before = await ids();
  await act.click(page.getByRole('button', { name: '+ 添加' }));
  await waitForCount(page, 'tr[data-product]', before.length + 1);
  const id = (await ids()).find((p) => !before.includes(p)) ?? '';
  await act.fill(page.getByLabel(`中文名称 ${id}`, { exact: true }), '股票型基金');
  await act.fill(page.getByLabel(`英文名称 ${id}`, { exact: true }), 'Equity fund');
  await act.select(page.getByLabel(`风险等级 ${id}`, { exact: true }), 'R3');
  await screenshot('built');

  // 4. Review and publish: the default user submits, a second user approves.
  await act.click('[role=tab][data-tab=versions]');
  await act.click('[data-section=review]');
  await act.fill('[data-testid=note-input]', '首个版本');
  await act.click('[data-testid=submit-review]');
  await page.locator('[data-testid=pack-status].in-review').waitFor();
  await act.click('[data-testid=user-bar] summary');
  await act.fill('[data-testid=user-id]', 'zhao.min');
  await act.fill('[data-testid=user-name]', 'Zhao Min');
  await act.click('[data-testid=user-create]');
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid=user-select]') as HTMLSelectElement | null)?.value ===
      'zhao.min',
  );
  await act.click('[data-testid=approve]');
  await page.locator('[data-testid=pack-status].approved').waitFor();
  const checks = (await page.locator('[data-testid=publish-checks]').textContent()) ?? '';
  check(checks.includes('检查通过'), `lint and tests pass before publishing: ${checks}`);
  await act.click('[data-testid=publish]');
  await page.locator('[data-testid=pack-status].published').waitFor();
  await screenshot('published');

  // 5. The exported file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    act.click('[data-testid=export-published]'),
  ]);
  check(
    download.suggestedFilename() === 'our-suitability-rules-0.1.0.json',
    `the file is named after the id: ${download.suggestedFilename()}`,
  );
  const parsed = parsePack(await readFile(await download.path(), 'utf8'), 'exported');
  check(parsed.ok, 'the exported file is a valid pack');
  const pack = parsed.pack;
  check(pack.status === 'published', `published: ${pack.status}`);
  check(/^sha256:/.test(pack.integrity?.hash ?? ''), 'the file carries its content hash');
  const questions = pack.questionnaires.flatMap(questionsOf);
  check(questions.length === 3, `3 questions, got ${questions.length}`);
  check(
    questions.some((q) => q.text.en === 'How large a loss can you bear?'),
    'the question texts were saved',
  );
  const levels = pack.vocabulary.scales.find((s) => s.role === 'clientLevel')?.levels ?? [];
  check(levels.length === 3, `3 client levels, got ${levels.length}`);
  check(pack.products.items.length === 2, `2 products, got ${pack.products.items.length}`);
  check(
    pack.products.items.some((p) => p.name.en === 'Equity fund' && p.risk === 'R3'),
    'the new product is the R3 equity fund',
  );
  check(
    pack.products.items.some((p) => p.id === 'product-1' && p.risk === 'R1'),
    "the blank pack's product is still there, R1",
  );
  check(act.count <= MAX_ACTIONS, `at most ${MAX_ACTIONS} actions, took ${act.count}`);
  console.log(`authoring: blank pack to published file in ${act.count} actions`);
}

/** The pack settings: a client level added shows its effect first, applies, and undoes. */
export async function scaleEditShowsItsEffectBeforeApplying(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await openWorkspace(page, baseUrl);
  await page.locator('[data-testid=new-pack]').click();
  await page.locator('input[name=new-title-zh]').fill('刻度试验');
  await page.locator('input[name=new-id]').fill('scale-trial');
  await page.locator('[data-testid=new-pack-create]').click();
  await page.locator('.react-flow__node[data-id="questionnaire"]').waitFor();
  await page.locator('[role=tab][data-tab=settings]').click();
  const scale = page.locator('[data-testid=scale-clientLevel]');
  await scale.locator('[data-testid=level-remove]').nth(1).click();
  const plan = scale.locator('[data-testid=scale-plan]');
  await plan.waitFor();
  const said = (await plan.textContent()) ?? '';
  check(said.includes('C2 的分数区间并入 C1（0–3）'), `the band effect is shown: ${said}`);
  check(said.includes('删除 C2 行'), `the matrix effect is shown: ${said}`);
  await screenshot('scale-plan');
  await scale.locator('[data-testid=scale-apply]').click();
  await waitForCount(page, '[data-testid=scale-clientLevel] tr[data-level]', 2);
  await page.locator('[data-testid=pack-id]').fill('scale-trial-2');
  await page.locator('[data-testid=pack-id]').press('Enter');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=export-name]')?.textContent ===
      'scale-trial-2-0.1.0.json',
  );
  // A persona from the simulation, kept in the pack, renamed in the settings.
  await page.locator('[role=tab][data-tab=simulate]').click();
  await page.locator('[data-action=save-sample]').click();
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid=sample-picker]') as HTMLSelectElement | null)?.value ===
      'client',
  );
  await page.locator('[role=tab][data-tab=settings]').click();
  const persona = page.locator('[data-testid=sample-clients] tr[data-sample=client]');
  await persona.getByLabel('中文名称').fill('王先生');
  await persona.getByLabel('中文名称').press('Enter');
  await page.locator('[data-testid=sample-clients] input[value="王先生"]').waitFor();
  await page.locator('[data-testid=sample-from-sim]').click();
  await waitForCount(page, '[data-testid=sample-clients] tr[data-sample]', 2);
  await waitForStatus(page, 'saved');
  await screenshot('settings');
}

/** Deleting a test case asks nothing of the browser: it goes at once, and the toast brings it back. */
export async function deletedTestComesBackFromTheToast(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  // A browser confirm() would be a dialog event; none may come.
  page.on('dialog', () => {
    throw new Error('the browser confirm() was used');
  });
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('[role=tab][data-tab=tests]').click();
  const rows = page.locator('.test-row[data-test-id]');
  await rows.first().waitFor();
  const before = await rows.count();
  await rows.first().click();
  const id = (await page.locator('[data-testid=test-detail]').getAttribute('data-test-id')) ?? '';
  await page.locator('[data-testid=test-detail] .btn-danger').click();
  await waitForCount(page, '.test-row', before - 1);
  const toast = page.locator('.toast', { hasText: '已删除测试用例' });
  await toast.waitFor();
  await screenshot('test-removed-toast');
  await toast.getByRole('button', { name: '撤销' }).click();
  await page.locator(`.test-row[data-test-id="${id}"]`).waitFor();
  check((await rows.count()) === before, 'the test case is back');
}

/** Several tests duplicated at once, several products deleted at once and brought back. */
export async function bulkDuplicateTestsAndDeleteProducts(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('[role=tab][data-tab=tests]').click();
  const tests = page.locator('.test-row[data-test-id]');
  await tests.first().waitFor();
  const before = await tests.count();
  const boxes = page.locator('.tests-list [data-select]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.locator('[data-action=bulk-duplicate]').click();
  await waitForCount(page, '.test-row', before + 2);
  const first = (await tests.nth(0).getAttribute('data-test-id')) ?? '';
  check(
    (await tests.nth(1).getAttribute('data-test-id')) === `${first}-copy`,
    'the copy follows its original',
  );
  await screenshot('bulk-tests');

  await page.locator('[role=tab][data-tab=graph]').click();
  await page.locator('[data-action=catalogue]').click();
  const products = page.locator('tr[data-product]');
  await products.first().waitFor();
  const count = await products.count();
  const chosen = page.locator('.catalogue [data-select]');
  await chosen.nth(0).check();
  await chosen.nth(2).check();
  await page.locator('[data-action=bulk-remove]').click();
  await waitForCount(page, 'tr[data-product]', count - 2);
  const toast = page.locator('.toast', { hasText: '删除 2 个产品' });
  await toast.waitFor();
  await screenshot('bulk-products-removed');
  await toast.getByRole('button', { name: '撤销' }).click();
  await waitForCount(page, 'tr[data-product]', count);
}

/** From the palette: a new pack with the CSRC pack as a template, keeping neither tests nor personas. */
export async function newPackFromATemplateKeepsWhatIsAsked(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await openWorkspace(page, baseUrl);
  await page.keyboard.press('ControlOrMeta+K');
  await page.locator('.palette-input').fill('新建规则包');
  check(
    (await page.locator('.palette-item.active').getAttribute('data-command')) === 'file.newPack',
    'the palette offers New pack',
  );
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=new-pack-dialog]').waitFor();
  await page.locator('input[name=new-title-zh]').fill('我司证券适当性');
  await page.locator('input[name=new-id]').fill('my-csrc');
  await page.locator('select[name=new-source]').selectOption('cn-csrc-2017');
  await page.locator('input[name=keep-tests]').uncheck();
  await page.locator('input[name=keep-personas]').uncheck();
  await screenshot('template-wizard');
  await page.locator('[data-testid=new-pack-create]').click();
  await page.locator('.react-flow__node[data-id="classify"]').waitFor();
  check(
    (await page.locator('[data-testid=pack-title]').textContent()) === '我司证券适当性',
    'the new pack is open under its title',
  );
  await page.locator('[role=tab][data-tab=tests]').click();
  await page.locator('[data-testid=tests-tab] .muted', { hasText: '还没有测试用例' }).waitFor();
  await page.locator('[role=tab][data-tab=settings]').click();
  check(
    (await page.locator('[data-testid=export-name]').textContent()) === 'my-csrc-0.1.0.json',
    'the new id and version name the export file',
  );
  check(
    (await page.locator('[data-testid=sample-clients] tr[data-sample]').count()) === 0,
    'no persona was kept',
  );
  await page.locator('[data-menu=file]').click();
  await page.locator('.menu-list [data-command="file.newPack"]').waitFor();
}

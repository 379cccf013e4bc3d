import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { parsePack, type Pack } from '../../src/domain/index.ts';
import { compilePack, evaluate } from '../../src/engine/index.ts';
import { check, type ScenarioArgs } from './lib/types.ts';
import {
  allowClipboard,
  editJson,
  openJsonTab,
  openPack,
  openWorkspace,
  waitForStatus,
} from './lib/studio.ts';

const inspector = (page: Page, nodeId: string) => page.locator(`aside[data-node-id="${nodeId}"]`);

async function openCsrc(page: Page, baseUrl: string): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('.react-flow__node[data-id="risk"]').waitFor();
}

/** Selects a node on the canvas and waits for its inspector. */
async function selectNode(page: Page, nodeId: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
  await inspector(page, nodeId).waitFor();
}

/** Saves, reloads the page and comes back to the same pack. */
async function saveAndReload(page: Page): Promise<void> {
  await waitForStatus(page, 'saved');
  await page.reload();
  await page.locator('.react-flow__node[data-id="risk"]').waitFor();
}

async function scoreRange(page: Page): Promise<{ min: number; max: number }> {
  const text = (await page.locator('[data-testid=score-range]').textContent()) ?? '';
  const m = /(-?\d+(?:\.\d+)?)\s*–\s*(-?\d+(?:\.\d+)?)/.exec(text);
  check(m, `the score range should read "min – max", got: ${text}`);
  return { min: Number(m[1]), max: Number(m[2]) };
}

/** Types into a field by its accessible name and commits with Enter, as a person would. */
async function typeInto(root: Page | Locator, label: string, value: string): Promise<void> {
  const field = root.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

export async function questionWithScoredOptionsMovesTheScoreRange({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  await openCsrc(page, baseUrl);
  await selectNode(page, 'risk');
  const before = await scoreRange(page);

  await page.locator('.q-section').first().locator('.q-add').click();
  const editor = page.locator('[data-question-editor]');
  await editor.waitFor();
  const id = (await editor.getAttribute('data-question-editor')) ?? '';
  check(id !== '', 'the new question is selected for editing');
  await typeInto(editor, '分值 B', '8');
  await editor.getByRole('button', { name: '添加选项' }).click();
  await typeInto(editor, '分值 C', '12');
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid=question-points]')?.textContent?.includes(want),
    '0–12',
  );
  const after = await scoreRange(page);
  check(
    after.max === before.max + 12 && after.min === before.min,
    `a required question scoring 0-12 should move the range from ${before.min}-${before.max} to ${before.min}-${before.max + 12}, got ${after.min}-${after.max}`,
  );
  // The client's-eye preview scores an answer live.
  await editor.locator('.q-preview input[type=radio]').nth(2).check();
  const scored = (await editor.locator('.q-preview-score').textContent()) ?? '';
  check(scored.includes('12'), `choosing C in the preview scores 12, got: ${scored}`);
  await screenshot('question-added');

  await saveAndReload(page);
  await selectNode(page, 'risk');
  const stored = await scoreRange(page);
  check(
    stored.max === after.max,
    `after reload the range should end at ${after.max}, got ${stored.max}`,
  );
  check(
    (await page.locator(`.q-item[data-question="${id}"]`).count()) === 1,
    `question ${id} should still be in the outline after reload`,
  );
}

export async function matrixCellCyclesAndPersists({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrc(page, baseUrl);
  await selectNode(page, 'match');
  const cell = page.locator('[data-cell="C3-R4"]');
  await cell.scrollIntoViewIfNeeded();
  const start = await cell.getAttribute('data-verdict');
  check(start === 'warn', `C3 buying R4 starts as warn, got ${start}`);
  await cell.click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-cell="C3-R4"]')?.getAttribute('data-verdict') === 'prohibited',
  );
  const legend = (await page.locator('.matrix-legend').textContent()) ?? '';
  check(
    legend.includes('允许') && legend.includes('禁止'),
    `the legend names the verdicts: ${legend}`,
  );
  await screenshot('matrix-edited');

  await saveAndReload(page);
  await selectNode(page, 'match');
  const stored = await page.locator('[data-cell="C3-R4"]').getAttribute('data-verdict');
  check(stored === 'prohibited', `after reload C3 x R4 should be prohibited, got ${stored}`);
}

export async function ruleConditionBuiltWithPickers({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrc(page, baseUrl);
  await selectNode(page, 'policy');
  const editor = page.locator('.rule-editor');
  await editor.waitFor();
  const root = editor.locator('.cond-group').first();
  const rows = root.locator(':scope > .cond-children > .cond-row');
  const count = await rows.count();

  await root
    .locator(':scope > .cond-group-head')
    .getByRole('button', { name: '+ 添加条件', exact: true })
    .click();
  const row = rows.nth(count);
  await row.waitFor();
  // The fact is picked, never typed: the picker lists facts, answers and upstream outputs.
  const picker = row.getByLabel('事实', { exact: true });
  const offered = await picker
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  check(offered.includes('age'), 'client facts are offered');
  check(offered.includes('answers.Q15'), 'questionnaire answers are offered');
  check(offered.includes('risk.total'), 'upstream node outputs are offered');
  await picker.selectOption('age');
  const ageRow = editor.locator('.cond-row[data-condition="age"]').last();
  await ageRow.getByLabel('运算', { exact: true }).selectOption('greaterThanInclusive');
  await typeInto(ageRow, '值 age', '70');
  check(
    (await ageRow.getByLabel('值 age', { exact: true }).inputValue()) === '70',
    'value 70 kept',
  );

  // An enum fact gets a select of its values; "is one of" gets a multi-select.
  await root
    .locator(':scope > .cond-group-head')
    .getByRole('button', { name: '+ 添加条件', exact: true })
    .click();
  const second = rows.nth(count + 1);
  await second.getByLabel('事实', { exact: true }).selectOption('investorType');
  const typeRow = editor.locator('.cond-row[data-condition="investorType"]');
  const values = await typeRow
    .getByLabel('值 investorType', { exact: true })
    .locator('option')
    .count();
  check(values >= 10, `the investor types should be offered as values, got ${values}`);
  await typeRow.getByLabel('运算', { exact: true }).selectOption('in');
  const chips = typeRow.locator('.cond-multi input[type=checkbox]');
  check((await chips.count()) >= 10, '"is one of" lists every investor type to tick');
  await chips.nth(1).check();
  await screenshot('rule-condition');

  await saveAndReload(page);
  await selectNode(page, 'policy');
  const stored = page.locator('.rule-editor .cond-row[data-condition="age"]');
  await stored.waitFor();
  check(
    (await stored.last().getByLabel('值 age', { exact: true }).inputValue()) === '70',
    'after reload the condition age >= 70 is there',
  );
  const ticked = await page
    .locator('.rule-editor .cond-row[data-condition="investorType"] .cond-multi input:checked')
    .count();
  check(ticked === 2, `two investor types ticked after reload, got ${ticked}`);
}

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

/** Waits until the focused element is the one with this accessible name. */
async function waitForFocus(page: Page, label: string): Promise<void> {
  await page.waitForFunction(
    (want) => document.activeElement?.getAttribute('aria-label') === want,
    label,
  );
}

async function questionOrder(page: Page): Promise<string[]> {
  return page
    .locator('.q-section')
    .first()
    .locator('.q-item')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-question') ?? ''));
}

export async function questionsReorderByDragAndKeys({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrc(page, baseUrl);
  await selectNode(page, 'risk');
  const before = await questionOrder(page);
  check(before.length >= 3, `the first section has questions: ${before.join(', ')}`);
  const [first, second, third] = before as [string, string, string];
  const target = page.locator(`.q-item[data-question="${second}"]`);
  const box = await target.boundingBox();
  check(box, 'the drop target is on screen');
  // Dropped on the lower half of the second question: the first moves below it.
  await page
    .locator(`.q-item[data-question="${first}"] .q-grip`)
    .dragTo(target, { targetPosition: { x: 20, y: box.height - 3 } });
  const dragged = await questionOrder(page);
  check(
    dragged[0] === second && dragged[1] === first && dragged[2] === third,
    `dragging ${first} below ${second} gives ${second}, ${first}, ${third}; got ${dragged.join(', ')}`,
  );
  // The keyboard way: Tab to the move-down button and press Enter.
  await page.getByRole('button', { name: `下移 ${first}`, exact: true }).focus();
  await page.keyboard.press('Enter');
  const keyed = await questionOrder(page);
  check(
    keyed[1] === third && keyed[2] === first,
    `moving ${first} down gives ${second}, ${third}, ${first}; got ${keyed.join(', ')}`,
  );
  // Focus follows the moved question, so Enter again would move it on.
  await waitForFocus(page, `下移 ${first}`);
  await screenshot('questions-reordered');
  await saveAndReload(page);
  await selectNode(page, 'risk');
  const stored = await questionOrder(page);
  check(
    stored.slice(0, 3).join() === keyed.slice(0, 3).join(),
    `order kept after reload: ${stored.join(', ')}`,
  );
}

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
async function policyCodes(page: Page): Promise<string[]> {
  return page
    .locator('.match-policy')
    .evaluateAll((items) =>
      items.map((i) => i.querySelector<HTMLInputElement>('.reason-field input')?.value ?? ''),
    );
}

export async function policyRowsMoveByKeyboard({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrc(page, baseUrl);
  await selectNode(page, 'match');
  const before = await policyCodes(page);
  const [first, second, third] = before;
  check(before.length >= 3 && first && second && third, `policies listed: ${before.join(', ')}`);
  // Policies are named by position: once moved, the first is number 2 and keeps the focus.
  await page.getByRole('button', { name: '下移 1', exact: true }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, '下移 2');
  await page.keyboard.press('Enter');
  await waitForFocus(page, '下移 3');
  const moved = await policyCodes(page);
  check(
    moved.slice(0, 3).join() === [second, third, first].join(),
    `two presses take ${first} below ${second} and ${third}; got ${moved.join(', ')}`,
  );
  // At the top the move-up button is off: focus falls to the same row's other move button.
  await page.getByRole('button', { name: '上移 2', exact: true }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, '下移 1');
  await screenshot('policies-moved');
  // Every move is one undoable change.
  const undo = page.locator('.toolbar [data-command="edit.undo"]');
  for (let i = 0; i < 3; i++) await undo.click();
  await page.waitForFunction(
    (want) =>
      [...document.querySelectorAll('.match-policy')]
        .map((p) => p.querySelector<HTMLInputElement>('.reason-field input')?.value)
        .join() === want,
    before.join(),
  );
}

function loadCsrc(): Pack {
  const file = new URL('../../rule-packs/cn-csrc-2017/pack.json', import.meta.url);
  const parsed = parsePack(readFileSync(file, 'utf8'), 'cn-csrc-2017');
  check(parsed.ok, 'the CSRC pack parses');
  return parsed.pack;
}

/** The sample client's verdict per product, computed here with the engine the studio runs. */
function verdicts(pack: Pack, sampleId: string): Record<string, string> {
  const input = pack.sampleClients.find((s) => s.id === sampleId)?.input;
  check(input, `the pack has the sample client ${sampleId}`);
  const result = evaluate(compilePack(pack), input);
  return Object.fromEntries(Object.entries(result.products).map(([id, p]) => [id, p.verdict]));
}

async function waitForVerdicts(page: Page, want: Record<string, string>): Promise<void> {
  await page.waitForFunction(
    (w) =>
      Object.entries(w).every(
        ([id, verdict]) =>
          document
            .querySelector(`[data-testid=sim-products] tr[data-product="${id}"]`)
            ?.getAttribute('data-verdict') === verdict,
      ),
    want,
  );
}

export async function dimensionAppliesOnlyWhenAFlagHolds({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  // The horizon check made to apply only to firm-initiated sales: a client-initiated client
  // (sample retiree-wang) is no longer warned of products longer than her horizon.
  const dimension = 'horizon';
  const flag = 'policy.firmInitiated';
  const sample = 'retiree-wang';
  const pack = loadCsrc();
  const changed = structuredClone(pack);
  const match = changed.graph.nodes.find((n) => n.id === 'match');
  check(match?.kind === 'match', 'the CSRC pack has the match node');
  const horizon = match.config.dimensions.find((d) => d.id === dimension);
  check(horizon, 'the match node checks the horizon');
  horizon.appliesWhen = flag;
  const before = verdicts(pack, sample);
  const after = verdicts(changed, sample);
  const moved = Object.keys(before).filter((id) => before[id] !== after[id]);
  check(moved.length > 0, `skipping the horizon check changes some of ${sample}'s verdicts`);
  const pick = (all: Record<string, string>) =>
    Object.fromEntries(moved.map((id) => [id, all[id] ?? '']));

  await openCsrc(page, baseUrl);
  await selectNode(page, 'match');
  const card = page.locator(`[data-dimension="${dimension}"]`);
  const summary = card.getByTestId('dimension-applies');
  check((await summary.textContent()) === '总是检查', 'the horizon check starts as "always"');
  const picker = card.getByLabel('适用条件', { exact: true });
  await picker.scrollIntoViewIfNeeded();
  const offered = await picker
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  check(offered[0] === '' && offered.includes(flag), `"always" then the flags: ${offered.join()}`);
  check(!offered.includes('classify.level'), 'only yes/no values are offered');
  await picker.selectOption(flag);
  await page.locator(`[data-dimension="${dimension}"] [data-applies-when="${flag}"]`).waitFor();
  const words = (await summary.textContent()) ?? '';
  check(
    words.includes('仅当“最低类别与公司政策：firmInitiated”为真时检查') && words.includes(flag),
    `the card says when the check applies, in words: ${words}`,
  );
  await summary.scrollIntoViewIfNeeded();
  await screenshot('applies-when-set');

  await page.locator('[role=tab][data-tab=simulate]').click();
  await page.locator('[data-testid=sample-picker]').selectOption(sample);
  await waitForVerdicts(page, pick(after));
  await screenshot('applies-when-verdicts');

  // One undo takes the condition back: the verdicts and the card are as they were.
  await page.locator('.toolbar [data-command="edit.undo"]').click();
  await waitForVerdicts(page, pick(before));
  await page.locator('[role=tab][data-tab=graph]').click();
  await selectNode(page, 'match');
  await page.locator(`[data-dimension="${dimension}"] [data-applies-when=""]`).waitFor();
  check(
    (await page.locator(`[data-dimension="${dimension}"]`).getByLabel('适用条件').inputValue()) ===
      '',
    'after undo the picker reads "always" again',
  );
}

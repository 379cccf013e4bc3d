import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parsePack, type Pack } from '../../src/domain/index.ts';
import { compilePack, evaluate, type EvaluationResult } from '../../src/engine/index.ts';
import { check, type ScenarioArgs } from './lib/types.ts';
import {
  allowClipboard,
  editJson,
  openJsonTab,
  openPack,
  openWorkspace,
  waitForStatus,
} from './lib/studio.ts';

function loadPack(id: string): Pack {
  const file = new URL(`../../rule-packs/${id}/pack.json`, import.meta.url);
  const parsed = parsePack(readFileSync(file, 'utf8'), id);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return parsed.pack;
}

/** What the engine says of a sample client, computed here in Node to check the studio against. */
function expected(pack: Pack, sample: number): EvaluationResult {
  const input = pack.sampleClients[sample]?.input;
  if (!input) throw new Error(`no sample client ${sample}`);
  return evaluate(compilePack(pack), input);
}

async function openSimulator(page: Page, baseUrl: string, key: string): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, key);
  await page.locator('[role=tab][data-tab=simulate]').click();
  await page.locator('[data-testid=simulator]').waitFor();
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

const field = (page: Page, path: string) => page.locator(`.sim-field[data-path="${path}"]`);

/** Answers every visible question with its first option (or its minimum for a number). */
async function answerEverything(page: Page): Promise<void> {
  const fields = page.locator('[data-testid=client-form] .sim-field[data-path^="$.answers."]');
  for (let i = 0; i < (await fields.count()); i++) {
    const f = fields.nth(i);
    const choice = f.locator('input[type=radio], input[type=checkbox]').first();
    if ((await choice.count()) > 0) {
      if (!(await choice.isChecked())) await choice.check();
    } else {
      const number = f.locator('input.sim-number');
      const placeholder = (await number.getAttribute('placeholder')) ?? '0';
      await number.fill(placeholder.split(' ')[0] ?? '0');
    }
  }
}

export async function previewAClientToAResult({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openSimulator(page, baseUrl, 'eu-mifid2');
  await page.locator('[data-action=blank-form]').click();
  // An empty form: the required fact is missing, which the engine refuses at that field.
  const category = field(page, '$.facts.clientCategory');
  await category.locator('[data-testid=field-error]').waitFor();
  check(
    (await field(page, '$.answers.E1').locator('.sim-field-check').textContent())?.includes(
      '请回答',
    ),
    'an unanswered required question says so',
  );
  // Show-if, live: the sustainability follow-ups appear only after "yes".
  check((await field(page, '$.answers.E2').count()) === 0, 'E2 is hidden before E1 is answered');
  await field(page, '$.answers.E1').locator('input[value=yes]').check();
  await field(page, '$.answers.E2').waitFor();
  check((await field(page, '$.answers.E4').count()) === 1, 'E4 shows with E1 = yes');
  await field(page, '$.answers.E1').locator('input[value=no]').check();
  await field(page, '$.answers.E2').waitFor({ state: 'detached' });

  await category.locator('select').selectOption({ index: 1 });
  await answerEverything(page);
  await page.locator('[data-testid=sim-result]').waitFor();
  check((await page.locator('[data-testid=sim-products] tbody tr').count()) > 0, 'verdicts shown');
  check((await page.locator('.sim-field-check').count()) === 0, 'a complete form has no notes');

  // A number outside its range: the engine's error is shown at the question, with its path.
  const k5 = field(page, '$.answers.K5');
  await k5.locator('input.sim-number').fill('100001');
  await k5.locator('[data-testid=field-error]').waitFor();
  check((await text(page, '[data-testid=sim-error]')).includes('$.answers.K5'), 'error names path');
  await screenshot('preview-input-error');
  await k5.locator('input.sim-number').fill('3');
  await page.locator('[data-testid=sim-result]').waitFor();

  await page.locator('[data-testid=locale]').selectOption('en');
  await page.locator('[data-action=blank-form]', { hasText: 'Blank form' }).waitFor();
  check(
    (await text(page, '[data-testid=client-form]')).includes('Evaluation date'),
    'the form speaks English',
  );
  await screenshot('preview-result-en');
}

export async function sampleClientLightsTheTrace({ page, baseUrl, screenshot }: ScenarioArgs) {
  const pack = loadPack('cn-csrc-2017');
  const sample = 0;
  const want = expected(pack, sample);
  await openSimulator(page, baseUrl, 'cn-csrc-2017');
  await page
    .locator('[data-testid=sample-picker]')
    .selectOption(pack.sampleClients[sample]?.id ?? '');
  const level = page.locator('[data-testid=sim-level]');
  await page.waitForFunction(
    (l) => document.querySelector('[data-testid=sim-level]')?.getAttribute('data-level') === l,
    String(want.outputs['level']),
  );
  check(
    (await text(page, '[data-testid=sim-score]')).includes(String(want.outputs['score'])),
    `score ${String(want.outputs['score'])} shown`,
  );
  check((await level.count()) === 1, 'one level');

  // Every node on the path is lit with its summary; the classify node names the level.
  const lit = page.locator('.react-flow__node.trace-lit');
  await lit.first().waitFor();
  check((await lit.count()) === pack.graph.nodes.length, 'every CSRC node is on the path');
  const classify = page.locator('.react-flow__node[data-id=classify] [data-testid=node-trace]');
  check(
    ((await classify.textContent()) ?? '').includes(String(want.outputs['level'])),
    'the classify node shows the level it gave',
  );
  check((await page.locator('.react-flow__edge.trace-lit').count()) > 0, 'edges on the path lit');

  // Verdict filter: only warned products, as many as the engine warns.
  const warned = Object.values(want.products).filter((p) => p.verdict === 'warn').length;
  await page.locator('[data-verdict-filter=warn]').click();
  const rows = page.locator('[data-testid=sim-products] tbody tr');
  check(warned > 0 && (await rows.count()) === warned, `${warned} warned products listed`);
  check(
    (await page.locator('[data-testid=sim-products] tbody tr:not([data-verdict=warn])').count()) ===
      0,
    'the filter keeps warned products only',
  );
  await screenshot('trace');

  // A click on a node shows what it read and gave, as a tree.
  await page.locator('.react-flow__node[data-id=classify]').click();
  const detail = page.locator('[data-testid=node-detail][data-node-id=classify]');
  await detail.waitFor();
  const detailText = (await detail.textContent()) ?? '';
  check(detailText.includes('effectiveScore.value'), 'the input shows the score it read');
  check(detailText.includes('band'), 'the output shows the band');
  await screenshot('node-detail');
}

export async function savedSimulationFailsWhenABandMoves(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  const pack = loadPack('cn-csrc-2017');
  const want = expected(pack, 0);
  await openSimulator(page, baseUrl, 'cn-csrc-2017');
  await page.locator('[data-testid=sim-level]').waitFor();
  await page.locator('[data-action=save-test]').click();
  const detail = page.locator('[data-testid=test-detail]');
  await detail.waitFor();
  const testId = (await detail.getAttribute('data-test-id')) ?? '';
  check(testId.startsWith('sim-'), `the saved test is open, got ${testId}`);
  await waitForStatus(page, 'saved');
  await page.locator('[data-action=run-tests]').click();
  // Every listed test ran, the new one included, and all pass (the wait outlasts the run just
  // started, whose first frames may still show the run before).
  await page.waitForFunction(() => {
    const n = document.querySelectorAll('.test-row').length;
    return document
      .querySelector('[data-testid=tests-status][data-state=done]')
      ?.textContent?.includes(`${n} 个通过，0 个失败，共 ${n} 个`);
  });
  check(
    (await page.locator(`.test-row[data-test-id="${testId}"]`).getAttribute('data-state')) ===
      'passed',
    'the saved simulation passes',
  );
  // The expectations were prefilled from the simulation and can be edited.
  await page.locator('[data-action=edit-test]').click();
  await page.locator('[data-testid=expect-editor] [data-expect-output=level]').waitFor();
  await screenshot('saved-test');
  // Unpinning one product's verdict is an edit of the pack's test, saved like any other.
  const product = pack.products.items[0]?.id ?? '';
  await page.locator(`[data-expect-product="${product}"] select`).selectOption('');
  await waitForStatus(page, 'saved');
  await page.locator('[data-action=edit-test]').click();
  const checks = Object.keys(want.outputs).length + pack.products.items.length - 1;
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid=test-detail]')?.textContent?.includes(`检查 ${n} 项`),
    checks,
  );

  // Break the rule in the JSON view: the client's band now starts one point above the score.
  const score = want.outputs['score'] as number;
  const level = String(want.outputs['level']);
  await page.locator('[role=tab][data-tab=json]').click();
  await openJsonTab(page);
  await editJson(page, (json) => {
    const doc = JSON.parse(json) as {
      graph: {
        nodes: { kind: string; config: { bands: { level: string; min: number; max: number }[] } }[];
      };
    };
    const bands = doc.graph.nodes.find((n) => n.kind === 'classify')?.config.bands ?? [];
    const i = bands.findIndex((b) => b.level === level);
    const below = bands[i - 1];
    const band = bands[i];
    check(below && band, 'the client is above the lowest band');
    band.min = score + 1;
    below.max = score;
    return `${JSON.stringify(doc, null, 2)}\n`;
  });
  await waitForStatus(page, 'saved');
  await page.locator('[role=tab][data-tab=tests]').click();
  await page.locator(`.test-row[data-test-id="${testId}"]`).click();
  await page.locator('[data-action=run-tests]').click();
  await page.waitForFunction(
    (id) =>
      document.querySelector(`.test-row[data-test-id="${id}"]`)?.getAttribute('data-state') ===
      'failed',
    testId,
  );
  const diff = page.locator('[data-testid=test-diff] [data-diff="outputs.level"]');
  await diff.waitFor();
  check(((await diff.textContent()) ?? '').includes(level), 'the diff shows the expected level');
  await screenshot('failed-test');

  await page.locator('[data-action=show-coverage]').click();
  await page.locator('[data-testid=coverage-heatmap] td[data-cell]').first().waitFor();
  check(
    (await page.locator('[data-testid=coverage-heatmap] td.heat-hit').count()) > 0,
    'the heat-map shows cells the tests reach',
  );
  await screenshot('coverage');
}

export async function noticeForOneClient({ page, baseUrl, screenshot }: ScenarioArgs) {
  const pack = loadPack('cn-csrc-2017');
  await openSimulator(page, baseUrl, 'cn-csrc-2017');
  await page.locator('[data-testid=sample-picker]').selectOption(pack.sampleClients[0]?.id ?? '');
  await page.locator('[data-testid=sim-level]').waitFor();
  await page.locator('[data-action=open-notice]').click();
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  const evaluationDate = pack.sampleClients[0]?.input.evaluationDate ?? '';
  const [y, m, d] = evaluationDate.split('-').map(Number);
  const zhText = (await notice.textContent()) ?? '';
  check(zhText.includes('投资者适当性匹配意见告知书'), 'the notice has its title');
  check(zhText.includes(`${y}年${m}月${d}日`), 'dated with the evaluation date');
  check(zhText.includes('投资者（签字）'), 'a signature line for the investor');
  await screenshot('notice-zh');
  await page.locator('.notice-warnings').scrollIntoViewIfNeeded();
  await screenshot('notice-zh-warnings');
  await notice.locator('select').selectOption('en');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=notice]')?.textContent?.includes('Notice of Suitability'),
  );
  await page.emulateMedia({ media: 'print' });
  check(
    await page.evaluate(
      () => getComputedStyle(document.querySelector('#root') as Element).display === 'none',
    ),
    'printing hides the studio',
  );
  await screenshot('notice-print-en');
  await page.emulateMedia({ media: 'screen' });
}

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parsePack, type Pack } from '../../src/domain/index.ts';
import { compilePack, evaluate } from '../../src/engine/index.ts';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openCsrc, saveAndReload, selectNode, waitForFocus } from './lib/editor.ts';

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

import { check, type ScenarioArgs } from './lib/types.ts';
import { openCsrc, saveAndReload, selectNode, typeInto } from './lib/editor.ts';

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

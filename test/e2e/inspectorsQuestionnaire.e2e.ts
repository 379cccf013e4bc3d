import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import {
  openCsrc,
  saveAndReload,
  scoreRange,
  selectNode,
  typeInto,
  waitForFocus,
} from './lib/editor.ts';

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

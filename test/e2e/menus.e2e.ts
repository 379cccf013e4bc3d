import { check, type ScenarioArgs } from './lib/types.ts';
import { openWorkspace } from './lib/studio.ts';

/** A menu opened by a click closes on Escape, and the focus goes back to its button. */
export async function escapeClosesAMenu({ page, baseUrl }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  const button = page.locator('.menubar [data-menu]').first();
  await button.click();
  await page.locator('.menu-list').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.menu-list').waitFor({ state: 'detached' });
  check(await button.evaluate((b) => b === document.activeElement), 'focus is on the menu button');
}

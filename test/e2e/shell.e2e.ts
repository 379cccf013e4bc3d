import { check, type ScenarioArgs } from './lib/types.ts';
import { openWorkspace, packRows } from './lib/studio.ts';

export async function workspaceShowsStarterPacks({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  const row = page.locator('tr[data-pack="cn-csrc-2017"]');
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  check(text.includes('cn-csrc-2017'), `the row should show the pack id, got: ${text}`);
  check(/[\u4e00-\u9fff]/.test(text), `the row should show the Chinese title, got: ${text}`);
  check((await packRows(page).count()) >= 1, 'at least one starter pack');
  await screenshot('workspace-zh');
}

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

async function rowKeys(page: ScenarioArgs['page']): Promise<string[]> {
  return packRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pack') ?? ''));
}

export async function invalidImportIsRefusedWithItsPath({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  const before = await rowKeys(page);
  const bad = {
    format: 'suitability-pack',
    formatVersion: 1,
    id: 'broken-pack',
    version: '1.0',
    title: { 'zh-CN': '坏的规则包', en: 'Broken pack' },
  };
  await page.locator('[data-testid=import-input]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad, null, 2)),
  });
  const errors = page.locator('[data-testid=import-errors]');
  await errors.waitFor();
  const text = (await errors.textContent()) ?? '';
  check(text.includes('broken.json'), `the error should name the file, got: ${text}`);
  check(text.includes('$.version'), `the error should name $.version, got: ${text}`);
  check(text.includes('$.graph'), `the error should name the missing $.graph, got: ${text}`);
  await screenshot('import-refused');
  check(
    JSON.stringify(await rowKeys(page)) === JSON.stringify(before),
    'the workspace must be unchanged',
  );
  await page.reload();
  await packRows(page).first().waitFor();
  check(
    JSON.stringify(await rowKeys(page)) === JSON.stringify(before),
    'nothing may be stored from an invalid file',
  );
}

export async function validImportIsStoredAndExportRoundTrips({ page, baseUrl }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await page.locator('tr[data-pack="cn-csrc-2017"] button.link').click();
  await page.locator('[data-testid=pack-title]').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('ControlOrMeta+Shift+E'),
  ]);
  check(
    download.suggestedFilename() === 'cn-csrc-2017-1.0.0.json',
    `export file name: ${download.suggestedFilename()}`,
  );
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile(path, 'utf8')) as {
    id: string;
    integrity?: { hash?: string };
  };
  check(/^sha256:[0-9a-f]{64}$/.test(exported.integrity?.hash ?? ''), 'export stamps the hash');

  await page.locator('.brand').click();
  await packRows(page).first().waitFor();
  await page.locator('[data-testid=import-input]').setInputFiles({
    name: 'cn-csrc-2017-1.0.0.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await page.locator('tr[data-pack="cn-csrc-2017-2"]').waitFor();
}

export async function languageSwitchIsRemembered({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  check((await page.locator('h1').textContent()) === '规则包', 'a zh-CN browser starts in Chinese');
  await page.locator('[data-testid=locale]').selectOption('en');
  await page.locator('h1:has-text("Rule packs")').waitFor();
  const row = (await page.locator('tr[data-pack="cn-csrc-2017"]').textContent()) ?? '';
  check(row.includes('Draft') || row.includes('Published'), `English statuses, got: ${row}`);
  await screenshot('workspace-en');
  await page.reload();
  await page.locator('h1:has-text("Rule packs")').waitFor();
  await page.locator('[data-testid=locale]').selectOption('zh-CN');
  await page.locator('h1:has-text("规则包")').waitFor();
  await page.reload();
  await page.locator('h1:has-text("规则包")').waitFor();
}

export async function paletteRunsCommands({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await page.keyboard.press('ControlOrMeta+K');
  const input = page.locator('.palette-input');
  await input.waitFor();
  await input.fill('语言');
  await screenshot('palette');
  const first = page.locator('.palette-item.active');
  check(
    (await first.getAttribute('data-command')) === 'view.language',
    'fuzzy filter puts the language command first',
  );
  await page.keyboard.press('Enter');
  await page.locator('h1:has-text("Rule packs")').waitFor();
  check((await page.locator('.palette').count()) === 0, 'the palette closes after running');
  // Commands that do not apply here are not offered.
  await page.keyboard.press('ControlOrMeta+K');
  await page.locator('.palette-input').fill('undo');
  await page.locator('.palette-empty').waitFor();
  await page.keyboard.press('Escape');
}

export async function deleteAsksThenOffersUndo({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  const before = await rowKeys(page);
  await page.locator('tr[data-pack="cn-csrc-2017"] .btn-danger').click();
  await page.locator('[data-testid=confirm-delete]').click();
  await page.locator('tr[data-pack="cn-csrc-2017"]').waitFor({ state: 'detached' });
  await screenshot('deleted-toast');
  await page.locator('.toast button.btn-link').click();
  await page.locator('tr[data-pack="cn-csrc-2017"]').waitFor();
  check(
    JSON.stringify((await rowKeys(page)).sort()) === JSON.stringify([...before].sort()),
    'undo brings the pack back',
  );
}

export async function menusComeFromTheCommands({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await page.locator('tr[data-pack="cn-csrc-2017"] button.link').click();
  await page.locator('[data-testid=pack-title]').waitFor();
  await page.locator('[data-menu=edit]').click();
  const undo = page.locator('.menu-list [data-command="edit.undo"]');
  check(await undo.isDisabled(), 'nothing to undo yet');
  await page.locator('[data-menu=view]').hover();
  await page.locator('.menu-list [data-command="view.tab.json"]').waitFor();
  await screenshot('menu-view');
  await page.locator('.menu-list [data-command="view.tab.json"]').click();
  await page.locator('[data-testid=json-editor]').waitFor();
  check(page.url().endsWith('/json'), `the JSON tab should be open: ${page.url()}`);
  check((await page.locator('.menu-list').count()) === 0, 'the menu closes after a command');
}

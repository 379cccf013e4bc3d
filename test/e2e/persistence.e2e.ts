import { check, type ScenarioArgs } from './lib/types.ts';
import {
  editJson,
  openJsonTab,
  openPack,
  openWorkspace,
  packTitle,
  retitle,
  waitForStatus,
  waitForTitle,
} from './lib/studio.ts';

const PACK = 'cn-csrc-2017';

async function allowClipboard({ context, baseUrl }: ScenarioArgs) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseUrl).origin,
  });
}

export async function jsonEditReachesShellAndSurvivesReload(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await screenshot('graph-tab');
  await openJsonTab(page);
  await editJson(page, (text) => retitle(text, '测试标题（已编辑）', 'Edited title'));
  await waitForTitle(page, '测试标题（已编辑）');
  await waitForStatus(page, 'saved');
  await screenshot('json-edited');
  await page.reload();
  await waitForTitle(page, '测试标题（已编辑）');
  check(
    page.url().includes(`/pack/${PACK}/json`),
    `reload should stay on the JSON tab: ${page.url()}`,
  );
  await page.locator('[data-testid=json-editor] .view-lines').waitFor();
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=json-editor] .view-lines')
      ?.textContent?.includes('已编辑'),
  );
}

export async function undoRedoAcrossTheShell(args: ScenarioArgs) {
  const { page, baseUrl } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  const original = await packTitle(page);
  await openJsonTab(page);
  await editJson(page, (text) => retitle(text, '第二个标题', 'Second title'));
  await waitForTitle(page, '第二个标题');
  await page.locator('[data-command="edit.undo"]').click();
  await waitForTitle(page, original);
  await page.locator('[data-command="edit.redo"]').click();
  await waitForTitle(page, '第二个标题');
  // The shortcuts, with the focus outside the code editor.
  await page.locator('[data-testid=pack-title]').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await waitForTitle(page, original);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await waitForTitle(page, '第二个标题');
  await page.keyboard.press('Control+Z');
  await waitForTitle(page, original);
  await page.keyboard.press('Control+Y');
  await waitForTitle(page, '第二个标题');
  // Inside the code editor, once the text is applied, undo is the studio's too.
  await page.locator('[data-testid=json-editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await waitForTitle(page, original);
  await waitForStatus(page, 'saved');
  await page.reload();
  await waitForTitle(page, original);
}

export async function invalidJsonIsHeldAndNeverStored(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  const original = await packTitle(page);
  await openJsonTab(page);
  await editJson(page, (text) => {
    const doc = JSON.parse(text) as { version: string; title: { en: string; 'zh-CN': string } };
    doc.version = 'one';
    doc.title['zh-CN'] = '不应保存';
    return JSON.stringify(doc, null, 2);
  });
  const banner = page.locator('[data-testid=json-invalid]');
  await banner.waitFor();
  const text = (await banner.textContent()) ?? '';
  check(text.includes('$.version'), `the banner should name $.version, got: ${text}`);
  // The marker sits on the version, near the top.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  await screenshot('json-invalid');
  check((await packTitle(page)) === original, 'an invalid edit must not reach the shell');
  await page.reload();
  await waitForTitle(page, original);
}

export async function secondTabSaveIsNotOverwritten(args: ScenarioArgs) {
  const { page, context, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await openJsonTab(page);

  // Another tab renames the pack from the workspace while this one has it open.
  const other = await context.newPage();
  await openWorkspace(other, baseUrl);
  await other.locator(`tr[data-pack="${PACK}"] button:has-text("重命名")`).click();
  await other.locator('input[name=title-zh]').fill('另一个标签页的名称');
  await other.locator('input[name=title-en]').fill('Name from the other tab');
  await other.locator('.dialog .btn-primary').click();
  await other.locator(`tr[data-pack="${PACK}"]:has-text("另一个标签页的名称")`).waitFor();

  await editJson(page, (text) => retitle(text, '本页的名称', 'Name from this tab'));
  await waitForStatus(page, 'conflict');
  const banner = page.locator('[data-testid=conflict]');
  const message = (await banner.textContent()) ?? '';
  check(message.includes('另一个标签页'), `the conflict should be explained, got: ${message}`);
  await screenshot('conflict');

  await other.reload();
  await other.locator(`tr[data-pack="${PACK}"]:has-text("另一个标签页的名称")`).waitFor();

  await page.locator('[data-testid=conflict-copy]').click();
  await waitForTitle(page, '本页的名称（副本）');
  await waitForStatus(page, 'saved');
  check(page.url().includes(`/pack/${PACK}-copy/`), `the copy should be open: ${page.url()}`);
  await other.close();
}

export async function anotherTabsSaveReachesACleanTab(args: ScenarioArgs) {
  const { page, context, baseUrl } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  const other = await context.newPage();
  await openWorkspace(other, baseUrl);
  await openPack(other, PACK);
  await openJsonTab(other);
  await editJson(other, (text) => retitle(text, '来自另一页', 'From the other tab'));
  await waitForStatus(other, 'saved');
  // This tab had nothing unsaved: it takes the other tab's version without a conflict.
  await waitForTitle(page, '来自另一页');
  await waitForStatus(page, 'saved');
  await other.close();
}

export async function engineProblemsShowAsMarkers(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await openJsonTab(page);
  await editJson(page, (text) => {
    const doc = JSON.parse(text) as { graph: { edges: { target: string }[] } };
    const [edge] = doc.graph.edges;
    check(edge, 'the pack has edges');
    edge.target = 'nowhere';
    return `${JSON.stringify(doc, null, 2)}\n`;
  });
  // Valid for the schema, so it is applied (undo becomes possible) and saved; the engine's
  // check marks the edge.
  await page.locator('.toolbar [data-command="edit.undo"]:not([disabled])').waitFor();
  await waitForStatus(page, 'saved');
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  const widget = page.locator('.marker-widget');
  await widget.waitFor();
  await page.waitForFunction(() =>
    document.querySelector('.marker-widget')?.textContent?.includes('$.graph.edges[0].target'),
  );
  const text = (await widget.textContent()) ?? '';
  check(text.includes('nowhere'), `the marker should say what is wrong, got: ${text}`);
  await screenshot('engine-marker');
}

export async function reloadRightAfterAnEditKeepsIt(args: ScenarioArgs) {
  const { page, baseUrl } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await openJsonTab(page);
  await editJson(page, (text) => retitle(text, '立即刷新', 'Reloaded at once'));
  await page.keyboard.press('ControlOrMeta+Home');
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=json-editor] .view-lines')
      ?.textContent?.includes('立即刷新'),
  );
  // The text is in the editor, perhaps not yet applied (that waits for a pause in typing) and
  // surely not saved: leaving the page must keep it all the same.
  await page.reload();
  await waitForTitle(page, '立即刷新');
}

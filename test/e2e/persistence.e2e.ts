import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import {
  allowClipboard,
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

/** Waits until the visible part of the JSON view shows `text`. */
async function waitForJsonText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) =>
      document.querySelector('[data-testid=json-editor] .view-lines')?.textContent?.includes(t),
    text,
  );
}

/** Opens the pack from the workspace, with the clipboard allowed (the JSON edits go through it). */
async function openThePack(args: ScenarioArgs) {
  const { page, baseUrl } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
}

export async function jsonEditReachesShellAndSurvivesReload(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openThePack(args);
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
  await waitForJsonText(page, '已编辑');
}

export async function undoRedoAcrossTheShell(args: ScenarioArgs) {
  const { page } = args;
  await openThePack(args);
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
  const { page, screenshot } = args;
  await openThePack(args);
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
  await openThePack(args);
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
  await openThePack(args);
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
  const { page, screenshot } = args;
  await openThePack(args);
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

/** The studio's database, read directly: how many revisions of `key` are stored. */
async function storedRevisions(page: Page, key: string): Promise<number> {
  return page.evaluate(
    (k) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('suitability-studio');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('revisions').objectStore('revisions').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { key: string }[]).filter((r) => r.key === k).length);
          };
        };
      }),
    key,
  );
}

/**
 * What a page keeps after an edit is taken back and committed: nothing is left in the stash,
 * the status is saved without a conflict, and storage holds exactly one more revision.
 */
async function checkSavedOnce(page: Page, title: string): Promise<void> {
  await waitForTitle(page, title);
  await waitForStatus(page, 'saved');
  check((await page.locator('[data-testid=conflict]').count()) === 0, 'no conflict with itself');
  const stashed = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('suitability-studio:unsaved:')),
  );
  check(stashed.length === 0, `nothing should stay stashed once saved: ${stashed.join(', ')}`);
  const revisions = await storedRevisions(page, PACK);
  check(revisions === 2, `the edit should be stored once (2 revisions), found ${revisions}`);
}

export async function reloadRightAfterAnEditKeepsIt(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openThePack(args);
  await openJsonTab(page);
  await editJson(page, (text) => retitle(text, '立即刷新', 'Reloaded at once'));
  // At once: the text is not applied yet (that waits for a pause in typing), let alone saved.
  await page.reload();
  await checkSavedOnce(page, '立即刷新');
  await waitForJsonText(page, '立即刷新');
  await screenshot('reloaded-at-once');
  await page.reload();
  await checkSavedOnce(page, '立即刷新');
}

/**
 * Holds a write transaction on the packs store from another page, so that the studio's save
 * waits in IndexedDB; resolves to a function that lets it go. The transaction stays open while
 * it has requests, so it asks again until released. (Page source as text: a named function
 * passed as a function would reach the page with the test transpiler's name helper around it.)
 */
async function holdPacksStore(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('suitability-studio');
    open.onerror = () => reject(new Error('cannot open the database'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('packs', 'readwrite');
      const store = tx.objectStore('packs');
      const spin = () => {
        if (!window.released) store.count().onsuccess = spin;
      };
      spin();
      tx.oncomplete = () => db.close();
      resolve();
    };
  })`);
  return async () => {
    await page.evaluate('window.released = true');
  };
}

export async function reloadWhileTheSaveWaitsKeepsIt(args: ScenarioArgs) {
  const { page, context, baseUrl } = args;
  await openThePack(args);
  await openJsonTab(page);
  const other = await context.newPage();
  await openWorkspace(other, baseUrl);
  const release = await holdPacksStore(other);
  await editJson(page, (text) => retitle(text, '保存途中刷新', 'Reloaded while saving'));
  await waitForStatus(page, 'saving'); // the write waits for the other page's transaction
  await page.reload();
  await release();
  // Whether the browser committed the page's last write or dropped it, the edit is there once,
  // and this page's own save is not taken for another tab's.
  await checkSavedOnce(page, '保存途中刷新');
  await other.close();
}

export async function unfinishedJsonSurvivesAReload(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openThePack(args);
  const original = await packTitle(page);
  await openJsonTab(page);
  // Typing stopped half-way: the title is changed but the document is not closed.
  await editJson(page, (text) => retitle(text, '写到一半', 'Half-typed').replace(/\}\s*$/, ''));
  await page.reload();
  await page.locator('[data-testid=json-invalid]').waitFor();
  await waitForJsonText(page, '写到一半');
  check((await packTitle(page)) === original, 'text that does not parse must not be applied');
  await waitForStatus(page, 'saved');
  await screenshot('unfinished-json-reloaded');
  // Discarding it is the user's choice, and then it stays discarded.
  await page.locator('[data-testid=json-invalid] button').click();
  await page.locator('[data-testid=json-invalid]').waitFor({ state: 'detached' });
  await page.reload();
  await waitForJsonText(page, original.slice(0, 8));
  check(
    (await page.locator('[data-testid=json-invalid]').count()) === 0,
    'discarded text should not come back',
  );
}

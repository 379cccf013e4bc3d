import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './types.ts';

/** Opens the studio and waits for the workspace table (the starter packs are seeded first). */
export async function openWorkspace(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('[data-testid=pack-table] tbody tr').first().waitFor();
}

export function packRows(page: Page) {
  return page.locator('[data-testid=pack-table] tbody tr');
}

/** Opens a pack from the workspace (on the graph tab). */
export async function openPack(page: Page, key: string): Promise<void> {
  await page.locator(`tr[data-pack="${key}"] button.link`).click();
  await page.locator('[data-testid=pack-title]').waitFor();
}

/** Switches to the JSON tab and waits for Monaco to show the pack. */
export async function openJsonTab(page: Page): Promise<void> {
  await page.locator('[role=tab][data-tab=json]').click();
  await page.locator('[data-testid=json-editor] .view-lines').waitFor();
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=json-editor] .view-lines')
      ?.textContent?.includes('format'),
  );
}

export async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=save-status][data-status=${status}]`).waitFor();
}

export async function packTitle(page: Page): Promise<string> {
  return (await page.locator('[data-testid=pack-title]').textContent()) ?? '';
}

/** Waits until the top bar shows `title`. */
export async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=pack-title]')?.textContent === t,
    title,
  );
}

/** Lets the page use the clipboard: the JSON edits go through it, as a person's would. */
export async function allowClipboard({ context, baseUrl }: ScenarioArgs): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseUrl).origin,
  });
}

/**
 * Edits the JSON view the way a person would: select all, copy, change the text, paste it back.
 * Returns the text before the edit.
 */
export async function editJson(page: Page, edit: (text: string) => string): Promise<string> {
  await page.locator('[data-testid=json-editor] .view-lines').click();
  // A copy shows nothing on screen to wait for, and one pressed while the editor is still taking
  // focus can copy nothing (seen once in ~50 runs): copy again, a few times at most.
  let before = '';
  for (let attempt = 0; attempt < 5 && !before.includes('"format"'); attempt++) {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    before = await page.evaluate(() => navigator.clipboard.readText());
  }
  check(before.includes('"format"'), 'the JSON view should hold the pack');
  const after = edit(before);
  check(after !== before, 'the edit should change the text');
  await page.keyboard.press('ControlOrMeta+A');
  // The paste event a Ctrl+V delivers (headless Chromium does not paste from the keyboard).
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    document.activeElement?.dispatchEvent(paste);
  }, after);
  return before;
}

/** Replaces the first `"zh-CN": "<old>"` of the title object. */
export function retitle(text: string, zh: string, en: string): string {
  const doc = JSON.parse(text) as { title: { 'zh-CN': string; en: string } };
  doc.title = { ...doc.title, 'zh-CN': zh, en };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

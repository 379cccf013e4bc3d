import type { Locator, Page } from 'playwright-core';
import { check } from './types.ts';
import { openPack, openWorkspace, waitForStatus } from './studio.ts';

/** The graph editor and its inspector, as the inspector scenarios drive them. */

export const inspector = (page: Page, nodeId: string) =>
  page.locator(`aside[data-node-id="${nodeId}"]`);

export async function openCsrc(page: Page, baseUrl: string): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('.react-flow__node[data-id="risk"]').waitFor();
}

/** Selects a node on the canvas and waits for its inspector. */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
  await inspector(page, nodeId).waitFor();
}

/** Saves, reloads the page and comes back to the same pack. */
export async function saveAndReload(page: Page): Promise<void> {
  await waitForStatus(page, 'saved');
  await page.reload();
  await page.locator('.react-flow__node[data-id="risk"]').waitFor();
}

export async function scoreRange(page: Page): Promise<{ min: number; max: number }> {
  const text = (await page.locator('[data-testid=score-range]').textContent()) ?? '';
  const m = /(-?\d+(?:\.\d+)?)\s*–\s*(-?\d+(?:\.\d+)?)/.exec(text);
  check(m, `the score range should read "min – max", got: ${text}`);
  return { min: Number(m[1]), max: Number(m[2]) };
}

/** Types into a field by its accessible name and commits with Enter, as a person would. */
export async function typeInto(root: Page | Locator, label: string, value: string): Promise<void> {
  const field = root.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Waits until the focused element is the one with this accessible name. */
export async function waitForFocus(page: Page, label: string): Promise<void> {
  await page.waitForFunction(
    (want) => document.activeElement?.getAttribute('aria-label') === want,
    label,
  );
}

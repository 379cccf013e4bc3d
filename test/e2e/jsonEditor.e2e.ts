import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openJsonTab, openPack, openWorkspace } from './lib/studio.ts';

// The JSON view's Monaco features the studio keeps (monacoSetup.ts): each scenario uses one the
// way a person would and reads what the editor then shows.

const EDITOR = '[data-testid=json-editor]';
const STATUSES = ['draft', 'in-review', 'approved', 'published', 'retired'];

async function openTheJson({ page, baseUrl }: ScenarioArgs): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await openJsonTab(page);
}

/** The token of the visible text that reads exactly `text` (e.g. `"draft"`). */
function token(page: Page, text: string) {
  return page.locator(`${EDITOR} .view-line span span`).filter({ hasText: text }).first();
}

/** The hover box that contains `text`. */
function hoverWith(page: Page, text: string | RegExp) {
  return page.locator('.monaco-hover:not(.hidden)').filter({ hasText: text }).first();
}

/** The visible lines of the editor, in screen order, with Monaco's non-breaking spaces as spaces. */
async function visibleLines(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid=json-editor] .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')),
  );
}

/** Replaces the pack's status value the way a person does: double-click the word, type. */
async function setStatus(page: Page, value: string): Promise<void> {
  await token(page, '"draft"').dblclick();
  await page.keyboard.type(value);
  await token(page, `"${value}"`).waitFor();
}

export async function hoverOnTheRootShowsTheSchemaDescription(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openTheJson(args);
  await page.locator(`${EDITOR} .view-line span span`).first().hover();
  const hover = hoverWith(page, 'versioned rule pack');
  await hover.waitFor();
  const text = (await hover.textContent()) ?? '';
  check(
    text.includes('A versioned rule pack for customer suitability management (客户适当性管理)'),
    `the root's hover should give the schema's description, got: ${text}`,
  );
  await screenshot('root-hover');
}

export async function ctrlSpaceListsTheStatusValues(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openTheJson(args);
  // The caret just inside the value's opening quote: every allowed value is a candidate.
  // (A click on the locator, not at a measured box: Monaco redraws the line once it is coloured.)
  await token(page, '"draft"').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Space');
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  await rows.filter({ hasText: 'retired' }).first().waitFor();
  const shown = (await rows.allTextContents()).join(' | ');
  for (const status of STATUSES)
    check(shown.includes(status), `the suggest list should offer ${status}, got: ${shown}`);
  await screenshot('status-suggest');
  // Taking one puts it in the text.
  await rows.filter({ hasText: 'in-review' }).first().click();
  await token(page, '"in-review"').waitFor();
}

export async function aRefusedValueIsMarkedAndItsHoverSaysWhy(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openTheJson(args);
  await setStatus(page, 'bogus');
  await page.locator('[data-testid=json-invalid]').waitFor();
  await page.locator(`${EDITOR} .squiggly-error`).first().waitFor();
  await page.mouse.move(5, 5);
  await token(page, '"bogus"').hover();
  // The studio's own check names the JSON path; the schema's lists what is accepted.
  const hover = hoverWith(page, '$.status');
  await hover.waitFor();
  await hover.filter({ hasText: 'Valid values' }).waitFor();
  const text = (await hover.textContent()) ?? '';
  for (const status of STATUSES)
    check(text.includes(status), `the hover should list ${status} as accepted, got: ${text}`);
  await screenshot('refused-value-hover');
}

export async function f8OpensTheProblemWidget(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openTheJson(args);
  await setStatus(page, 'bogus');
  await page.locator(`${EDITOR} .squiggly-error`).first().waitFor();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  // It shows the studio's message: the JSON path and the value refused.
  const widget = page.locator('.marker-widget').filter({ hasText: '$.status' });
  await widget.waitFor();
  const message = (await widget.textContent()) ?? '';
  check(message.includes('"bogus"'), `the problem should name the value, got: ${message}`);
  // The widget opens on the marked line, so the person sees the value it is about.
  const lines = await visibleLines(page);
  check(
    lines.some((l) => l.includes('"status": "bogus"')),
    `the problem's line should be on screen: ${lines.join('\n')}`,
  );
  await screenshot('problem-widget');
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'detached' });
}

export async function foldingTheRootLeavesItsBraces(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openTheJson(args);
  await page.locator(`${EDITOR} .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+Home');
  const before = (await visibleLines(page)).length;
  check(before > 20, `the pack should fill the editor before folding, ${before} lines shown`);
  await page.keyboard.press('ControlOrMeta+Shift+BracketLeft');
  await page.locator(`${EDITOR} .inline-folded`).first().waitFor();
  // Left: the root's opening brace (folded), its closing brace and the file's final newline.
  const folded = await visibleLines(page);
  const shown = folded.map((l) => l.trim()).filter(Boolean);
  check(
    shown.join(' ') === '{ }' && folded.length <= 3,
    `folding the root should leave only its braces, got: ${folded.join('\n')}`,
  );
  await screenshot('root-folded');
  await page.keyboard.press('ControlOrMeta+Shift+BracketRight');
  await page.locator(`${EDITOR} .inline-folded`).waitFor({ state: 'detached' });
  const unfolded = (await visibleLines(page)).length;
  check(unfolded === before, `unfolding should give back ${before} lines, got ${unfolded}`);
}

export async function formatDocumentNormalisesSpacing(args: ScenarioArgs) {
  const { page } = args;
  await openTheJson(args);
  await page.locator(`${EDITOR} .view-lines`).click();
  // Line 2 retyped with stray blanks: valid JSON, spaced as nobody would write it.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+End');
  const messy = '      "format"   :     "suitability-pack"    ,';
  await page.keyboard.insertText(messy);
  await page.waitForFunction(
    (m) =>
      [...document.querySelectorAll('[data-testid=json-editor] .view-line')].some(
        (l) => l.textContent?.replace(/\u00a0/g, ' ') === m,
      ),
    messy,
  );
  await page.locator(`${EDITOR} .view-lines`).click({ button: 'right' });
  // Monaco's menu ignores clicks for its first 100 ms (against accidental clicks), with nothing on
  // screen to wait for; pointing at the item and pressing Enter runs it at any time.
  const item = page.locator('.monaco-menu .action-item').filter({ hasText: 'Format Document' });
  await item.hover();
  // The menu is drawn beside the editor: it must still have the theme's opaque background.
  const background = await page
    .locator('.monaco-menu-container .monaco-scrollable-element')
    .evaluate((menu) => getComputedStyle(menu).backgroundColor);
  check(background === 'rgb(255, 255, 255)', `the menu should be opaque white, got ${background}`);
  await item.and(page.locator('.focused')).waitFor();
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'detached' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid=json-editor] .view-line')].some(
      (l) => l.textContent?.replace(/\u00a0/g, ' ') === '  "format": "suitability-pack",',
    ),
  );
  const lines = await visibleLines(page);
  check(
    lines.every((l) => !/ {2,}:|:\s{2,}|\s,$/.test(l)),
    `no stray blanks should be left: ${lines.join('\n')}`,
  );
}

export async function goToSymbolFindsTheSampleClients(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await openTheJson(args);
  const before = await visibleLines(page);
  check(
    !before.some((l) => l.includes('"sampleClients"')),
    'the sample clients should start out of view',
  );
  await page.locator(`${EDITOR} .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+Shift+O');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.first().waitFor();
  await page.keyboard.type('sampleCl');
  await rows.filter({ hasText: 'sampleClients' }).first().waitFor();
  await screenshot('go-to-symbol');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // The editor scrolled to the key and the caret is on its line.
  await page.waitForFunction(() => {
    const number = document.querySelector('[data-testid=json-editor] .active-line-number');
    const top = (number?.parentElement as HTMLElement | null)?.style.top;
    return [...document.querySelectorAll<HTMLElement>('[data-testid=json-editor] .view-line')].some(
      (l) => l.style.top === top && l.textContent?.includes('"sampleClients"'),
    );
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import { parsePack, type Pack } from '../../src/domain/index.ts';
import type { Page } from 'playwright-core';
import { findUntranslated, untranslatedCodes } from '../../src/testing/untranslatedCodes.ts';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace } from './lib/studio.ts';

const STARTERS = readdirSync(new URL('../../rule-packs/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'schema')
  .map((d) => d.name)
  .sort();

function loadStarterPack(name: string): Pack {
  const file = new URL(`../../rule-packs/${name}/pack.json`, import.meta.url);
  const parsed = parsePack(readFileSync(file, 'utf8'), name);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.pack;
}

const TABS = ['graph', 'json', 'simulate', 'tests', 'population', 'versions'] as const;

/**
 * The visible text of the page, piece by piece, each with the text of the element around it (a
 * code may show beside its label there). The JSON editor and `<code>` are left out: they show the
 * pack as it is written.
 */
async function visibleTexts(page: Page): Promise<{ text: string; around: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; around: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const parent = n.parentElement;
      if (!text || !parent) continue;
      if (parent.closest('.monaco-editor, code, kbd, script, style, [data-raw]')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const block = parent.closest('li, tr, p, label, button, h1, h2, h3, h4, div') ?? parent;
      out.push({ text, around: (block.textContent ?? '').slice(0, 400) });
    }
    return out;
  });
}

/** Opens each tab, lets it show what it shows first (a simulation, a population run), and reads it. */
async function sweepTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.locator(`[role=tab][data-tab=${tab}]`).click();
  await page.locator(`[role=tab][data-tab=${tab}][aria-selected=true]`).waitFor();
  await page.locator('.tab-panel > :not(p.muted)').first().waitFor();
  if (tab === 'simulate') await page.locator('[data-testid=sim-result]').waitFor();
  if (tab === 'population') {
    // A small population: the sweep reads the screen, it does not measure throughput.
    await page.locator('[data-testid=pop-count]').fill('2000');
    await page.locator('[data-testid=pop-evaluate]').click();
    await page.locator('[data-testid=pop-status][data-status=done]').waitFor({ timeout: 120_000 });
  }
  if (tab === 'graph') await page.locator('.react-flow__node').first().waitFor();
}

/**
 * Codes still shown bare, by pack and tab: outputs and flags the starter packs give no label, and
 * the MiFID knowledge levels and client kinds shown by their codes. The list only shrinks; a code
 * not on it fails the sweep.
 */
const STILL_BARE: Record<string, readonly string[]> = {
  'cn-bank-wealth › simulate': ['seniorCare'],
  'cn-csrc-2017 › graph': ['ordinaryIncomplete', 'assessmentExpired'],
  'cn-csrc-2017 › simulate': ['ordinaryIncomplete', 'assessmentExpired', 'ordinary', 'specialCare'],
  'eu-mifid2 › graph': ['basic', 'informed', 'advanced', 'nonAdvised'],
  'eu-mifid2 › simulate': [
    'basic',
    'informed',
    'advanced',
    'toleranceBinds',
    'objectivesBinds',
    'horizonBinds',
    'nonAdvised',
    'advised',
  ],
  'eu-mifid2 › population': ['retail', 'professional'],
};

export async function everyTabOfEveryStarterPackSpeaksChinese({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  const found: string[] = [];
  for (const name of STARTERS) {
    const codes = untranslatedCodes(loadStarterPack(name));
    await openWorkspace(page, baseUrl);
    await openPack(page, name);
    for (const tab of TABS) {
      await sweepTab(page, tab);
      const seen = new Set<string>();
      for (const { text, around } of await visibleTexts(page))
        for (const code of findUntranslated(text, codes)) {
          if (code !== 'ISO time' && code !== 'JSON' && around.includes(label(codes, code)))
            continue;
          if (STILL_BARE[`${name} › ${tab}`]?.includes(code)) continue;
          const line = `${name} › ${tab}: ${code} in “${text.slice(0, 120)}”`;
          if (!seen.has(line)) found.push(line);
          seen.add(line);
        }
      await screenshot(`${name}-${tab}`);
    }
  }
  check(found.length === 0, `untranslated codes on zh-CN screens:\n${found.join('\n')}`);
}
everyTabOfEveryStarterPackSpeaksChinese.timeoutMs = 300_000;

function label(codes: ReturnType<typeof untranslatedCodes>, code: string): string {
  return codes.find((c) => c.code === code)?.label ?? '\u0000';
}

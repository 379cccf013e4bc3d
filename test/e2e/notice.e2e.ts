import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace } from './lib/studio.ts';

/** A starter pack in the workspace is a draft: its notice is watermarked and claims no version. */
export async function draftNoticeCarriesTheWatermark({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('[role=tab][data-tab=simulate]').click();
  await page.locator('[data-testid=sim-result]').waitFor();
  await page.locator('[data-action=open-notice]').click();
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  await notice.locator('[data-testid=notice-investor]').fill('王芳');
  const mark = notice.locator('[data-testid=notice-watermark]');
  await mark.waitFor();
  check(
    ((await mark.textContent()) ?? '').includes('草稿 / DRAFT — not for clients'),
    'the draft notice carries the watermark',
  );
  const footer = (await notice.locator('[data-testid=notice-footer]').textContent()) ?? '';
  check(!/\d+\.\d+\.\d+/.test(footer), `a draft claims no version, footer: ${footer}`);
  check(!footer.includes('sha256'), 'a draft shows no content hash');
  check(((await notice.textContent()) ?? '').includes('王芳'), 'the investor is named');
  await screenshot('draft-notice');
}

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { parsePack, type Pack } from '../../src/domain/index.ts';
import { analyzeImpact, compilePack } from '../../src/engine/index.ts';
import { createPopulation } from '../../src/engine/population/population.ts';
import { check, type ScenarioArgs } from './lib/types.ts';
import {
  allowClipboard,
  editJson,
  openJsonTab,
  openPack,
  openWorkspace,
  packRows,
  retitle,
  waitForStatus,
  waitForTitle,
} from './lib/studio.ts';

const PACK = 'cn-csrc-2017';

/** Moves the C3 / C4 boundary of the CSRC pack from 53/54 down to 49/50 in the JSON view. */
function lowerC4(text: string): string {
  const doc = JSON.parse(text) as {
    graph: {
      nodes: { kind: string; config: { bands?: { level: string; min: number; max: number }[] } }[];
    };
  };
  for (const node of doc.graph.nodes)
    for (const band of node.config.bands ?? []) {
      if (node.kind !== 'classify') continue;
      if (band.level === 'C3') band.max = 49;
      if (band.level === 'C4') band.min = 50;
    }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

async function openVersions(page: Page, section: string): Promise<void> {
  await page.locator('[role=tab][data-tab=versions]').click();
  await page.locator(`[data-section=${section}]`).click();
}

/** Edits the JSON view and waits until the history lists the edit as `revision`. */
async function editAndSave(
  page: Page,
  edit: (text: string) => string,
  revision = 2,
): Promise<void> {
  await openJsonTab(page);
  await editJson(page, edit);
  await openVersions(page, 'history');
  await page.locator(`[data-testid=revision-list] tr[data-revision="${revision}"]`).waitFor();
  await waitForStatus(page, 'saved');
}

export async function editTheCsrcPackAndReadTheDiffInWords(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await editAndSave(page, lowerC4);
  await openVersions(page, 'history');
  const diff = page.locator('[data-testid=diff-view]');
  await diff.waitFor();
  const text = (await diff.textContent()) ?? '';
  check(text.includes('区间 C3：37-53 -> 37-49'), `the diff says the C3 band moved: ${text}`);
  check(text.includes('区间 C4：54-82 -> 50-82'), `the diff says the C4 band moved: ${text}`);
  check((await diff.locator('[data-area=bands]').count()) === 1, 'band changes are grouped');
  check(
    (await page.locator('[data-testid=diff-nodes] [data-node=classify]').count()) === 1,
    'the classify node is shown as changed',
  );
  check(
    (await page.locator('[data-testid=diff-graph] [data-change=changed]').count()) === 1 &&
      (await page
        .locator('[data-testid=diff-graph] [data-node=classify]')
        .getAttribute('data-change')) === 'changed',
    'the small graph marks only the classify node',
  );
  const row = page.locator('[data-testid=revision-list] tr[data-revision="2"]');
  const rowText = (await row.textContent()) ?? '';
  check(
    rowText.includes('author') && rowText.includes('区间 C3'),
    `revision 2 says who and what: ${rowText}`,
  );
  await screenshot('diff-in-words');
  // Revision 1 comes back as a new draft (revision 3); nothing is lost.
  await page.locator('[data-testid=revision-list] tr[data-revision="1"] button').click();
  await page.locator('[data-testid=revision-list] tr[data-revision="3"]').waitFor();
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=diff-view]')
      ?.textContent?.includes('区间 C3：37-49 -> 37-53'),
  );
  const restored = (await page.locator('tr[data-revision="3"]').textContent()) ?? '';
  check(restored.includes('恢复修订 1'), `revision 3 says it restored revision 1: ${restored}`);
  // The changed node opens on the graph.
  await page.locator('[data-testid=diff-nodes] [data-node=classify]').click();
  await page.locator('[role=tab][data-tab=graph][aria-selected=true]').waitFor();
}

/** Opens the CSRC pack, lowers the C4 band (revision 2) and opens the impact panel. */
async function impactOfLowerC4(args: ScenarioArgs): Promise<void> {
  await allowClipboard(args);
  await openWorkspace(args.page, args.baseUrl);
  await openPack(args.page, PACK);
  await editAndSave(args.page, lowerC4);
  await openVersions(args.page, 'impact');
}

export async function impactOfABandMoveOnAGeneratedPopulation(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await impactOfLowerC4(args);
  await page.locator('[data-testid=impact-size]').fill('2000');
  await page.locator('[data-testid=impact-run]').click();
  const matrix = page.locator('[data-testid=impact-matrix]');
  await matrix.waitFor();
  const moved = Number(await matrix.locator('td[data-from=C3][data-to=C4]').textContent());
  const back = Number(await matrix.locator('td[data-from=C4][data-to=C3]').textContent());
  check(moved > 0, `some C3 clients move to C4, got ${moved}`);
  check(back === 0, `no client moves from C4 to C3, got ${back}`);
  const total = (await page.locator('[data-testid=impact-total]').textContent()) ?? '';
  check(total.includes('2000'), `the run covers 2000 clients: ${total}`);
  await screenshot('impact-matrix');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid=impact-csv]').click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  // The pack's own personas and test clients are a population too.
  await page.locator('[data-testid=impact-source]').selectOption('samples');
  await page.locator('[data-testid=impact-run]').click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=impact-total]')?.textContent?.includes('2000'),
  );
  const lines = csv.trim().split(/\r?\n/);
  check(lines[0]?.startsWith('clientId,levelA,levelB'), `CSV header: ${lines[0]}`);
  check(lines.length - 1 >= moved, `every moved client is in the CSV (${lines.length - 1} rows)`);
}

function starterPack(): Pack {
  const text = readFileSync(
    new URL('../../rule-packs/cn-csrc-2017/pack.json', import.meta.url),
    'utf8',
  );
  const parsed = parsePack(text, 'pack.json');
  check(parsed.ok, 'the CSRC starter pack parses');
  return parsed.pack;
}

/**
 * A JSONL file of 600 generated clients with two broken lines (3: not JSON; 6: an answer the
 * pack does not have), and how many of its clients move from C3 to C4 when C4 starts at 50.
 */
function clientFile(): { text: string; good: number; moved: number } {
  const pack = starterPack();
  const clients = createPopulation(pack, { seed: 3, evaluationDate: '2026-06-01' }).take(600);
  const lines = clients.map((c) => JSON.stringify(c));
  lines.splice(2, 0, '{"clientId": "broken"');
  lines.splice(
    5,
    0,
    JSON.stringify({ ...clients[0], clientId: 'bad-answer', answers: { Q1: 'Z' } }),
  );
  const lowered = JSON.parse(lowerC4(JSON.stringify(pack))) as Pack;
  const report = analyzeImpact(compilePack(pack), compilePack(lowered), clients);
  return {
    text: `${lines.join('\n')}\n`,
    good: clients.length,
    moved: report.levelMatrix.C3?.C4 ?? 0,
  };
}

export async function impactOfAClientFileAndACancelledLongRun(args: ScenarioArgs) {
  const { page, screenshot } = args;
  await impactOfLowerC4(args);
  await page.locator('[data-testid=impact-source]').selectOption('file');
  const file = clientFile();
  check(file.moved > 0, `the file has clients scoring 50-53 in C3, got ${file.moved}`);
  await page.locator('[data-testid=impact-file] [data-testid=pop-file]').setInputFiles({
    name: 'clients.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(file.text, 'utf8'),
  });
  // The population tab's reader: rows it refuses are listed by their line in the file.
  const loaded = page.locator('[data-testid=impact-file] [data-testid=pop-loaded]');
  await loaded.waitFor();
  const bad = loaded.locator('[role=listitem]');
  check((await bad.count()) === 2, `two bad lines listed, got ${await bad.count()}`);
  check((await bad.nth(0).getAttribute('data-line')) === '3', 'the broken JSON is line 3');
  const answer = (await bad.nth(1).textContent()) ?? '';
  check(
    answer.includes('第 6 行') && answer.includes('$.answers.Q1'),
    `line 6 says where: ${answer}`,
  );
  const run = page.locator('[data-testid=impact-run]');
  check(
    ((await run.textContent()) ?? '').includes(String(file.good)),
    'the button counts the loaded clients',
  );
  await run.click();
  const matrix = page.locator('[data-testid=impact-matrix]');
  await matrix.waitFor();
  const moved = Number(await matrix.locator('td[data-from=C3][data-to=C4]').textContent());
  check(
    moved === file.moved,
    `the worker moves the clients the engine moves: ${moved} vs ${file.moved}`,
  );
  const total = (await page.locator('[data-testid=impact-total]').textContent()) ?? '';
  check(total.includes(`${file.good} 位客户`), `the run covers the file: ${total}`);
  const first = (await page.locator('[data-testid=impact-clients] li').first().textContent()) ?? '';
  check(/^第 \d+ 行/.test(first), `an affected client is named by its line: ${first}`);
  await screenshot('impact-client-file');

  // A long run can be stopped: no result, and the next one can start.
  await page.locator('[data-testid=impact-source]').selectOption('generated');
  await page.locator('[data-testid=impact-size]').fill('100000');
  await run.click();
  const status = page.locator('[data-testid=impact-status]');
  await page.waitForFunction(() => {
    const bar = document.querySelector(
      '[data-testid=impact-status] progress',
    ) as HTMLProgressElement | null;
    return bar !== null && bar.value > 0;
  });
  check((await status.getAttribute('data-status')) === 'running', 'the run is going');
  await screenshot('impact-running');
  await page.locator('[data-testid=impact-cancel]').click();
  await page.locator('[data-testid=impact-status][data-status=cancelled]').waitFor();
  const said = (await status.textContent()) ?? '';
  check(
    said.includes('已取消') && said.includes('100000'),
    `the bar says it was cancelled: ${said}`,
  );
  check((await matrix.count()) === 0, 'a cancelled run shows no matrix');
  check(await run.isEnabled(), 'another run can start');
}

/** The reasons the history gives for keeping a revision (or `due`). */
async function keptBecause(page: Page, revision: number): Promise<string[]> {
  const row = page.locator(`[data-testid=revision-list] tr[data-revision="${revision}"]`);
  return row
    .locator('[data-reason]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-reason') ?? ''));
}

export async function theHistorySaysWhatRetentionKeepsAndThinsTheRest(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await page.clock.install({ time: new Date('2026-01-12T09:00:00Z') });
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  // Three edits within one hour (revisions 2-4), then one three hours later (revision 5).
  for (const [revision, zh] of [
    [2, '一'],
    [3, '二'],
    [4, '三'],
  ] as const)
    await editAndSave(
      page,
      (text) => retitle(text, `证券期货适当性（${zh}）`, `CSRC ${zh}`),
      revision,
    );
  await page.clock.setSystemTime(new Date('2026-01-12T12:30:00Z'));
  await editAndSave(page, (text) => retitle(text, '证券期货适当性（四）', 'CSRC 4'), 5);
  check((await keptBecause(page, 1)).join() === 'created', 'revision 1 stays as the creation');
  check((await keptBecause(page, 5)).join() === 'current', 'revision 5 is the current one');
  check((await keptBecause(page, 4)).join() === 'hourly', 'revision 4 stands for 09:00-10:00');
  for (const r of [2, 3])
    check((await keptBecause(page, r)).join() === 'due', `revision ${r} is due`);
  const card = page.locator('[data-testid=retention]');
  check(
    ((await card.textContent()) ?? '').includes('最近一小时全部保留'),
    'the policy is said in words',
  );
  await page.locator('[data-testid=retention-prune]').click();
  await page.locator('[data-testid=revision-list] tr.thinned[data-gap="2–3"]').waitFor();
  check(
    (await page.locator('[data-testid=revision-list] tr[data-revision="2"]').count()) === 0,
    'revision 2 is gone',
  );
  const counts = (await page.locator('[data-testid=retention-counts]').textContent()) ?? '';
  check(counts.includes('保留 3 个修订，已精简 2 个，待精简 0 个'), `the card counts: ${counts}`);
  check(
    await page.locator('[data-testid=retention-prune]').isDisabled(),
    'nothing is left to thin',
  );
  await screenshot('retention');
  // The thinning is in the audit trail, and the chain still verifies.
  await openVersions(page, 'audit');
  const entry = page.locator('[data-testid=audit-list] tr[data-action=prune]');
  await entry.waitFor();
  check(((await entry.textContent()) ?? '').includes('修订 2-3'), 'the entry names the revisions');
  await page.locator('[data-testid=audit-status][data-ok=true]').waitFor();
}

async function addUser(page: Page, id: string, name: string): Promise<void> {
  const bar = page.locator('[data-testid=user-bar]');
  if (!(await bar.locator('details[open]').count())) await bar.locator('summary').click();
  await page.locator('[data-testid=user-id]').fill(id);
  await page.locator('[data-testid=user-name]').fill(name);
  await page.locator('[data-testid=user-role]').selectOption('approver');
  await page.locator('[data-testid=user-create]').click();
  await page.waitForFunction(
    (v) =>
      (document.querySelector('[data-testid=user-select]') as HTMLSelectElement | null)?.value ===
      v,
    id,
  );
}

export async function approvingYourOwnChangeIsRefusedAndASecondUserPublishes(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await openVersions(page, 'review');
  await addUser(page, 'wang.fang', 'Wang Fang');
  await editAndSave(page, (text) =>
    retitle(text, '证券期货适当性（修订）', 'CSRC suitability (revised)'),
  );
  await waitForTitle(page, '证券期货适当性（修订）');
  await openVersions(page, 'review');
  await page.locator('[data-testid=version-input]').fill('1.1.0');
  await page.locator('[data-testid=note-input]').fill('标题修订');
  await page.locator('[data-testid=submit-review]').click();
  await page
    .locator('[data-testid=pack-status].in-review, [data-testid=versions-error]')
    .first()
    .waitFor();
  const failure = page.locator('[data-testid=versions-error]');
  check((await failure.count()) === 0, `submitted: ${await failure.allTextContents()}`);
  await page.locator('[data-testid=review-comment]').fill('自己批准');
  await page.locator('[data-testid=approve]').click();
  const refusal = page.locator('[data-testid=versions-error]');
  await refusal.waitFor();
  const said = (await refusal.textContent()) ?? '';
  check(said.includes('不能审批自己的修改') && said.includes('wang.fang'), `refused: ${said}`);
  check(
    (await page.locator('[data-testid=pack-status].in-review').count()) === 1,
    'still in review',
  );
  await screenshot('own-approval-refused');

  await addUser(page, 'zhao.min', 'Zhao Min');
  await page.locator('[data-testid=review-comment]').fill('已核对');
  await page.locator('[data-testid=approve]').click();
  await page.locator('[data-testid=pack-status].approved').waitFor();
  const checks = (await page.locator('[data-testid=publish-checks]').textContent()) ?? '';
  check(checks.includes('检查通过'), `lint and tests pass before publishing: ${checks}`);
  // A signing key is generated in the browser; the published pack carries its signature.
  await page.locator('[data-testid=generate-key]').click();
  const publicKey = page.locator('[data-testid=public-key]');
  await publicKey.waitFor();
  await page.locator('[data-testid=publish]').click();
  await page.locator('[data-testid=pack-status].published').waitFor();
  const card = page.locator('[data-testid=published-card]');
  check(
    (await card.locator('[data-testid=published-author]').textContent()) === 'wang.fang',
    'author',
  );
  const approvals = (await card.locator('[data-testid=published-approvals]').textContent()) ?? '';
  check(approvals.includes('zhao.min (approved: 已核对)'), `approvals: ${approvals}`);
  const hash = (await card.locator('[data-testid=published-hash]').textContent()) ?? '';
  check(/^sha256:[0-9a-f]{64}$/.test(hash), `content hash recorded: ${hash}`);
  const signedBy = (await card.locator('[data-testid=published-signature]').textContent()) ?? '';
  check(
    signedBy.length > 40 && ((await publicKey.textContent()) ?? '').includes(signedBy),
    `signed with the workspace key: ${signedBy}`,
  );
  await screenshot('published');

  // The audit trail holds the whole story, and the chain verifies.
  await openVersions(page, 'audit');
  const status = page.locator('[data-testid=audit-status]');
  await status.waitFor();
  check((await status.getAttribute('data-ok')) === 'true', 'the log verifies');
  for (const action of ['change', 'review', 'approve', 'publish'])
    check(
      (await page.locator(`[data-testid=audit-list] tr[data-action=${action}]`).count()) > 0,
      `the log has a ${action} entry`,
    );
}

export async function aTamperedExportIsRefusedOnImport({
  page,
  baseUrl,
  screenshot,
}: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('ControlOrMeta+Shift+E'),
  ]);
  const exported = await readFile(await download.path(), 'utf8');
  check(exported.includes('"max": 19'), 'the export holds the C1 band');
  // One byte: the C1 band now ends at 18.
  const tampered = exported.replace('"max": 19', '"max": 18');
  await page.locator('.brand').click();
  const before = await packRows(page).count();
  await page.locator('[data-testid=import-input]').setInputFiles({
    name: 'cn-csrc-2017-1.0.0.json',
    mimeType: 'application/json',
    buffer: Buffer.from(tampered),
  });
  const errors = page.locator('[data-testid=import-errors]');
  await errors.waitFor();
  const text = (await errors.textContent()) ?? '';
  check(text.includes('内容哈希不一致'), `the import says the hash does not match: ${text}`);
  check(text.includes('cn-csrc-2017-1.0.0.json'), `the error names the file: ${text}`);
  check((await packRows(page).count()) === before, 'nothing is stored');
  await screenshot('tampered-import-refused');
  // The export was logged; the refused import was not.
  await openPack(page, PACK);
  await openVersions(page, 'audit');
  await page.locator('[data-testid=audit-list] tr[data-action=export]').waitFor();
  check(
    (await page.locator('[data-testid=audit-list] tr[data-action=import]').count()) === 0,
    'a refused import leaves no import entry',
  );
}

export async function theAuditLogVerifiesAndATamperedOneDoesNot(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await editAndSave(page, lowerC4);
  await openVersions(page, 'audit');
  const status = page.locator('[data-testid=audit-status]');
  await status.waitFor();
  check((await status.getAttribute('data-ok')) === 'true', 'the untouched log verifies');
  await screenshot('audit-verified');
  const edits = await page.locator('[data-testid=audit-list] tr[data-action=change]').count();
  check(edits === 1, `the edit is logged (${edits} change entries)`);
  // Someone with the browser's devtools rewrites who made the first entry.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('suitability-studio');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const get = store.get(1);
          get.onsuccess = () => store.put({ ...(get.result as object), actor: 'mallory' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
  );
  await page.locator('[data-testid=audit-verify]').click();
  await page.locator('[data-testid=audit-status][data-ok=false]').waitFor();
  check((await status.getAttribute('data-broken-at')) === '1', 'broken at entry 1');
  const said = (await status.textContent()) ?? '';
  check(said.includes('第 1 条'), `the view says where: ${said}`);
  await screenshot('audit-tampered');
}

/** Leaves scores 50-53 without a level: C3 ends at 49 and C4 still starts at 54. */
function gapAfterC3(text: string): string {
  const doc = JSON.parse(text) as {
    graph: { nodes: { kind: string; config: { bands?: { level: string; max: number }[] } }[] };
  };
  for (const node of doc.graph.nodes)
    for (const band of node.config.bands ?? [])
      if (node.kind === 'classify' && band.level === 'C3') band.max = 49;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export async function lintFindingsOpenTheirNode(args: ScenarioArgs) {
  const { page, baseUrl, screenshot } = args;
  await allowClipboard(args);
  await openWorkspace(page, baseUrl);
  await openPack(page, PACK);
  await editAndSave(page, gapAfterC3);
  await openVersions(page, 'lint');
  const counts = (await page.locator('[data-testid=lint-counts]').textContent()) ?? '';
  check(
    counts.includes('有错误时不能发布'),
    `a band gap is an error that blocks publishing: ${counts}`,
  );
  const finding = page.locator('[data-testid=lint-panel] li.error').first();
  const said = (await finding.textContent()) ?? '';
  check(
    said.includes('C3') && said.includes('54') && said.includes('$.graph.nodes'),
    `the finding says where: ${said}`,
  );
  await screenshot('lint');
  await finding.locator('button').click();
  await page.locator('[role=tab][data-tab=graph][aria-selected=true]').waitFor();
  await page.locator('.react-flow__node.selected[data-id="classify"]').waitFor();
}

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { check, type ScenarioArgs } from './lib/types.ts';
import { openPack, openWorkspace, waitForStatus } from './lib/studio.ts';

type PackFile = { graph: { nodes: { id: string; kind: string }[]; edges: unknown[] } };
const csrc = JSON.parse(
  readFileSync(new URL('../../rule-packs/cn-csrc-2017/pack.json', import.meta.url), 'utf8'),
) as PackFile;

const edges = (page: Page) => page.locator('.react-flow__edge');
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function openCsrcGraph(page: Page, baseUrl: string): Promise<void> {
  await openWorkspace(page, baseUrl);
  await openPack(page, 'cn-csrc-2017');
  await page.locator('[role=tab][data-tab=graph]').click();
  await waitForCount(page, '.react-flow__node', csrc.graph.nodes.length);
}

async function waitForCount(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(
    ([s, want]) => document.querySelectorAll(s as string).length === want,
    [selector, n] as const,
  );
}

async function nodePosition(page: Page, id: string): Promise<string> {
  return (await node(page, id).getAttribute('style')) ?? '';
}

/** Waits until the viewport has stopped moving (fit-view and centering animate). */
async function waitForViewportStill(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const t = document.querySelector('.react-flow__viewport')?.getAttribute('style');
      const same = window.__lastViewport === t;
      window.__lastViewport = t;
      return same;
    })()`,
    undefined,
    { polling: 200 },
  );
}

/** Drags from the centre of one element to the centre of another with real mouse moves. */
async function dragBetween(page: Page, from: string, to: string): Promise<void> {
  const a = await page.locator(from).boundingBox();
  const b = await page.locator(to).boundingBox();
  check(a && b, `both ${from} and ${to} should be on screen`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2 + 10, (a.y + b.y) / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

export async function csrcGraphShowsEveryNode({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrcGraph(page, baseUrl);
  check(
    (await edges(page).count()) === csrc.graph.edges.length,
    `expected ${csrc.graph.edges.length} edges on the canvas`,
  );
  for (const n of csrc.graph.nodes)
    check((await node(page, n.id).getAttribute('data-id')) === n.id, `node ${n.id} on the canvas`);
  const classifyText = (await node(page, 'classify').textContent()) ?? '';
  check(/[\u4e00-\u9fff]/.test(classifyText), `node views speak Chinese, got: ${classifyText}`);
  check(
    classifyText.includes('C1') && classifyText.includes('C5'),
    'the classify ruler shows C1-C5',
  );
  check(
    (await node(page, 'match').locator('.nv-matrix td').count()) === 25,
    'the match node shows the 5 x 5 matrix in miniature',
  );
  await screenshot('csrc-graph');
}

export async function bandBoundaryDragPersists({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrcGraph(page, baseUrl);
  await node(page, 'classify').click();
  const handle = page.locator('.band-ruler-handle[data-boundary="C2-C3"]');
  await handle.waitFor();
  const before = Number(await handle.getAttribute('aria-valuenow'));
  const box = await handle.boundingBox();
  const track = await page.locator('.band-ruler-track').boundingBox();
  check(box && track, 'the ruler is on screen');
  // About ten points to the right on a 0-100 ruler.
  const dx = track.width * 0.1;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 4 });
  await screenshot('band-dragging');
  await page.mouse.up();
  const after = Number(await handle.getAttribute('aria-valuenow'));
  check(after > before + 5, `the C2/C3 boundary should move right from ${before}, got ${after}`);
  const c3min = page.locator('.bands-table tr[data-band="2"] input[type=number]').first();
  check(Number(await c3min.inputValue()) === after + 1, 'the C3 band starts right after C2 ends');
  await waitForStatus(page, 'saved');
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await node(page, 'classify').click();
  const reloaded = page.locator('.band-ruler-handle[data-boundary="C2-C3"]');
  await reloaded.waitFor();
  const stored = Number(await reloaded.getAttribute('aria-valuenow'));
  check(stored === after, `after reload the boundary should be ${after}, got ${stored}`);
  await screenshot('band-after-reload');
}

export async function addConnectLayoutUndo({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrcGraph(page, baseUrl);
  const count = csrc.graph.nodes.length;
  await page.locator('.node-palette-item[data-kind=score]').click();
  await waitForCount(page, '.react-flow__node', count + 1);
  const added = node(page, 'score');
  await added.waitFor();
  check(
    (await page.locator('.inspector-panel[data-node-id=score]').count()) === 1,
    'the new node opens in the inspector',
  );
  await page.locator('.graph-toolbar button').nth(1).click();
  await waitForViewportStill(page);
  await dragBetween(
    page,
    '.react-flow__node[data-id="risk"] .react-flow__handle.source',
    '.react-flow__node[data-id="score"] .react-flow__handle.target',
  );
  await waitForCount(page, '.react-flow__edge', csrc.graph.edges.length + 1);
  // score -> risk would close a cycle (risk already flows into score): refused with a message.
  await dragBetween(
    page,
    '.react-flow__node[data-id="score"] .react-flow__handle.source',
    '.react-flow__node[data-id="risk"] .react-flow__handle.target',
  );
  const alert = page.locator('.graph-toast[role=alert]');
  await alert.waitFor();
  check(((await alert.textContent()) ?? '').includes('环路'), 'the refusal is said in Chinese');
  check((await edges(page).count()) === csrc.graph.edges.length + 1, 'no edge was added');
  await screenshot('connected-and-refused');

  // The new score node reads a value not upstream of it: the problem opens that node.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.locator('.problems-panel .problem', { hasText: 'score' }).first().click();
  await page.locator('.inspector-panel[data-node-id=score]').waitFor();

  const beforeLayout = await nodePosition(page, 'classify');
  await page.locator('[data-action=auto-layout]').click();
  await page.waitForFunction(
    (style) =>
      document.querySelector('.react-flow__node[data-id="classify"]')?.getAttribute('style') !==
      style,
    beforeLayout,
  );
  await screenshot('auto-layout');

  // One undo takes the whole layout back, the next the edge, the next the node.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(
    (style) =>
      document.querySelector('.react-flow__node[data-id="classify"]')?.getAttribute('style') ===
      style,
    beforeLayout,
  );
  await page.keyboard.press('Control+Z');
  await waitForCount(page, '.react-flow__edge', csrc.graph.edges.length);
  await page.keyboard.press('Control+Z');
  await waitForCount(page, '.react-flow__node', count);
  await screenshot('undone');
}

export async function deleteKeyRemovesNodeWithEdges({ page, baseUrl }: ScenarioArgs) {
  await openCsrcGraph(page, baseUrl);
  await node(page, 'classify').click();
  // Delete pressed in the inspector (here on a ruler handle) is not meant for the canvas.
  await page.locator('.band-ruler-handle').first().focus();
  await page.keyboard.press('Delete');
  await page.locator('.band-ruler-handle').first().press('ArrowLeft');
  check((await node(page, 'classify').count()) === 1, 'Delete in the inspector keeps the node');
  await node(page, 'classify').click();
  await page.keyboard.press('Delete');
  await waitForCount(page, '.react-flow__node', csrc.graph.nodes.length - 1);
  const left = await page.locator('.react-flow__edge').count();
  check(left < csrc.graph.edges.length - 1, `the classify edges go with it (left ${left})`);
  await page.keyboard.press('Control+Z');
  await waitForCount(page, '.react-flow__node', csrc.graph.nodes.length);
  await waitForCount(page, '.react-flow__edge', csrc.graph.edges.length);
  // The next undo takes back the boundary moved with the arrow key.
  await page.keyboard.press('Control+Z');
  await node(page, 'classify').click();
  const handle = page.locator('.band-ruler-handle[data-boundary="C1-C2"]');
  await page.waitForFunction(
    () =>
      document
        .querySelector('.band-ruler-handle[data-boundary="C1-C2"]')
        ?.getAttribute('aria-valuenow') === '19',
  );
  check((await handle.getAttribute('aria-valuenow')) === '19', 'C1 ends at 19 again');
}

/** The CSRC pack with `extra` score nodes fed by the questionnaire, laid out on a grid. */
function bigPack(extra: number): string {
  const pack = JSON.parse(
    readFileSync(new URL('../../rule-packs/cn-csrc-2017/pack.json', import.meta.url), 'utf8'),
  ) as {
    id: string;
    graph: { nodes: unknown[]; edges: unknown[] };
  };
  pack.id = 'graph-perf';
  for (let i = 0; i < extra; i++) {
    pack.graph.nodes.push({
      id: `extra${i}`,
      kind: 'score',
      position: { x: 300 * (i % 15), y: 900 + 200 * Math.floor(i / 15) },
      config: { terms: [{ ref: 'risk.total', weight: 1 + (i % 3) }], combine: 'weightedSum' },
    });
    pack.graph.edges.push({ id: `risk-extra${i}`, source: 'risk', target: `extra${i}` });
  }
  return JSON.stringify(pack);
}

export async function hundredsOfNodesStayResponsive({ page, baseUrl }: ScenarioArgs) {
  const extra = 150;
  await openWorkspace(page, baseUrl);
  await page.locator('[data-testid=import-input]').setInputFiles({
    name: 'graph-perf.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bigPack(extra)),
  });
  await page.locator('tr[data-pack="graph-perf"]').waitFor();
  const opened = performance.now();
  await openPack(page, 'graph-perf');
  await waitForCount(page, '.react-flow__node', csrc.graph.nodes.length + extra);
  const openMs = performance.now() - opened;

  // Count animation frames while a node is dragged across the canvas with 60 pointer moves.
  const target = node(page, 'classify');
  const box = await target.boundingBox();
  check(box, 'the classify node is on screen');
  const before = await nodePosition(page, 'classify');
  // A string, not a function: the test runner's transpiler would wrap a named closure in helpers
  // that do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { window.__frames++; if (window.__counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const started = performance.now();
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 220, box.y + 130, { steps: 60 });
  await page.mouse.up();
  const dragMs = performance.now() - started;
  const frames = Number(await page.evaluate('window.__counting = false, window.__frames'));
  check((await nodePosition(page, 'classify')) !== before, 'the dragged node moved');
  await waitForStatus(page, 'saved');
  console.log(
    `  ${csrc.graph.nodes.length + extra} nodes: opened in ${Math.round(openMs)} ms; ` +
      `60-step drag took ${Math.round(dragMs)} ms, ${frames} frames (${Math.round((frames * 1000) / dragMs)} fps)`,
  );
}

export async function paletteDragAndScoreWeights({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openCsrcGraph(page, baseUrl);
  await page
    .locator('.node-palette-item[data-kind=classify]')
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 120, y: 120 } });
  await node(page, 'classify2').waitFor();
  check(
    (await page.locator('.inspector-panel[data-node-id=classify2]').count()) === 1,
    'a dropped node opens in the inspector',
  );

  await node(page, 'effectiveScore').click();
  const sum = page.locator('.weight-sum');
  check((await sum.getAttribute('data-sum')) === '2', 'the CSRC score has two terms of weight 1');
  await page.getByRole('radio', { name: /加权求和/ }).check();
  const weight = page.locator('.score-inspector input[type=number]').first();
  await weight.fill('3');
  // The sum follows the typing before anything is committed.
  await page.waitForFunction(
    () => document.querySelector('.weight-sum')?.getAttribute('data-sum') === '4',
  );
  await weight.press('Enter');
  await page.getByRole('button', { name: /权重归一化/ }).click();
  await page.waitForFunction(
    () => document.querySelector('.weight-sum')?.getAttribute('data-sum') === '1',
  );
  check(
    (await node(page, 'effectiveScore').textContent())?.includes('0.75 × risk.total'),
    'the node view shows the normalized weight',
  );
  await screenshot('score-weights');
}

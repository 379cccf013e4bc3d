import type { Page } from 'playwright-core';
import {
  allowClipboard,
  editJson,
  openJsonTab,
  openWorkspace,
  retitle,
  waitForStatus,
  waitForTitle,
} from './lib/studio.ts';
import { otherBrowser, signIn, signOut, startTeamServer } from './lib/teamServer.ts';
import { check, type Scenario, type ScenarioArgs } from './lib/types.ts';

const PASSWORD = 'correct horse battery';

/** The static studio (no server) is the local workspace, and says so. */
export async function localWorkspaceIsLabelled({ page, baseUrl, screenshot }: ScenarioArgs) {
  await openWorkspace(page, baseUrl);
  const badge = page.locator('[data-testid=workspace-kind]');
  check((await badge.getAttribute('data-kind')) === 'local', 'the badge should say local');
  check((await badge.textContent()) === '本地工作区', 'the badge should read 本地工作区');
  check((await page.locator('[data-testid=account-bar]').count()) === 0, 'no account bar');
  await screenshot('local-badge');
}

async function createUser(page: Page, username: string, roles: string[]) {
  await page.locator('[data-testid=new-username]').fill(username);
  await page.locator('[data-testid=new-name]').fill(username.toUpperCase());
  await page.locator('[data-testid=new-password]').fill(PASSWORD);
  // The form starts with the author role ticked.
  if (!roles.includes('author')) await page.locator('[data-testid=role-new-author]').uncheck();
  for (const role of roles) await page.locator(`[data-testid=role-new-${role}]`).check();
  await page.locator('[data-testid=new-create]').click();
  await page.locator(`tr[data-user="${username}"]`).waitFor();
}

async function openTeamPack(page: Page, id: string) {
  await page.locator(`tr[data-pack="${id}"] button.link`).click();
  await page.locator('[data-testid=pack-title]').waitFor();
}

async function openReview(page: Page) {
  await page.locator('[role=tab][data-tab=versions]').click();
  await page.locator('[data-testid=team-review]').waitFor();
}

async function reviewStatus(page: Page, status: string) {
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid=team-review] .status-chip')?.className.includes(s),
    status,
  );
}

/**
 * Two people at two browsers on a real `suitability serve`: the first admin sets up the team,
 * an author edits a shared pack and the approver sees it live, the author submits, the approver
 * approves and publishes; someone who edited since the last publication is refused by the
 * server when approving; the auditor reads, with the buttons of roles they lack disabled.
 */
export const twoUsersReviewAndPublish: Scenario = async (args) => {
  const { page, context, screenshot, allowOrigin } = args;
  const server = await startTeamServer();
  allowOrigin(server.url);
  await allowClipboard({ ...args, baseUrl: server.url });
  const other = await otherBrowser(context);
  await allowClipboard({ ...args, context: other, baseUrl: server.url });
  try {
    // First start: the studio asks for the first administrator.
    await page.goto(server.url);
    await page.locator('[data-testid=setup]').waitFor();
    await screenshot('setup');
    await page.locator('[data-testid=field-username]').fill('admin');
    await page.locator('[data-testid=field-displayName]').fill('Admin');
    await page.locator('[data-testid=field-password]').fill(PASSWORD);
    await page.locator('[data-testid=field-repeat]').fill(PASSWORD);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=account-bar]').waitFor();
    const badge = page.locator('[data-testid=workspace-kind]');
    check((await badge.getAttribute('data-kind')) === 'team', 'the badge should say team');
    check((await page.locator('[data-testid=user-select]').count()) === 0, 'no identity picker');

    // The admin creates the team.
    await page.locator('[data-testid=open-admin]').click();
    await page.locator('[data-testid=admin]').waitFor();
    await createUser(page, 'ann', ['author']);
    await createUser(page, 'bo', ['approver', 'publisher']);
    await createUser(page, 'cy', ['author', 'approver']);
    await createUser(page, 'aud', ['auditor']);
    await screenshot('admin-users');
    await page.locator('[data-testid=admin-close]').click();
    await signOut(page);

    // Ann (author) in this browser, Bo (approver) in another.
    await signIn(page, server.url, 'ann', PASSWORD);
    const bo = await other.newPage();
    await signIn(bo, server.url, 'bo', PASSWORD);
    check(
      await page.locator('[data-testid=open-admin]').isDisabled(),
      'the admin screen is only a hint away for non-admins: disabled',
    );
    await page.locator('[data-testid=pack-table] tbody tr').first().waitFor();
    const id = (await page
      .locator('[data-testid=pack-table] tbody tr')
      .first()
      .getAttribute('data-pack')) as string;
    await screenshot('author-workspace');

    await openTeamPack(page, id);
    await openTeamPack(bo, id);
    await openJsonTab(page);
    await editJson(page, (text) => retitle(text, '团队共享的规则包', 'Shared team pack'));
    await waitForStatus(page, 'saved');
    // Bo's editor had nothing unsaved: Ann's save appears there by itself.
    await waitForTitle(bo, '团队共享的规则包');
    await screenshot('approver-sees-live-edit', bo);

    // Offline: Ann's edit waits in the outbox, and is pushed when the connection comes back.
    const sync = (p: Page, attr: string) =>
      p.locator('[data-testid=sync-status]').getAttribute(`data-${attr}`);
    await context.setOffline(true);
    await editJson(page, (text) => retitle(text, '离线时的修改', 'Edited offline'));
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid=sync-status]')?.getAttribute('data-queued')) >
        0,
    );
    // The top bar says the edit is kept here, not that the save failed, and the chip says offline.
    await waitForStatus(page, 'queued');
    check((await sync(page, 'connected')) === 'false', 'the connection chip shows offline');
    await screenshot('offline-edit-queued');
    await context.setOffline(false);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=sync-status]')?.getAttribute('data-queued') === '0',
      undefined,
      { timeout: 60_000 },
    );
    check((await sync(page, 'conflicts')) === '0', 'the queued edit went through without conflict');
    await waitForTitle(bo, '离线时的修改');
    await screenshot('offline-edit-arrives-live', bo);

    // Ann submits; Bo approves with a reason.
    await openReview(page);
    await page.locator('[data-testid=note-input]').fill('新标题');
    await page.locator('[data-testid=submit-review]').click();
    await reviewStatus(page, 'in-review');
    await openReview(bo);
    await reviewStatus(bo, 'in-review');
    await bo.locator('[data-testid=review-diff]').waitFor();
    await bo.locator('[data-testid=decision-reason]').fill('标题修改无误');
    await screenshot('review', bo);
    await bo.locator('[data-testid=approve]').click();
    await reviewStatus(bo, 'approved');
    await bo.locator('[data-testid=publish]').click();
    await bo.locator('[data-testid=published]').waitFor();
    await reviewStatus(bo, 'published');
    await screenshot('published', bo);
    await signOut(bo);

    // The loophole: Cy (author and approver) edits, Ann edits after and submits, Cy approves.
    await signIn(bo, server.url, 'cy', PASSWORD);
    await openTeamPack(bo, id);
    await openJsonTab(bo);
    await editJson(bo, (text) => retitle(text, '再次修改', 'Edited again'));
    await waitForStatus(bo, 'saved');
    await waitForTitle(page, '再次修改');
    await page.locator('[role=tab][data-tab=json]').click();
    await editJson(page, (text) => retitle(text, '再次修改二', 'Edited again 2'));
    await waitForStatus(page, 'saved');
    await openReview(page);
    await page.locator('[data-testid=note-input]').fill('小改');
    await page.locator('[data-testid=submit-review]').click();
    await reviewStatus(page, 'in-review');
    await openReview(bo);
    await reviewStatus(bo, 'in-review');
    await bo.locator('[data-testid=maker-checker-hint]').waitFor();
    await bo.locator('[data-testid=decision-reason]').fill('我来批准');
    await bo.locator('[data-testid=approve]').click();
    const refusal = bo.locator('[data-testid=review-error]');
    await refusal.waitFor();
    const said = (await refusal.textContent()) ?? '';
    check(
      said.includes('不能审批') && said.includes('cy'),
      `the server's refusal is shown: ${said}`,
    );
    await screenshot('maker-checker-refused', bo);
    await reviewStatus(bo, 'in-review');
    await signOut(bo);

    // The auditor reads everything and may change nothing.
    await signIn(bo, server.url, 'aud', PASSWORD);
    await openTeamPack(bo, id);
    await openReview(bo);
    check(await bo.locator('[data-testid=approve]').isDisabled(), 'auditors cannot approve');
    check(
      ((await bo.locator('[data-testid=approve]').getAttribute('title')) ?? '').length > 0,
      'the disabled button says why',
    );
    await bo.locator('[data-section=revisions]').click();
    await bo.locator('[data-testid=server-revisions] tbody tr').first().waitFor();
    await screenshot('auditor-reads', bo);

    // The auditor's audit log: read-only, the chain checked, operations in words, filters.
    await bo.locator('[data-testid=open-audit]').click();
    await bo.locator('[data-testid=audit-row]').first().waitFor();
    check(
      (await bo.locator('[data-testid=audit-chain]').getAttribute('data-ok')) === 'true',
      'the audit view shows the hash chain intact',
    );
    const publishRow = bo.locator('[data-testid=audit-row][data-action=publish]').first();
    check(
      ((await publishRow.locator('td').nth(3).textContent()) ?? '').includes('发布'),
      'operations are shown in words',
    );
    await bo.locator('[data-testid=audit-actor]').fill('aud');
    await bo.locator('[data-testid=audit-apply]').click();
    await bo.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=audit-row] td:nth-child(3)')].every(
        (td) => td.textContent === 'aud',
      ),
    );
    await screenshot('auditor-audit-log', bo);
    check(
      (await bo.locator('[data-testid=audit-export]').getAttribute('href')) === '/api/audit/export',
      'an export link',
    );
  } finally {
    await other.close();
    await server.close();
  }
};
twoUsersReviewAndPublish.timeoutMs = 400_000;

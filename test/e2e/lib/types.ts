import type { BrowserContext, Page } from 'playwright-core';

/** What every scenario gets: a fresh browser context (empty IndexedDB) and a page in it. */
export type ScenarioArgs = {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** Saves `test/e2e/screenshots/<file>-<name>.png` (of `page`, or of another page given). */
  screenshot: (name: string, page?: Page) => Promise<void>;
  /** Lets the page reach another local server (a team server the scenario started). */
  allowOrigin: (url: string) => void;
};

/** `timeoutMs` for a scenario that needs longer than the default (one that starts a server). */
export type Scenario = ((args: ScenarioArgs) => Promise<void>) & { timeoutMs?: number };

/** Fails a scenario with a message that says what was expected. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

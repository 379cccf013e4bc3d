import type { BrowserContext, Page } from 'playwright-core';

/** What every scenario gets: a fresh browser context (empty IndexedDB) and a page in it. */
export type ScenarioArgs = {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** Saves `test/e2e/screenshots/<file>-<name>.png`. */
  screenshot: (name: string) => Promise<void>;
};

export type Scenario = (args: ScenarioArgs) => Promise<void>;

/** Fails a scenario with a message that says what was expected. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

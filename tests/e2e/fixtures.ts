import { expect, type Locator, type Page, test as base } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// window.__host and its types (the declaration only; nothing of the page runs in Node).
import type {} from '../host/shell/api';

export const SCREENSHOTS = join(__dirname, '..', '..', '.test-results', 'screenshots');

export interface Host {
  /** Where tests/host/server.mjs listens (set by global-setup.ts). */
  url: string;
  /** Opens the host page and waits until window.__host is ready. */
  open(theme?: 'dark' | 'light'): Promise<void>;
  /** console.error messages and uncaught page errors since the page opened. */
  errors: string[];
  screenshot(name: string, target?: Locator): Promise<void>;
}

export const test = base.extend<{ host: Host }>({
  host: async ({ page }, use) => {
    const url = process.env.HOST_URL;
    if (!url) {
      throw new Error(
        'HOST_URL is not set: run the tests with `npx playwright test` (global-setup.ts starts the host)'
      );
    }
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await use({
      url,
      errors,
      open: async (theme = 'dark') => {
        await page.goto(`${url}/?theme=${theme}`);
        await expect(page.locator('body')).toHaveAttribute('data-host-ready', 'true', { timeout: 30_000 });
      },
      screenshot: async (name, target) => {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const path = join(SCREENSHOTS, `${name}.png`);
        await (target ? target.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
      },
    });
  },
});

/** The uid of the data source the host server holds: the provisioned one (provisioning/datasources). */
export const UID = 'gosre-stability';

/** A request from the page through the host's backendSrv (what a plugin does). */
export const pageFetch = (page: Page, options: Record<string, unknown>) =>
  page.evaluate((o) => window.__host.fetch(o as { url: string }), options);

export type Settings = Record<string, any>;
export const getSettings = async (page: Page): Promise<Settings> =>
  (await pageFetch(page, { url: `/api/datasources/uid/${UID}` })).data as Settings;

/** PUT the current settings with `patch` applied, as the config page's Save does. */
export async function putSettings(page: Page, patch: Record<string, unknown>) {
  const current = await getSettings(page);
  const res = await pageFetch(page, {
    url: `/api/datasources/uid/${UID}`,
    method: 'PUT',
    data: { ...current, ...patch },
  });
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return res;
}

export { expect };
export type { Page };

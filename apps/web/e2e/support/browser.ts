import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where the end-to-end run writes its screenshots (git-ignored; CI keeps the folder as an artefact). */
export const SCREENSHOT_DIR = resolve(
  process.env['E2E_SCREENSHOT_DIR'] ?? join(__dirname, '..', '..', '..', '..', 'artifacts', 'screenshots'),
);

/** Debian's Chromium (`tools/scripts/ensure-chromium.mjs` installs it); `CHROMIUM_PATH` names another. */
export function chromiumPath(): string {
  const named = process.env['CHROMIUM_PATH'];
  if (named) return named;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('Chromium is not installed: run node tools/scripts/ensure-chromium.mjs');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=fr-FR'],
  });
}

/** Signs in at the local provider's page (login, optional one-time code), from a page showing the sign-in button. */
export async function signIn(page: Page, login: string, oneTimeCode?: string): Promise<void> {
  await page.getByRole('button', { name: /FranceConnect|ProConnect/ }).click();
  await page.locator('input[name="login"]').fill(login);
  if (oneTimeCode) await page.locator('input[name="otp"]').fill(oneTimeCode);
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: number;
}

/** axe-core on the page as it is: the serious and critical violations (RGAA relies on WCAG 2.1 AA). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

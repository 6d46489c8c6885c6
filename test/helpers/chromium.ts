import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run. */
export const CHROMIUM = '/usr/bin/chromium';

/** A visible skip reason when Chromium is absent, else false. */
export const noChromium = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is absent: install Debian package chromium`;

/** Headless, and nothing that calls home: no background networking, QUIC, component updates or sync. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether a URL the browser requested stays on this machine. */
export const isLocalUrl = (url: string) =>
  /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|file:|data:|blob:|about:)/.test(url);

/** Chromium with a fresh profile; `close` also removes the profile. */
export async function launchChromium(
  viewport = { width: 1200, height: 900 },
): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'yardstick-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    timeout: 60_000,
    viewport,
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

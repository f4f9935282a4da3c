#!/usr/bin/env node
/**
 * Screenshots an HTML file or URL with headless Chromium, for looking at rendered pages.
 *   node scripts/screenshot.mjs page.html out.png [width=1280] [height=2000]
 * Needs `chromium` (apt-get install chromium fonts-noto-cjk). Offline flags: no background
 * networking, no component updates, a throwaway profile and HOME.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [input, output, width = '1280', height = '2000'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/screenshot.mjs <page.html|url> <out.png> [width] [height]');
  process.exit(2);
}
const url = /^[a-z]+:/i.test(input) ? input : pathToFileURL(resolve(input)).href;
const home = mkdtempSync(join(tmpdir(), 'shot-home-'));
const profile = mkdtempSync(join(tmpdir(), 'shot-profile-'));
const browser = process.env.CHROMIUM ?? 'chromium';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${profile}`, '--hide-scrollbars', `--window-size=${width},${height}`,
  '--virtual-time-budget=3000', `--screenshot=${resolve(output)}`, url,
];
const result = spawnSync(browser, args, { env: { ...process.env, HOME: home }, encoding: 'utf8', timeout: 60_000 });
rmSync(home, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });
if (result.status !== 0) {
  console.error(result.stderr || result.error);
  process.exit(result.status ?? 1);
}
console.log(`${output} (${width}×${height})`);

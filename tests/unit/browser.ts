/**
 * Headless Chromium for the browser tests (Debian's package: `apt-get install chromium
 * fonts-noto-cjk poppler-utils`; .ci/run installs them). A missing browser fails the tests with
 * this message instead of skipping them: what readers see must be checked on every run.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** `args`: more command-line switches (e.g. --host-resolver-rules) after the usual ones. */
export async function launchChromium(args: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests need Chromium at ${CHROMIUM}: run "apt-get install -y chromium fonts-noto-cjk poppler-utils" (as .ci/run does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
  });
}

/** Serves fixed pages on loopback (an ephemeral port); anything else is a 404. */
export async function servePages(pages: Record<string, { body: string | Uint8Array; type: string }>): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname + (req.url?.includes('?') ? `?${req.url.split('?')[1]}` : '')] ?? pages[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(page ? 200 : 404, { 'content-type': page?.type ?? 'text/plain' });
    res.end(page?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

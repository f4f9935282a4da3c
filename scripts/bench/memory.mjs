// Peak memory of the pure core in Node, one fresh process per case (see memory-child.ts): the
// numbers workerd keeps to itself. Compared with the 128 MB a Workers isolate may use.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../offline-env.mjs';
import { EXAMPLE_PATH } from './payloads.mjs';

export const ISOLATE_LIMIT_MB = 128;

export const MEMORY_CASES = [
  { id: 'document', label: 'document HTML (stateless: figures inlined as SVG)' },
  { id: 'png-800-scale4', label: 'figure PNG width=800 height=500 scale=4 (3200×2000 px, print size)' },
  { id: 'png-cap', label: 'figure PNG width=4000 height=1625 scale=1 (4000 px wide, the 6.5 Mpx cap)' },
  { id: 'png-1000-scale4', label: 'figure PNG width=1000 height=625 scale=4 (4000×2500 px: over the cap)' },
  { id: 'png-4000-scale4', label: 'figure PNG width=4000 height=2500 scale=4 (16000×10000 px)' },
  { id: 'table-limit-svg', label: 'table 05 SVG of 300 rows (the largest table image allowed)' },
  { id: 'table-limit-png', label: 'table 05 PNG of 300 rows, height grown (the largest allowed)' },
  { id: 'table-limit-png-fixed', label: 'table 05 PNG of 300 rows at height=500' },
  { id: 'table-over-limit', label: 'table 05 SVG of 420 rows (over the limit: refused)' },
];

function runChild(caseId, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(root, 'scripts/bench/memory-child.ts'), caseId, EXAMPLE_PATH],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-3000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out));
      } catch {
        resolve({ error: `exit ${code ?? signal}${signal === 'SIGKILL' ? ` (killed after ${timeoutMs / 1000} s)` : ''}: ${err.trim().slice(-800)}` });
      }
    });
  });
}

export async function benchMemory({ log, timeoutMs = 60_000 }) {
  const results = { isolateLimitMB: ISOLATE_LIMIT_MB, cases: {} };
  for (const c of MEMORY_CASES) {
    const r = await runChild(c.id, timeoutMs);
    results.cases[c.id] = { label: c.label, ...r };
    log(`  memory ${c.id}: ${r.error ? 'error ' + r.error.split('\n')[0] : r.rejected ? `refused: ${r.rejected}` : `peak heap ${r.cold.peakHeapUsedMiB} MiB, isolate estimate ${r.cold.isolateEstimateMiB} MiB, RSS +${r.cold.rssGrowthMiB} MiB, ${r.cold.cpuMs} ms CPU cold / ${r.warm.cpuMs} ms warm, ${r.cold.outputBytes} bytes`}`);
  }
  return results;
}

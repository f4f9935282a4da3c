// The peer to beat: headless Chromium screenshotting an HTML/CSS version of figure 1 at the same
// size (800×500), with the same numbers and Chinese text in Noto Sans CJK (fonts-noto-cjk).
// (a) a fresh browser process per image, as a "screenshot service" that spawns Chromium per job;
// (b) one long-lived browser reusing one page (playwright-core), the best case for a browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize } from './stats.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get install chromium fonts-noto-cjk';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

const cents = (amount) => (amount === undefined || amount === null ? null : Math.round(Number(String(amount).replace(/,/g, '')) * 100));

/**
 * Figure 1 (收、支决算总计变动情况) as our renderer draws it: two groups (收入总计, 支出总计), each
 * with last year's and this year's bar, the change under each group, a source line.
 */
export function figureOneData(example) {
  const year = example.meta.fiscalYear;
  const last = example.explanation?.comparisonYear ?? year - 1;
  const summary = example.tables?.summary ?? {};
  const previous = example.explanation?.previousYear ?? {};
  const income = cents(summary.income?.grandTotal);
  const expense = cents(summary.expense?.grandTotal) ?? income;
  const before = cents(previous.grandTotal);
  return {
    title: '图1：收、支决算总计变动情况',
    unit: '万元',
    years: [`${last} 年度`, `${year} 年度`],
    groups: [
      { label: '收入总计', values: [before, income] },
      { label: '支出总计', values: [before, expense] },
    ],
    source: `数据来源：${example.meta.department} ${year} 年度部门决算`,
  };
}

const fmt = (c) => (c / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function change(before, after) {
  if (before === null || after === null || before === 0) return '';
  const diff = after - before;
  const pct = ((Math.abs(diff) / Math.abs(before)) * 100).toFixed(2);
  return `${diff < 0 ? '减少' : '增加'} ${fmt(Math.abs(diff))} 万元，${diff < 0 ? '下降' : '增长'} ${pct}%`;
}

/** A self-contained HTML/CSS grouped bar chart, 800×500, no scripts, no external resources. */
export function chartPage(data, { salt = '' } = {}) {
  const max = Math.max(...data.groups.flatMap((g) => g.values.map((v) => v ?? 0)), 1);
  const step = 10 ** Math.floor(Math.log10(max / 100 / 4)) * 100;
  const niceStep = [1, 2, 2.5, 5, 10].map((m) => m * step).find((s) => s * 4 >= max) ?? step * 10;
  const top = niceStep * 4;
  const plotHeight = 290;
  const colors = ['repeating-linear-gradient(135deg,#e0a31a 0 5px,#f6d27a 5px 8px)', '#0b6fb0'];
  const bar = (value, i) => {
    const h = Math.round(((value ?? 0) / top) * plotHeight);
    return `<div class="bar"><span class="value">${value === null ? '' : fmt(value)}</span><div style="height:${h}px;background:${colors[i]}"></div></div>`;
  };
  const ticks = [0, 1, 2, 3, 4]
    .map((t) => `<div class="tick" style="bottom:${Math.round((t / 4) * plotHeight)}px"><span>${(Math.round(top * t) / 4 / 100).toLocaleString('en-US')}</span></div>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${data.title}${salt}</title><style>
html,body{margin:0;width:800px;height:500px;overflow:hidden;background:#fff;font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;color:#1f2937}
h1{font-size:21px;font-weight:700;text-align:center;margin:22px 0 0}
.unit{position:absolute;left:24px;top:66px;font-size:13px;color:#4b5563}
.legend{position:absolute;right:24px;top:64px;display:flex;gap:18px;font-size:14px}
.legend i{display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:-2px}
.plot{position:absolute;left:64px;right:24px;top:120px;height:${plotHeight}px;border-bottom:1px solid #6b7280}
.tick{position:absolute;left:0;right:0;border-top:1px solid #e5e7eb}
.tick span{position:absolute;right:calc(100% + 8px);top:-9px;font-size:12px;color:#4b5563}
.groups{position:absolute;inset:0;display:flex;justify-content:space-around;align-items:flex-end}
.group{display:flex;gap:6px;align-items:flex-end}
.bar{width:64px;display:flex;flex-direction:column;align-items:center}
.bar div{width:100%}
.value{font-size:13px;margin-bottom:3px;white-space:nowrap}
.labels{position:absolute;left:64px;right:24px;top:${120 + plotHeight + 6}px;display:flex;justify-content:space-around;text-align:center;font-size:14px}
.labels small{display:block;font-size:12px;color:#4b5563}
.source{position:absolute;left:24px;bottom:12px;font-size:12px;color:#4b5563}
</style></head><body>
<h1>${data.title}</h1><div class="unit">单位：${data.unit}</div>
<div class="legend">${data.years.map((y, i) => `<span><i style="background:${colors[i]}"></i>${y}</span>`).join('')}</div>
<div class="plot">${ticks}<div class="groups">${data.groups.map((g) => `<div class="group">${g.values.map(bar).join('')}</div>`).join('')}</div></div>
<div class="labels">${data.groups.map((g) => `<span>${g.label}<small>${change(g.values[0], g.values[1])}</small></span>`).join('')}</div>
<div class="source">${data.source}</div>
</body></html>`;
}

function runChromium(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      code === 0 ? resolve() : reject(new Error(`chromium exited ${code}: ${stderr.trim().slice(-500)}`));
    });
  });
}

/** Times `pageRuns` screenshots in a reused page, each of new content (a changed comment defeats caching). */
async function timeReused(page, html, pageRuns, shot) {
  await page.setContent(html('warm-up'));
  await page.screenshot(shot);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < pageRuns; i++) {
    const started = performance.now();
    await page.setContent(html(`#${i}`));
    const png = await page.screenshot(shot);
    times.push(performance.now() - started);
    bytes = png.length;
  }
  return { ...summarize(times), pngBytes: bytes };
}

/**
 * Runs both peers on the same page; returns timings in ms, or { skipped } when Chromium is absent.
 * With `same` ({ figureSvg, tableHtml }: our own figure 1 SVG and table 01 page), the reused page
 * also screenshots exactly what we render — the same chart, the same table — at 800 px wide.
 */
export async function benchPeer({ data, freshRuns, pageRuns, log, same }) {
  if (!existsSync(CHROMIUM)) {
    return { skipped: `${CHROMIUM} not found: install it (and CJK fonts) with \`${INSTALL_HINT}\` to compare with a headless browser` };
  }
  const work = mkdtempSync(join(tmpdir(), 'juesuan-peer-'));
  const results = { chromium: CHROMIUM, width: 800, height: 500 };
  try {
    const pagePath = join(work, 'figure-1.html');
    writeFileSync(pagePath, chartPage(data));
    const home = mkdtempSync(join(work, 'home-'));

    // (a) a fresh browser per image: process start, profile creation, layout, raster, PNG encode, exit.
    const fresh = [];
    let pngBytes = 0;
    for (let i = 0; i < freshRuns; i++) {
      const profile = mkdtempSync(join(work, 'profile-'));
      const out = join(work, `fresh-${i}.png`);
      const started = performance.now();
      await runChromium(
        [...FLAGS, `--user-data-dir=${profile}`, '--window-size=800,500', `--screenshot=${out}`, pathToFileURL(pagePath).href],
        { ...process.env, HOME: home },
      );
      fresh.push(performance.now() - started);
      pngBytes = statSync(out).size;
      rmSync(profile, { recursive: true, force: true });
      log(`  chromium fresh #${i + 1}: ${fresh.at(-1).toFixed(0)} ms`);
    }
    results.freshBrowser = { ...summarize(fresh), pngBytes };

    // (b) one browser, one page, new content each time (a changed title defeats any caching).
    const { chromium } = await import('playwright-core');
    const launchStarted = performance.now();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: FLAGS.filter((f) => f !== '--headless'),
      env: { ...process.env, HOME: home },
    });
    const launchMs = performance.now() - launchStarted;
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 500 }, deviceScaleFactor: 1 });
      await page.setContent(chartPage(data, { salt: ' warm-up' }));
      await page.screenshot({ type: 'png' });
      const reused = [];
      let bytes = 0;
      for (let i = 0; i < pageRuns; i++) {
        const started = performance.now();
        await page.setContent(chartPage(data, { salt: ` #${i}` }));
        const png = await page.screenshot({ type: 'png' });
        reused.push(performance.now() - started);
        bytes = png.length;
      }
      results.reusedPage = { ...summarize(reused), launchMs: Math.round(launchMs), pngBytes: bytes };
      log(`  chromium reused page: p50 ${results.reusedPage.p50} ms (launch ${results.reusedPage.launchMs} ms)`);
      if (same) {
        const svgPage = (salt) => `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}svg{display:block}</style></head><body><!--${salt}-->${same.figureSvg}</body></html>`;
        results.reusedPageOurSvg = await timeReused(page, svgPage, pageRuns, { type: 'png' });
        log(`  chromium reused page, our figure 1 SVG: p50 ${results.reusedPageOurSvg.p50} ms`);
        const tablePage = (salt) => same.tableHtml.replace('</body>', `<!--${salt}--></body>`);
        results.reusedPageOurTable = await timeReused(page, tablePage, pageRuns, { type: 'png', fullPage: true });
        log(`  chromium reused page, our table 01 page (full page): p50 ${results.reusedPageOurTable.p50} ms`);
      }
    } finally {
      await browser.close();
    }
  } catch (error) {
    results.error = String(error?.message ?? error).slice(0, 500);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

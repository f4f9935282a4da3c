/**
 * Rendering one report into its folder: the unit of work a worker thread (or the main thread,
 * with --jobs 1) runs. Everything it needs travels in a plain, structured-clonable RenderJob.
 */
import { RenderError } from '../render/errors';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseOutputPath, parseVariantFilePath } from '../render/output-path';
import { checkReport } from '../audit/check-report';
import type { FigureRuntime } from '../render/figures';
import { fileRecord, type FileRecord, type SkippedFile } from './manifest';
import type { RenderOptions } from './render-options';
import { renderFile, siteFiles, sitePath, type SiteFile } from './report-files';

export interface RenderJob {
  source: string;
  alias: string;
  /** The report's folder, <out>/<alias>. */
  reportDir: string;
  /** The payload file's bytes, written unchanged as payload.json. */
  input: Uint8Array;
  options: RenderOptions;
  /** Files the previous run recorded for this report: the ones this run does not write are removed. */
  previousFiles: string[];
}

export interface RenderJobResult {
  files: FileRecord[];
  /** Outputs planned but not written: images over the work bounds, with the reason in Chinese. */
  skipped: SkippedFile[];
  ms: number;
}

export const PAYLOAD_FILE = 'payload.json';
const JSON_TYPE = 'application/json; charset=utf-8';

export async function runRenderJob(job: RenderJob, runtime: FigureRuntime): Promise<RenderJobResult> {
  const started = performance.now();
  // Re-derived from the bytes rather than shipped from the main thread: models hold Maps and are
  // cheap to rebuild next to the rendering that dominates the cost.
  const result = checkReport(JSON.parse(new TextDecoder().decode(job.input)));
  if (!result.ok || result.errors.length > 0) throw new Error(`${job.source}: payload no longer passes the checks it passed a moment ago`);
  const model = result.model;

  await mkdir(job.reportDir, { recursive: true });
  const planned = siteFiles(model, job.options);
  const records: (FileRecord | undefined)[] = new Array(planned.length);
  const skipped: SkippedFile[] = [];
  const dirs = new Set<string>();
  const render = async (site: SiteFile, i: number, exists?: (path: string) => boolean): Promise<void> => {
    let file: Awaited<ReturnType<typeof renderFile>>;
    try {
      file = await renderFile(model, site, job.options, runtime, exists);
    } catch (error) {
      // An image over the work bounds (a table of more than 300 rows) is refused by the Worker with a
      // 422 too; the site has the table's HTML, CSV and JSON, and no image file — and says why.
      if (error instanceof RenderError && error.kind === 'too-large') {
        skipped.push({ path: sitePath(site), reason: error.detail });
        return;
      }
      throw new Error(`${sitePath(site)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const target = join(job.reportDir, file.path);
    const dir = dirname(target);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    await writeFile(target, file.body);
    records[i] = fileRecord(file.path, file.body, file.contentType);
  };
  // Pages last: they link only the files that were written (the --formats asked for, minus images
  // refused as too large), so a published site has no dead link.
  const isPage = (site: SiteFile) => site.spec.format === 'html';
  for (const [i, site] of planned.entries()) if (!isPage(site)) await render(site, i);
  const written = new Set(records.filter((r) => r !== undefined).map((r) => r.path));
  const pages = new Set(planned.filter(isPage).map(sitePath));
  const exists = (path: string) => written.has(path) || pages.has(path);
  for (const [i, site] of planned.entries()) if (isPage(site)) await render(site, i, exists);
  const files = records.filter((r): r is FileRecord => r !== undefined);
  skipped.sort((a, b) => a.path.localeCompare(b.path));
  await writeFile(join(job.reportDir, PAYLOAD_FILE), job.input);
  files.push(fileRecord(PAYLOAD_FILE, job.input, JSON_TYPE));

  const kept = new Set(files.map((f) => f.path));
  for (const stale of job.previousFiles) {
    // Only output addresses: a hand-edited manifest must not be able to delete anything else.
    if (!kept.has(stale) && (parseOutputPath(stale) || parseVariantFilePath(stale))) await unlink(join(job.reportDir, stale)).catch(() => undefined);
  }
  return { files, skipped, ms: performance.now() - started };
}

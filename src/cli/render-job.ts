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
import { fileRecord, type FileRecord } from './manifest';
import type { RenderOptions } from './render-options';
import { renderFile, siteFiles, sitePath } from './report-files';

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
  const files: FileRecord[] = [];
  const dirs = new Set<string>();
  for (const site of siteFiles(model, job.options)) {
    let file: Awaited<ReturnType<typeof renderFile>>;
    try {
      file = await renderFile(model, site, job.options, runtime);
    } catch (error) {
      // An image over the work bounds (a table of more than 300 rows) is refused by the Worker with a
      // 422 too; the site has the table's HTML, CSV and JSON, and no image file.
      if (error instanceof RenderError && error.kind === 'too-large') continue;
      throw new Error(`${sitePath(site)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const target = join(job.reportDir, file.path);
    const dir = dirname(target);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    await writeFile(target, file.body);
    files.push(fileRecord(file.path, file.body, file.contentType));
  }
  await writeFile(join(job.reportDir, PAYLOAD_FILE), job.input);
  files.push(fileRecord(PAYLOAD_FILE, job.input, JSON_TYPE));

  const written = new Set(files.map((f) => f.path));
  for (const stale of job.previousFiles) {
    // Only output addresses: a hand-edited manifest must not be able to delete anything else.
    if (!written.has(stale) && (parseOutputPath(stale) || parseVariantFilePath(stale))) await unlink(join(job.reportDir, stale)).catch(() => undefined);
  }
  return { files, ms: performance.now() - started };
}

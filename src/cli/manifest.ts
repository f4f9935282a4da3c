/**
 * <out>/manifest.json: what a render run wrote, with a SHA-256 per file. It has no timestamps, so
 * the same payloads and options give the same manifest (CI can diff it), and it is what lets the
 * next run skip reports whose outputs are already there and intact.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../audit';
import type { SchemaProblem } from '../audit/check-report';
import type { RenderOptions } from './render-options';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

export interface FileRecord {
  /** Relative to the report's folder (the same address as under /v1/reports/{id}/), or to <out> for index.html. */
  path: string;
  bytes: number;
  sha256: string;
  contentType: string;
}

export interface ReportRecord {
  /** `${meta.slug}-${meta.fiscalYear}`: the report's folder under <out>. */
  alias: string;
  /** Content id, as POST /v1/reports would assign. */
  id: string;
  /** The payload file, relative to the working directory of the run. */
  source: string;
  warnings: number;
  files: FileRecord[];
  /** Outputs not written (images over the work bounds) and why, in Chinese; absent when none. */
  skipped?: SkippedFile[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export type ErrorKind = 'unreadable' | 'json' | 'schema' | 'audit' | 'duplicate-alias' | 'render';

export interface ErrorRecord {
  source: string;
  kind: ErrorKind;
  message: string;
  alias?: string;
  /** Schema errors (kind "schema"). */
  problems?: SchemaProblem[];
  /** Every finding, errors and warnings (kind "audit"). */
  findings?: Finding[];
}

export interface Manifest {
  manifestVersion: number;
  rendererVersion: string;
  options: { formats: RenderOptions['formats']; params: RenderOptions['params'] };
  index: FileRecord;
  reports: ReportRecord[];
  errors: ErrorRecord[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fileRecord(path: string, body: Uint8Array, contentType: string): FileRecord {
  return { path, bytes: body.byteLength, sha256: sha256(body), contentType };
}

/** The previous run's manifest, or null when there is none or it cannot be trusted. */
export async function readManifest(outDir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(join(outDir, MANIFEST_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const manifest = JSON.parse(text) as Manifest;
    if (manifest?.manifestVersion !== MANIFEST_VERSION || !Array.isArray(manifest.reports)) return null;
    return manifest;
  } catch {
    return null;
  }
}

/** Same renderer, same options: only then can a previous report's files be reused. */
export function sameRun(previous: Manifest, rendererVersion: string, options: RenderOptions): boolean {
  return (
    previous.rendererVersion === rendererVersion &&
    JSON.stringify(previous.options) === JSON.stringify({ formats: options.formats, params: options.params })
  );
}

/**
 * True when every file the previous run recorded for this report is still on disk with the
 * recorded hash: a hand-edited or deleted output makes the report render again.
 */
export async function filesIntact(reportDir: string, files: FileRecord[]): Promise<boolean> {
  for (const file of files) {
    try {
      const body = await readFile(join(reportDir, file.path));
      if (body.byteLength !== file.bytes || sha256(body) !== file.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Two-space JSON with a final newline: stable bytes for the same content. */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

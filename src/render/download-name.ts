/**
 * The name a downloaded output is saved under (formats the registry marks `attachment`): the
 * table's title as the set prints it, with its label and the department, so a folder of downloads
 * reads like the published document; and an ASCII name for clients that cannot take the other.
 */
import type { Model } from '../model/derive';
import { buildTable } from './table/grid';
import { documentTitle } from './html/document';
import { outputPath } from './output-path';
import type { DownloadName, OutputSpec } from './types';

/** Characters no file system takes in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * Characters of a readable name before its extension: file systems take 255 bytes (85 CJK
 * characters in UTF-8), and the header with it must fit the render cache's 1 KiB of metadata.
 */
const MAX_NAME = 60;

function safe(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** `lead` (the department, which may be long) is cut so that `rest` (title and label) survives. */
function readable(lead: string, rest: string, format: string): string {
  const tail = [...safe(rest)];
  const room = Math.max(0, MAX_NAME - tail.length - 1);
  const head = [...safe(lead)].slice(0, room).join('').trim();
  const name = [...(head ? `${head} ${tail.join('')}` : tail.join(''))].slice(0, MAX_NAME).join('').trim();
  return `${name}.${format}`;
}

/**
 * @example downloadName(model, { kind: 'table', id: '05', format: 'xlsx' })
 * // { name: "武汉市江汉区城市运行管理中心 2024 年度一般公共预算财政拨款支出决算表（公开05表）.xlsx", ascii: "wuhan-jianghan-cyzx-2024-table-05.xlsx" }
 */
export function downloadName(model: Model, spec: OutputSpec): DownloadName {
  const { meta } = model.payload;
  const base = `${meta.slug}-${meta.fiscalYear}`;
  if (spec.kind === 'table') {
    const table = buildTable(model, spec.id);
    const label = table.label ? `（${table.label}）` : '';
    return { name: readable(meta.department, `${table.title}${label}`, spec.format), ascii: `${base}-table-${spec.id}.${spec.format}` };
  }
  const ascii = `${base}-${outputPath(spec).replace(/\//g, '-')}`;
  return { name: readable('', documentTitle(model), spec.format), ascii };
}

/**
 * Content-Disposition for a download: the ASCII name, and the readable one as RFC 8187's
 * filename*=UTF-8''… (percent-encoded; every browser in use reads it).
 * @example contentDisposition({ name: '公开05表.xlsx', ascii: 'x-table-05.xlsx' }) // "attachment; filename=\"x-table-05.xlsx\"; filename*=UTF-8''%E5%85%AC%E5%BC%8005%E8%A1%A8.xlsx"
 */
export function contentDisposition(name: DownloadName): string {
  const ascii = name.ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name.name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

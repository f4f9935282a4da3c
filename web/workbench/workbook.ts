/**
 * The workbook reader, loaded only when a workbook is dropped: its own chunk, since the
 * spreadsheet library, the schema and the template sets are most of the bundle. It is the same
 * import as `juesuan import` (src/ingest).
 */
import { importWorkbook, type WorkbookImport } from '../../src/ingest/index';

export type { WorkbookImport };

export function readWorkbook(data: Uint8Array): WorkbookImport {
  return importWorkbook(data);
}

/**
 * The workbook reader, loaded only when a workbook is dropped (its own chunk: the spreadsheet
 * library is most of the bundle's size).
 */
export interface WorkbookImport {
  payload: unknown;
  sheets: { name: string; table: string | null }[];
  unplaced: { sheet: string; cell: string; reason: string }[];
  missing: { path: string; reason: string }[];
  sources: Record<string, { sheet: string; cell: string }>;
}

export function readWorkbook(_data: Uint8Array): WorkbookImport {
  throw new Error('本服务暂未提供工作簿导入');
}

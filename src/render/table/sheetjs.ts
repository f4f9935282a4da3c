/**
 * SheetJS (@e965/xlsx, the npm republication of SheetJS CE 0.20.3) as the renderers use it: the
 * "mini" build, which writes .xlsx and carries the zip container (CFB) but none of the legacy
 * readers — about 86 KB gzipped in the Worker instead of 160 KB (core) or 330 KB (full).
 *
 * The mini build is a CommonJS script: its default export is the library in Node and in the
 * Worker bundle alike; the package's own type declarations describe it.
 */
import type * as SheetJS from '@e965/xlsx';
// The types are the package's ES module declarations; at run time the default export is module.exports.
import mini from '@e965/xlsx/dist/xlsx.mini.min.js';

export const XLSX = mini as typeof SheetJS;
export type { CellObject, Range, WorkSheet, WorkBook, ColInfo, RowInfo } from '@e965/xlsx';

/** Small payloads for the HTML renderer tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Payload, type PayloadInput } from '../../../src/schema/payload';
import { deriveModel, type Model } from '../../../src/model/derive';

/** Found from this file, not the working directory: the tests run (and never skip) from anywhere. */
export const EXAMPLE_PATH = fileURLToPath(new URL('../../../examples/wuhan-jianghan-cyzx-2024.json', import.meta.url));

/** The reference publication transcribed as a payload (written by the examples engineer). */
export function exampleModel(): Model {
  return deriveModel(Payload.parse(JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'))));
}

/** A small but complete payload: one 项 line, basic spending only. */
export function smallPayload(): PayloadInput {
  return {
    schemaVersion: 1,
    meta: { department: '测试局', slug: 'test-bureau', fiscalYear: 2024, publishedOn: '2025-10-31', contactPhone: '027-12345678' },
    overview: { duties: ['1、负责测试。', '负责验收。'] },
    tables: {
      income: { rows: [{ code: '2010301', name: '行政运行', total: '100.00', fiscal: '100.00' }] },
      expense: { rows: [{ code: '2010301', name: '行政运行', total: '100.00', basic: '100.00' }] },
      gpbExpense: { rows: [{ code: '2010301', name: '行政运行', total: '100.00', basic: '100.00' }] },
      basicExpenseDetail: { items: { '30101': '60.00', '30201': '40.00' } },
    },
  };
}

export function modelOf(input: PayloadInput): Model {
  return deriveModel(Payload.parse(input));
}

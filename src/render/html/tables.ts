import type { Model } from '../../model/derive';
import type { RenderContext } from '../output';
// Placeholder until the HTML renderer lands (being written now).
export function renderTableHtml(_model: Model, _id: string, _ctx: RenderContext): string {
  throw new Error('pending: table renderer');
}
export function renderTableCsv(_model: Model, _id: string): string {
  throw new Error('pending: table renderer');
}
export function renderTableJson(_model: Model, _id: string): string {
  throw new Error('pending: table renderer');
}

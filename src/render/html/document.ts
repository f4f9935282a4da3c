import type { Model } from '../../model/derive';
import type { RenderContext } from '../output';
// Placeholder until the HTML renderer lands (being written now).
export function renderDocumentHtml(_model: Model, _ctx: RenderContext): string {
  throw new Error('pending: document renderer');
}

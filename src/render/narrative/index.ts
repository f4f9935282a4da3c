import type { Model } from '../../model/derive';
import type { RenderContext } from '../output';
// Placeholder until the narrative renderer lands (being written now).
export function renderNarrativeHtml(_model: Model, _ctx: RenderContext): string {
  throw new Error('pending: narrative renderer');
}
export function renderGlossaryHtml(_model: Model, _ctx: RenderContext): string {
  throw new Error('pending: glossary renderer');
}

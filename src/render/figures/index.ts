import type { Model } from '../../model/derive';
import type { FigureFormat, RenderedOutput, RenderParams } from '../output';
// Placeholder until the figure renderer lands (being written now).
export interface FigureRuntime {
  /** Loads a font file by name (served as a static asset in the Worker, read from disk in Node). */
  loadFont(name: string): Promise<ArrayBuffer>;
}
export function figureIds(_model: Model): string[] {
  return [];
}
export async function renderFigure(_m: Model, _id: string, _f: FigureFormat, _p: RenderParams, _r: FigureRuntime): Promise<RenderedOutput> {
  throw new Error('pending: figure renderer');
}
export async function renderTableImage(_m: Model, _id: string, _f: 'png' | 'svg', _p: RenderParams, _r: FigureRuntime): Promise<RenderedOutput> {
  throw new Error('pending: figure renderer');
}

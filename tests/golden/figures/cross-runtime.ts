/** The renders whose hashes must agree between Node and workerd (see hashes.ts). */
import type { Model } from '../../../src/model/derive';
import { DEFAULT_PARAMS } from '../../../src/render/output';
import { renderFigure, renderTableImage, type FigureRuntime } from '../../../src/render/figures';

export const CROSS_RUNTIME_RENDERS: Record<string, (model: Model, runtime: FigureRuntime) => Promise<{ body: string | Uint8Array }>> = {
  'figure 2 png': (model, runtime) => renderFigure(model, '2', 'png', DEFAULT_PARAMS, runtime),
  'figure 7 svg': (model, runtime) => renderFigure(model, '7', 'svg', DEFAULT_PARAMS, runtime),
  'table 01 png': (model, runtime) => renderTableImage(model, '01', 'png', DEFAULT_PARAMS, runtime),
};

/** SHA-256 in hex with Web Crypto, which Node and workerd both have. */
export async function sha256(body: string | Uint8Array): Promise<string> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

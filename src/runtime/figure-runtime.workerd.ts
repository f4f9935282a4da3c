/**
 * The figure runtime inside workerd. Wasm must arrive as modules compiled by the bundler: the
 * runtime refuses to compile wasm from bytes at request time ("Wasm code generation disallowed by
 * embedder"). Fonts are static assets (public/fonts, served through env.ASSETS), never bundled:
 * they would take the script past the 3 MiB gzip limit.
 */
import resvg from '@resvg/resvg-wasm/index_bg.wasm';
import hbSubset from 'harfbuzzjs/dist/harfbuzz-subset.wasm';
import type { FigureRuntime, WasmName } from '../render/figures';

const WASM: Record<WasmName, WebAssembly.Module> = { resvg, 'hb-subset': hbSubset };

/** Font bytes per isolate: read once, and the same ArrayBuffer every time after (parsed fonts are cached by identity). */
const fonts = new Map<string, Promise<ArrayBuffer>>();
let assets: Fetcher | undefined;
let runtime: FigureRuntime | undefined;

/** The asset server ignores the host; any absolute URL will do. */
const ASSET_ORIGIN = 'https://assets.invalid';

async function fetchFont(file: string): Promise<ArrayBuffer> {
  if (!assets) throw new Error('figure runtime used before createWorkerdRuntime(env)');
  const response = await assets.fetch(`${ASSET_ORIGIN}/fonts/${file}`);
  if (!response.ok) {
    throw new Error(`font asset /fonts/${file} answered ${response.status}: run scripts/prepare-assets.mjs before deploying`);
  }
  return response.arrayBuffer();
}

/**
 * The runtime for this isolate. Cheap to call per request: it returns the same object, so wasm,
 * fonts and their parsed glyph outlines stay warm across requests.
 * @example const runtime = createWorkerdRuntime(c.env); await renderFigure(model, id, 'png', params, runtime)
 */
export function createWorkerdRuntime(env: { ASSETS: Fetcher }): FigureRuntime {
  assets = env.ASSETS;
  runtime ??= {
    name: 'workerd',
    loadWasm: async (name) => WASM[name],
    loadFont(file) {
      let data = fonts.get(file);
      if (!data) {
        data = fetchFont(file);
        fonts.set(file, data);
        data.catch(() => fonts.delete(file));
      }
      return data;
    },
  };
  return runtime;
}

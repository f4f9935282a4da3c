/**
 * The figure runtime for Node (CLI, unit and golden tests): wasm compiled from the files in
 * node_modules, fonts read from public/fonts — or, before `scripts/prepare-assets.mjs` has run,
 * straight from the font packages in node_modules (the same files, see templates/figures/fonts.json).
 */
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontManifest from '../../templates/figures/fonts.json';
import type { FigureRuntime, WasmName } from '../render/figures';

const WASM_FILES: Record<WasmName, string> = {
  resvg: '@resvg/resvg-wasm/index_bg.wasm',
  'hb-subset': 'harfbuzzjs/dist/harfbuzz-subset.wasm',
};

const FONT_SOURCES = new Map<string, string>(
  (['compact', 'full'] as const).flatMap((group) =>
    Object.values(fontManifest[group]).map((entry) => [entry.file, entry.source] as [string, string]),
  ),
);

// The project's types are workerd's, whose WebAssembly has no compile(); Node's does.
const compile = (WebAssembly as unknown as { compile(bytes: ArrayBuffer): Promise<WebAssembly.Module> }).compile;

const DEFAULT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Per project root: the same file is read once and the same ArrayBuffer handed out after. */
const runtimes = new Map<string, FigureRuntime>();

/**
 * Builds (or returns the existing) runtime for a project root.
 * @example const runtime = createNodeRuntime(); await renderFigure(model, '1', 'png', params, runtime)
 */
export function createNodeRuntime(rootDir: string = DEFAULT_ROOT): FigureRuntime {
  const existing = runtimes.get(rootDir);
  if (existing) return existing;
  const require = createRequire(join(rootDir, 'package.json'));
  const wasm = new Map<WasmName, Promise<WebAssembly.Module>>();
  const fonts = new Map<string, Promise<ArrayBuffer>>();
  const read = async (path: string): Promise<ArrayBuffer> => {
    const bytes = await readFile(path);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
  const runtime: FigureRuntime = {
    name: 'node',
    // zlib's default level, as CompressionStream uses: the same bytes as in workerd, without a stream.
    deflate: async (data) => deflateSync(data),
    loadWasm(name) {
      let module = wasm.get(name);
      if (!module) {
        module = read(require.resolve(WASM_FILES[name])).then((bytes) => compile(bytes));
        wasm.set(name, module);
        module.catch(() => wasm.delete(name));
      }
      return module;
    },
    loadFont(file) {
      let data = fonts.get(file);
      if (!data) {
        const source = FONT_SOURCES.get(file);
        if (!source) return Promise.reject(new Error(`unknown font file ${file}`));
        const prepared = join(rootDir, 'public/fonts', file);
        data = read(existsSync(prepared) ? prepared : require.resolve(source));
        fonts.set(file, data);
        data.catch(() => fonts.delete(file));
      }
      return data;
    },
  };
  runtimes.set(rootDir, runtime);
  return runtime;
}

/**
 * The seam between the pure figure renderer and the runtime it runs in. A FigureRuntime only
 * *supplies* things — compiled wasm modules and font bytes — and src/runtime/ has the two
 * implementations (workerd: wasm imported as modules, fonts from env.ASSETS; Node: wasm compiled
 * from node_modules, fonts from public/fonts). Everything else, including the once-per-isolate
 * initialisation, lives here.
 */
import { initWasm as initResvg } from '@resvg/resvg-wasm';
import fontManifest from '../../../templates/figures/fonts.json';
import { FontSubsetter } from './hb-subset';
import type { Deflate } from './png';
import { readFontFacts, type FontFacts } from './sfnt';

export type WasmName = 'resvg' | 'hb-subset';

export interface FigureRuntime {
  /** A short name for logs and timings ("workerd", "node"). */
  readonly name: string;
  /**
   * A compiled wasm module: resvg, or HarfBuzz's subsetter. workerd forbids
   * compiling wasm from bytes at request time, hence modules rather than bytes.
   */
  loadWasm(name: WasmName): Promise<WebAssembly.Module>;
  /**
   * The bytes of a font file of public/fonts (see templates/figures/fonts.json). Must return the
   * same ArrayBuffer for the same name: the renderer caches parsed fonts and glyph outlines by identity.
   */
  loadFont(file: string): Promise<ArrayBuffer>;
  /**
   * zlib-format deflate at zlib's default level, for PNG encoding; the Compression Streams API
   * when absent. Must give the same bytes in every runtime (the cross-runtime hashes check it).
   */
  deflate?: Deflate;
}

export type Weight = 400 | 700;
export const WEIGHTS: readonly Weight[] = [400, 700];

export interface LoadedFont {
  data: ArrayBuffer;
  facts: FontFacts;
}

export const FAMILY = 'Noto Sans SC';
export const FALLBACK_FAMILY = 'Noto Sans SC Full';

export type FontEntry = { name: string; data: ArrayBuffer; weight: Weight };

/** The compact fonts, read once, and the font list that goes with them. */
export interface FontSet {
  compact: Record<Weight, LoadedFont>;
  /** The compact fonts as a font list, first choice per weight. */
  fonts: FontEntry[];
}

let engine: Promise<void> | undefined;
const fontSets = new WeakMap<FigureRuntime, Promise<FontSet>>();
const fullFonts = new WeakMap<FigureRuntime, Map<Weight, Promise<LoadedFont>>>();
let subsetter: Promise<FontSubsetter> | undefined;

/** Retries after a failure instead of caching the rejection for the life of the isolate. */
function once<T>(get: () => Promise<T> | undefined, set: (p: Promise<T> | undefined) => void, make: () => Promise<T>): Promise<T> {
  let promise = get();
  if (!promise) {
    promise = make();
    set(promise);
    promise.catch(() => set(undefined));
  }
  return promise;
}

/** resvg, initialised once per isolate (it keeps module-level state). */
export function initEngine(runtime: FigureRuntime): Promise<void> {
  return once(
    () => engine,
    (p) => (engine = p),
    async () => {
      await initResvg(await runtime.loadWasm('resvg'));
    },
  );
}

async function loadFont(runtime: FigureRuntime, file: string): Promise<LoadedFont> {
  const data = await runtime.loadFont(file);
  return { data, facts: await factsOf(data) };
}

const factsCache = new WeakMap<ArrayBuffer, Promise<FontFacts>>();
function factsOf(data: ArrayBuffer): Promise<FontFacts> {
  let facts = factsCache.get(data);
  if (!facts) {
    facts = readFontFacts(data);
    factsCache.set(data, facts);
  }
  return facts;
}

/** The compact Noto Sans SC (regular and bold), loaded and parsed once per runtime. */
export function compactFonts(runtime: FigureRuntime): Promise<FontSet> {
  return once(
    () => fontSets.get(runtime),
    (p) => (p ? fontSets.set(runtime, p) : fontSets.delete(runtime)),
    async () => {
      const [regular, bold] = await Promise.all(
        WEIGHTS.map((w) => loadFont(runtime, fontManifest.compact[w].file)),
      );
      const compact = { 400: regular, 700: bold } as Record<Weight, LoadedFont>;
      const fonts = WEIGHTS.map((weight) => ({
        name: FAMILY,
        data: compact[weight].data,
        weight,
      }));
      return { compact, fonts };
    },
  );
}

/**
 * A full 10 MB font: loaded only when a figure needs a character the compact one lacks, and only
 * in the weight that needs it (rare characters are mostly in department and subject names, drawn
 * regular).
 */
export function fullFont(runtime: FigureRuntime, weight: Weight): Promise<LoadedFont> {
  let perWeight = fullFonts.get(runtime);
  if (!perWeight) {
    perWeight = new Map();
    fullFonts.set(runtime, perWeight);
  }
  const cache = perWeight;
  return once(
    () => cache.get(weight),
    (p) => (p ? cache.set(weight, p) : cache.delete(weight)),
    () => loadFont(runtime, fontManifest.full[weight].file),
  );
}

export function fontSubsetter(runtime: FigureRuntime): Promise<FontSubsetter> {
  return once(
    () => subsetter,
    (p) => (subsetter = p),
    async () => FontSubsetter.create(await runtime.loadWasm('hb-subset')),
  );
}


/**
 * A minimal reader for the few OpenType tables the figure renderer needs besides glyph outlines:
 * `cmap` (which characters a font covers, to decide when to fall back to the full font) and
 * `head`/`hhea`/`hmtx` (advance widths, to lay labels out without overlaps).
 *
 * Reads plain sfnt (TTF/OTF) and WOFF 1.0. WOFF tables are zlib streams; they are inflated with
 * DecompressionStream, which Node and workerd both provide, so this file stays runtime-free.
 */

export interface FontFacts {
  unitsPerEm: number;
  /** Code point → glyph id, for every character the font maps. */
  glyphOf: Map<number, number>;
  /** Advance width in font units, by glyph id (the last one repeats, as hmtx specifies). */
  advances: Uint16Array;
}

const WOFF = 0x774f4646; // 'wOFF'
const WOFF2 = 0x774f4632; // 'wOF2'
const SFNT_TAGS = new Set([0x00010000, 0x4f54544f /* OTTO */, 0x74727565 /* true */]);

function tagOf(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Returns the named tables of a TTF/OTF/WOFF font (missing tables are absent from the map).
 * @example const tables = await readTables(bytes, ['cmap']); tables.get('cmap')
 */
export async function readTables(font: ArrayBuffer, tags: readonly string[]): Promise<Map<string, Uint8Array>> {
  const view = new DataView(font);
  const signature = view.getUint32(0);
  const wanted = new Set(tags);
  const out = new Map<string, Uint8Array>();
  if (signature === WOFF) {
    const numTables = view.getUint16(12);
    for (let i = 0; i < numTables; i++) {
      const entry = 44 + i * 20;
      const tag = tagOf(view, entry);
      if (!wanted.has(tag)) continue;
      const offset = view.getUint32(entry + 4);
      const compLength = view.getUint32(entry + 8);
      const origLength = view.getUint32(entry + 12);
      const raw = new Uint8Array(font, offset, compLength);
      out.set(tag, compLength < origLength ? await inflate(raw) : raw.slice());
    }
    return out;
  }
  if (signature === WOFF2) throw new Error('WOFF2 fonts are not supported (opentype.js cannot read them either)');
  if (!SFNT_TAGS.has(signature)) throw new Error('not an OpenType font');
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const entry = 12 + i * 16;
    const tag = tagOf(view, entry);
    if (!wanted.has(tag)) continue;
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    out.set(tag, new Uint8Array(font, offset, length));
  }
  return out;
}

/** Parses a cmap table: the best Unicode subtable (format 12 if present, else format 4). */
export function parseCmap(table: Uint8Array): Map<number, number> {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = view.getUint16(2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(4 + i * 8);
    const encoding = view.getUint16(6 + i * 8);
    const offset = view.getUint32(8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(offset);
    if (format === 12 && format12 < 0) format12 = offset;
    if (format === 4 && format4 < 0) format4 = offset;
  }
  const map = new Map<number, number>();
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const base = format12 + 16 + g * 12;
      const start = view.getUint32(base);
      const end = view.getUint32(base + 4);
      const glyph = view.getUint32(base + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + (cp - start));
    }
    return map;
  }
  if (format4 >= 0) {
    const segCountX2 = view.getUint16(format4 + 6);
    const segCount = segCountX2 / 2;
    const endCodes = format4 + 14;
    const startCodes = endCodes + segCountX2 + 2;
    const deltas = startCodes + segCountX2;
    const rangeOffsets = deltas + segCountX2;
    for (let s = 0; s < segCount; s++) {
      const end = view.getUint16(endCodes + s * 2);
      const start = view.getUint16(startCodes + s * 2);
      const delta = view.getInt16(deltas + s * 2);
      const rangeOffset = view.getUint16(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (rangeOffset === 0) {
          glyph = (cp + delta) & 0xffff;
        } else {
          const at = rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2;
          glyph = view.getUint16(at);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) map.set(cp, glyph);
      }
    }
  }
  return map;
}

/**
 * Reads what the renderer needs to know about a font before drawing with it.
 * @example const facts = await readFontFacts(woffBytes); facts.glyphOf.has(0x4e2d) // true: 中
 */
export async function readFontFacts(font: ArrayBuffer): Promise<FontFacts> {
  const tables = await readTables(font, ['cmap', 'head', 'hhea', 'hmtx']);
  const cmap = tables.get('cmap');
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (!cmap || !head || !hhea || !hmtx) throw new Error('font lacks cmap/head/hhea/hmtx');
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const hheaView = new DataView(hhea.buffer, hhea.byteOffset, hhea.byteLength);
  const hmtxView = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
  const numberOfHMetrics = hheaView.getUint16(34);
  const advances = new Uint16Array(numberOfHMetrics);
  for (let i = 0; i < numberOfHMetrics; i++) advances[i] = hmtxView.getUint16(i * 4);
  return { unitsPerEm: headView.getUint16(18), glyphOf: parseCmap(cmap), advances };
}

/** Advance width of one code point in em, or undefined when the font does not map it. */
export function advanceEm(facts: FontFacts, codePoint: number): number | undefined {
  const glyph = facts.glyphOf.get(codePoint);
  if (glyph === undefined) return undefined;
  const advance = facts.advances[Math.min(glyph, facts.advances.length - 1)];
  return advance / facts.unitsPerEm;
}

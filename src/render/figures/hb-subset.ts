/**
 * HarfBuzz's subsetter (harfbuzzjs/dist/harfbuzz-subset.wasm, a reactor module with no imports),
 * used to cut the 10 MB full Noto Sans SC down to the handful of rare characters a figure needs.
 *
 * The wasm arrives as a compiled WebAssembly.Module: workerd forbids compiling wasm from bytes at
 * request time, so the runtime files import or compile it and hand the module in.
 */

interface SubsetExports {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, lengthOut: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
// Hinting is useless for outlines that end up as SVG paths, and dropping it shrinks the subset.
const HB_SUBSET_FLAGS_NO_HINTING = 1;

export class FontSubsetter {
  readonly #hb: SubsetExports;
  /** One HarfBuzz face per font buffer: the 10 MB copy into wasm memory happens once per isolate. */
  readonly #faces = new WeakMap<ArrayBuffer, number>();

  private constructor(hb: SubsetExports) {
    this.#hb = hb;
  }

  /** Instantiates the subsetter from an already compiled module. */
  static async create(module: WebAssembly.Module): Promise<FontSubsetter> {
    const instance = await WebAssembly.instantiate(module, {});
    const hb = instance.exports as unknown as SubsetExports;
    hb._initialize?.();
    return new FontSubsetter(hb);
  }

  #face(font: ArrayBuffer): number {
    const cached = this.#faces.get(font);
    if (cached !== undefined) return cached;
    const hb = this.#hb;
    const pointer = hb.malloc(font.byteLength);
    if (!pointer) throw new Error('font subsetter: out of memory');
    new Uint8Array(hb.memory.buffer, pointer, font.byteLength).set(new Uint8Array(font));
    // The face keeps pointing into that memory for the life of the isolate, so it is never freed.
    const blob = hb.hb_blob_create(pointer, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    this.#faces.set(font, face);
    return face;
  }

  /**
   * Returns a TTF holding only the given code points (plus .notdef).
   * @example subsetter.subset(fullTtf, [0x2c317, 0x79a4]) // a few KB
   */
  subset(font: ArrayBuffer, codePoints: Iterable<number>): ArrayBuffer {
    const hb = this.#hb;
    const face = this.#face(font);
    const input = hb.hb_subset_input_create_or_fail();
    if (!input) throw new Error('font subsetter: cannot create input');
    try {
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
      hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
      const subsetFace = hb.hb_subset_or_fail(face, input);
      if (!subsetFace) throw new Error('font subsetter: subsetting failed');
      const blob = hb.hb_face_reference_blob(subsetFace);
      try {
        const data = hb.hb_blob_get_data(blob, 0);
        const length = hb.hb_blob_get_length(blob);
        if (!data || !length) throw new Error('font subsetter: empty result');
        return hb.memory.buffer.slice(data, data + length);
      } finally {
        hb.hb_blob_destroy(blob);
        hb.hb_face_destroy(subsetFace);
      }
    } finally {
      hb.hb_subset_input_destroy(input);
    }
  }
}

/**
 * A small PNG decoder for the tests (8-bit greyscale/RGB/RGBA/indexed, non-interlaced — what
 * resvg and src/render/figures/png.ts write), and a tolerant pixel comparison for golden images.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(data: Uint8Array): Image {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette: Uint8Array | null = null;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const body = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      colorType = body[9];
      if (bitDepth !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
    } else if (type === 'PLTE') {
      palette = new Uint8Array(body);
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  if (!channels) throw new Error(`unsupported colour type ${colorType}`);
  if (colorType === 3 && !palette) throw new Error('indexed PNG without PLTE');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? line[i - channels] : 0;
      const up = previous[i];
      const upLeft = i >= channels ? previous[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      line[i] = (line[i] + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const s = x * channels;
      const d = (y * width + x) * 4;
      if (colorType === 3) {
        const entry = line[s] * 3;
        if (entry + 2 >= palette!.length) throw new Error(`palette index ${line[s]} out of range`);
        out[d] = palette![entry];
        out[d + 1] = palette![entry + 1];
        out[d + 2] = palette![entry + 2];
        out[d + 3] = 255;
      } else if (channels === 1 || channels === 2) {
        out[d] = out[d + 1] = out[d + 2] = line[s];
        out[d + 3] = channels === 2 ? line[s + 1] : 255;
      } else {
        out[d] = line[s];
        out[d + 1] = line[s + 1];
        out[d + 2] = line[s + 2];
        out[d + 3] = channels === 4 ? line[s + 3] : 255;
      }
    }
    previous = line;
  }
  return { width, height, pixels: out };
}

export interface Difference {
  sameSize: boolean;
  /** Pixels whose largest channel difference exceeds the per-pixel tolerance. */
  differing: number;
  fraction: number;
  maxDelta: number;
}

/**
 * Compares two images channel by channel; a pixel differs when any channel differs by more than
 * `pixelTolerance` (anti-aliasing may shift by a few levels between resvg builds).
 */
export function compareImages(a: Image, b: Image, pixelTolerance = 24): Difference {
  if (a.width !== b.width || a.height !== b.height) {
    return { sameSize: false, differing: Infinity, fraction: 1, maxDelta: 255 };
  }
  let differing = 0;
  let maxDelta = 0;
  for (let i = 0; i < a.pixels.length; i += 4) {
    let delta = 0;
    for (let c = 0; c < 4; c++) delta = Math.max(delta, Math.abs(a.pixels[i + c] - b.pixels[i + c]));
    maxDelta = Math.max(maxDelta, delta);
    if (delta > pixelTolerance) differing++;
  }
  return { sameSize: true, differing, fraction: differing / (a.width * a.height), maxDelta };
}

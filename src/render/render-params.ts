/**
 * Query parameters of every render route, validated and normalised. Normalised parameters are
 * part of the cache key, so only the parameters that change an output are kept for it.
 */
import { z } from 'zod';
import { invalidParameter } from './errors';
import { LIMITS } from './figures/params';
import { acceptedParams, FORMATS } from './formats';
import { DEFAULT_PARAMS, type OutputSpec, type RenderParams } from './types';
import { NARROW_WIDTH } from './figures/charts';

const bool = z.enum(['1', '0', 'true', 'false', '']).transform((v) => v === '1' || v === 'true' || v === '');
const { minSize, maxSize, minScale, maxScale } = LIMITS;
const pixels = (label: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, `${label}必须是 ${minSize}–${maxSize} 之间的整数（像素）`)
    .transform(Number)
    .pipe(z.number().min(minSize, `${label}不能小于 ${minSize} 像素`).max(maxSize, `${label}不能大于 ${maxSize} 像素`));

const Query = z.strictObject({
  theme: z.enum(['auto', 'light', 'dark'], { error: 'theme 只能是 auto、light 或 dark' }).optional(),
  embed: bool.optional(),
  width: pixels('宽度 width ').optional(),
  height: pixels('高度 height ').optional(),
  scale: z
    .string()
    .regex(/^\d(\.\d{1,2})?$/, `scale 必须是 ${minScale}–${maxScale} 之间的数字（最多两位小数）`)
    .transform(Number)
    .pipe(z.number().min(minScale, `scale 不能小于 ${minScale}`).max(maxScale, `scale 不能大于 ${maxScale}`))
    .optional(),
  background: z.enum(['white', 'transparent'], { error: 'background 只能是 white 或 transparent' }).optional(),
  layout: z.enum(['wide', 'narrow'], { error: 'layout 只能是 wide（横版）或 narrow（竖版，适合手机）' }).optional(),
});

/** Which parameters matter for which output (the format registry's): everything else is rejected as nonsense. */
function allowedFor(spec: OutputSpec): readonly (keyof RenderParams)[] {
  return acceptedParams(spec.kind, spec.format);
}

/**
 * Parses the query string of a render request for the given output.
 * @example parseRenderParams(new URLSearchParams('width=1200&scale=2'), { kind: 'figure', id: '1', format: 'png' })
 */
export function parseRenderParams(search: URLSearchParams, spec: OutputSpec): RenderParams {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) {
    if (Object.hasOwn(raw, key)) throw invalidParameter(`参数 ${key} 重复出现。`, [{ path: key, message: '参数重复' }]);
    raw[key] = value;
  }
  const allowed = allowedFor(spec);
  const unexpected = Object.keys(raw).filter((k) => !(allowed as readonly string[]).includes(k));
  if (unexpected.length > 0) {
    throw invalidParameter(
      `此输出不接受参数：${unexpected.join('、')}。${allowed.length ? `可用参数：${allowed.join('、')}。` : '此输出没有可用参数。'}`,
      unexpected.map((k) => ({ path: k, message: '不支持的参数' })),
    );
  }
  const parsed = Query.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message }));
    throw invalidParameter(errors.map((e) => `${e.path}：${e.message}`).join('；'), errors);
  }
  // The narrow layout is drawn for a phone's column: without a width it is its own design width.
  const narrowWidth = parsed.data.layout === 'narrow' && parsed.data.width === undefined ? { width: NARROW_WIDTH } : {};
  return {
    ...DEFAULT_PARAMS,
    ...Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)),
    ...narrowWidth,
    fixedHeight: parsed.data.height !== undefined,
  };
}

/** The parameters that change this output, in a fixed order: part of cache keys and ETags. */
export function normalizedParams(params: RenderParams, spec: OutputSpec): string {
  const tableImage = spec.kind === 'table' && FORMATS[spec.format].image;
  return allowedFor(spec)
    .map((k) => (k === 'height' && tableImage && !params.fixedHeight ? 'height=auto' : `${k}=${params[k]}`))
    .join('&');
}

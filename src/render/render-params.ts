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
const { minSize, maxSize, minScale, maxScale, maxPixels } = LIMITS;
const pixels = (label: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, `${label}必须是 ${minSize}–${maxSize} 之间的整数（像素）`)
    .transform(Number)
    .pipe(z.number().int().min(minSize, `${label}不能小于 ${minSize} 像素`).max(maxSize, `${label}不能大于 ${maxSize} 像素`));

/**
 * Every query parameter of the render routes. The descriptions and defaults are what
 * GET /v1/openapi.json tells clients (src/http/openapi.ts reads this schema, field by field, for
 * the parameters the format registry gives each output).
 */
export const RenderQuery = z.strictObject({
  theme: z
    .enum(['auto', 'light', 'dark'], { error: 'theme 只能是 auto、light 或 dark' })
    .optional()
    .meta({ description: '配色：auto 跟随读者系统（嵌入时为 light），light 浅色，dark 深色', default: DEFAULT_PARAMS.theme }),
  embed: bool
    .optional()
    .meta({ description: '1 或 true：嵌入门户页面用，去掉页面框架，并向父窗口报告高度（Datawrapper / AMP 消息）', default: '0' }),
  width: pixels('宽度 width ')
    .optional()
    .meta({
      // No `default` for the document: it depends on the output (a narrow figure is NARROW_WIDTH wide).
      description: `图像宽度（CSS 像素，${minSize}–${maxSize}）；不给时 ${DEFAULT_PARAMS.width}，竖版图（layout=narrow）${NARROW_WIDTH}`,
    }),
  height: pixels('高度 height ')
    .optional()
    .meta({ description: `图像高度（CSS 像素，${minSize}–${maxSize}）；不给时图为 ${DEFAULT_PARAMS.height}，表格和竖版图随内容` }),
  scale: z
    .string()
    .regex(/^\d(\.\d{1,2})?$/, `scale 必须是 ${minScale}–${maxScale} 之间的数字（最多两位小数）`)
    .transform(Number)
    .pipe(z.number().min(minScale, `scale 不能小于 ${minScale}`).max(maxScale, `scale 不能大于 ${maxScale}`))
    .optional()
    .meta({
      description: `设备像素比（${minScale}–${maxScale}，最多两位小数），印刷用 PNG 取 3 或 4；输出像素总数不超过 ${maxPixels.toLocaleString('en-US')}`,
      default: DEFAULT_PARAMS.scale,
    }),
  background: z
    .enum(['white', 'transparent'], { error: 'background 只能是 white 或 transparent' })
    .optional()
    .meta({ description: '背景：white 白色，transparent 透明', default: DEFAULT_PARAMS.background }),
  layout: z
    .enum(['wide', 'narrow'], { error: 'layout 只能是 wide（横版）或 narrow（竖版，适合手机）' })
    .optional()
    .meta({ description: `wide 横版；narrow 竖版（手机，设计宽度 ${NARROW_WIDTH} 像素，高度随内容）`, default: DEFAULT_PARAMS.layout }),
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
  const parsed = RenderQuery.safeParse(raw);
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

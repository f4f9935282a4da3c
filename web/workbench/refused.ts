/**
 * Which images of a published report the embed view may offer: the Worker refuses some outputs
 * (422: table images over the image work bounds) and lists them, with the reason in Chinese, in
 * GET /v1/reports/{ref}/outputs.json (`refused`, as in the publish answer's urls).
 */

export interface Refusal {
  /** Output path relative to the report, e.g. "tables/05.png". */
  path: string;
  reason: string;
}

export type ImageFormat = 'png' | 'svg';

export interface ImageOffer {
  /** The image formats the Worker serves for this table or figure. */
  formats: ImageFormat[];
  /** Why the others are not offered (the Worker's reasons, each once), empty when all are. */
  reasons: string[];
}

/**
 * The image formats offered for one table or figure, and why the others are not.
 * @example imageOffer([{ path: 'tables/05.png', reason: 'r' }, { path: 'tables/05.svg', reason: 'r' }], 'table', '05') // { formats: [], reasons: ['r'] }
 */
export function imageOffer(refused: readonly Refusal[], kind: 'table' | 'figure', id: string): ImageOffer {
  const folder = kind === 'table' ? 'tables' : 'figures';
  const formats: ImageFormat[] = [];
  const reasons: string[] = [];
  for (const format of ['png', 'svg'] as const) {
    const refusal = refused.find((r) => r.path === `${folder}/${id}.${format}`);
    if (!refusal) formats.push(format);
    else if (!reasons.includes(refusal.reason)) reasons.push(refusal.reason);
  }
  return { formats, reasons };
}

/** The `refused` list of an outputs.json answer; anything else (an older Worker) is read as nothing refused. */
export function refusalsOf(answer: unknown): Refusal[] {
  const list = (answer as { refused?: unknown } | null)?.refused;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is Refusal => typeof r?.path === 'string' && typeof r?.reason === 'string');
}

/**
 * What the embed view says about images it does not offer, in Chinese; null when all are offered.
 * @example refusalNote('table', { formats: [], reasons: ['公开05表有 410 行…'] }) // "这张表不提供图片（PNG、SVG）：公开05表有 410 行…"
 */
export function refusalNote(kind: 'table' | 'figure', offer: ImageOffer): string | null {
  if (!offer.reasons.length) return null;
  const what = kind === 'table' ? '表' : '图';
  const missing = (['png', 'svg'] as const).filter((f) => !offer.formats.includes(f)).map((f) => f.toUpperCase());
  return `这张${what}不提供${offer.formats.length ? ` ${missing.join('、')} ` : ''}图片${offer.formats.length ? '' : '（PNG、SVG）'}：${offer.reasons.join(' ')}`;
}

/**
 * Render options of the CLI, validated by the Worker's own query-string parser: `--width 100`
 * fails with the very sentence GET /v1/reports/…/figures/1.png?width=100 answers, and each output
 * gets exactly the parameters the Worker would accept for it.
 */
import { parseRenderParams, normalizedParams } from '../render/render-params';
import { RenderError } from '../render/errors';
import { ALL_FORMATS, type Format } from '../render/formats';
import { DEFAULT_PARAMS, type OutputSpec, type RenderParams } from '../render/output';
import { UsageError } from './io';

export { ALL_FORMATS };

/** The HTTP query parameters the CLI exposes as options, in the order they are written down. */
export const PARAM_OPTIONS = ['theme', 'width', 'height', 'scale', 'background'] as const;
export type ParamOption = (typeof PARAM_OPTIONS)[number];

export interface RenderOptions {
  /** Which file formats to write, in ALL_FORMATS order. */
  formats: Format[];
  /** The parameters as given (strings, like a query string); absent ones take the Worker's defaults. */
  query: Partial<Record<ParamOption, string>>;
  /** The parameters with defaults filled in: recorded in the manifest so a change re-renders. */
  params: Omit<RenderParams, 'embed'>;
}

/** An output that accepts every option: validating against it checks each value once. */
const ACCEPTS_ALL: OutputSpec = { kind: 'figure', id: '1', format: 'png' };

/**
 * Validates `--formats` and the parameter options. Throws UsageError with a message in Chinese
 * (the Worker's) and English.
 * @example renderOptions({ formats: 'html,png', scale: '2' }).formats // ['html', 'png']
 */
export function renderOptions(values: { formats?: string } & Partial<Record<ParamOption, string>>): RenderOptions {
  const formats = parseFormats(values.formats);
  const query: Partial<Record<ParamOption, string>> = {};
  for (const key of PARAM_OPTIONS) if (values[key] !== undefined) query[key] = values[key];
  let params: RenderParams;
  try {
    params = parseRenderParams(new URLSearchParams(query), ACCEPTS_ALL);
  } catch (error) {
    if (error instanceof RenderError) {
      const { detail } = error;
      throw new UsageError(`选项不正确：${detail.replace(/(^|；)(\w+)：/gu, '$1--$2：')}（invalid option value; see juesuan render --help）`);
    }
    throw error;
  }
  const { embed: _embed, ...rest } = params;
  return { formats, query, params: rest };
}

function parseFormats(text: string | undefined): Format[] {
  if (text === undefined) return [...ALL_FORMATS];
  const given = text
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = given.filter((f) => !(ALL_FORMATS as string[]).includes(f));
  if (given.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--formats 只能是 ${ALL_FORMATS.join(',')} 中的一个或多个，用逗号分隔${unknown.length ? `；不认识：${unknown.join('、')}` : ''}（--formats takes a comma-separated subset of ${ALL_FORMATS.join(',')}）`,
    );
  }
  return ALL_FORMATS.filter((f) => given.includes(f));
}

/** The parameters an output accepts, read from the Worker's own normalisation. */
function acceptedBy(spec: OutputSpec): string[] {
  return normalizedParams(DEFAULT_PARAMS, spec)
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.slice(0, pair.indexOf('=')));
}

/**
 * The query string the Worker would get for this output: only the options it accepts. Options
 * that do not apply (say --scale for an HTML page) are left out, as a browser link would.
 * @example querySearch({ theme: 'dark', scale: '2' }, { kind: 'document', format: 'html' }).toString() // "theme=dark"
 */
export function querySearch(query: RenderOptions['query'], spec: OutputSpec): URLSearchParams {
  const accepted = acceptedBy(spec);
  const search = new URLSearchParams();
  for (const key of PARAM_OPTIONS) {
    const value = query[key];
    if (value !== undefined && accepted.includes(key)) search.set(key, value);
  }
  return search;
}

/** The parameters for one output, parsed exactly as GET /v1/reports/{id}/{output}?… parses them. */
export function paramsFor(options: RenderOptions, spec: OutputSpec): RenderParams {
  return parseRenderParams(querySearch(options.query, spec), spec);
}

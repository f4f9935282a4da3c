/**
 * The files of one report in a static site, rendered the way the Worker renders
 * GET /v1/reports/{id}/{path}: same OutputSpec, same parameters, same relative links, so each file
 * is byte-identical to the Worker's response body for that path.
 */
import { outputPath, variantFilePath, variantQuery } from '../render/output-path';
import type { Model } from '../model/derive';
import { figureIds, type FigureRuntime } from '../render/figures';
import { relativeLinks } from '../render/links';
import { OUTPUT_FORMATS, PAGE_KINDS, type Format } from '../render/formats';
import { renderOutput, type OutputSpec } from '../render/output';
import { figureSources, printVariant } from '../render/narrative';
import { parseRenderParams } from '../render/render-params';
import type { FigureVariant } from '../render/types';
import { paramsFor, type RenderOptions } from './render-options';

export interface RenderedFile {
  /** Relative to the report's folder, the same address as under /v1/reports/{id}/. */
  path: string;
  body: Uint8Array;
  contentType: string;
}

/**
 * Every output of a report in the given formats, in a fixed order: pages, tables by number,
 * figures by id.
 * @example reportOutputs(model, ['html']).map(outputPath) // ["document.html", "narrative.html", "glossary.html", "tables/01.html", …]
 */
export function reportOutputs(model: Model, formats: readonly Format[]): OutputSpec[] {
  const wanted = <F extends Format>(list: readonly F[]): F[] => list.filter((f) => formats.includes(f));
  const specs: OutputSpec[] = [];
  for (const kind of PAGE_KINDS) for (const format of wanted<Format>(OUTPUT_FORMATS[kind])) specs.push({ kind, format } as OutputSpec);
  for (const table of model.set.tables) {
    for (const format of wanted(OUTPUT_FORMATS.table)) specs.push({ kind: 'table', id: table.no, format });
  }
  for (const id of figureIds(model)) {
    for (const format of wanted(OUTPUT_FORMATS.figure)) specs.push({ kind: 'figure', id, format });
  }
  return specs;
}

/** One file of a report's folder: an output, or a figure variant the pages link (narrow, dark). */
export interface SiteFile {
  spec: OutputSpec;
  variant?: FigureVariant;
}

/**
 * The files of one report's folder: every output, then — when the site has pages and SVG figures —
 * the figure variants those pages' <picture> sources name (figures/1.narrow.svg, …) and, beside a
 * dark page, the light drawing it prints (figures/1.light.svg): a static server ignores
 * `?layout=narrow`, so each variant is a file of its own.
 * @example siteFiles(model, renderOptions({})).map(sitePath).filter((p) => p.startsWith('figures/1.')) // ["figures/1.svg", "figures/1.png", "figures/1.narrow.dark.svg", "figures/1.narrow.svg", "figures/1.dark.svg"]
 */
export function siteFiles(model: Model, options: Pick<RenderOptions, 'formats' | 'params'>): SiteFile[] {
  const files: SiteFile[] = reportOutputs(model, options.formats).map((spec) => ({ spec }));
  if (!options.formats.includes('html') || !options.formats.includes('svg')) return files;
  const print = printVariant(options.params.theme);
  const variants = [...figureSources(options.params.theme).map((s) => s.variant), ...(print ? [print] : [])];
  for (const id of figureIds(model)) {
    for (const variant of variants) files.push({ spec: { kind: 'figure', id, format: 'svg' }, variant });
  }
  return files;
}

/** Where a site file lives in the report's folder. */
export function sitePath(file: SiteFile): string {
  return file.variant && file.spec.kind === 'figure' ? variantFilePath(file.spec.id, file.spec.format, file.variant) : outputPath(file.spec);
}

/**
 * Renders one file exactly as the Worker's stored-report route does: an output with the CLI's
 * options as its query string, a variant as the link the page makes to it (?layout=narrow&theme=dark).
 * Pages link variants as files (relativeLinks' `files` style), and only the files of the report's
 * folder `exists` names (a site without some formats, an image refused as too large): the only
 * differences from the Worker's bytes.
 */
export async function renderFile(
  model: Model,
  file: SiteFile,
  options: RenderOptions,
  runtime: FigureRuntime,
  exists?: (path: string) => boolean,
): Promise<RenderedFile> {
  const { spec, variant } = file;
  const path = sitePath(file);
  const params = variant ? parseRenderParams(new URLSearchParams(variantQuery(variant)), spec) : paramsFor(options, spec);
  const rendered = await renderOutput(model, spec, { params, links: relativeLinks(path, 'files', exists) }, runtime);
  const body = typeof rendered.body === 'string' ? new TextEncoder().encode(rendered.body) : rendered.body;
  return { path, body, contentType: rendered.contentType };
}

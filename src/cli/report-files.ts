/**
 * The files of one report in a static site, rendered the way the Worker renders
 * GET /v1/reports/{id}/{path}: same OutputSpec, same parameters, same relative links, so each file
 * is byte-identical to the Worker's response body for that path.
 */
import { outputPath } from '../render/output-path';
import type { Model } from '../model/derive';
import { figureIds, type FigureRuntime } from '../render/figures';
import { relativeLinks } from '../render/links';
import { OUTPUT_FORMATS, PAGE_KINDS, type Format } from '../render/formats';
import { renderOutput, type OutputSpec } from '../render/output';
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
  for (const kind of PAGE_KINDS) for (const format of wanted(OUTPUT_FORMATS[kind])) specs.push({ kind, format });
  for (const table of model.set.tables) {
    for (const format of wanted(OUTPUT_FORMATS.table)) specs.push({ kind: 'table', id: table.no, format });
  }
  for (const id of figureIds(model)) {
    for (const format of wanted(OUTPUT_FORMATS.figure)) specs.push({ kind: 'figure', id, format });
  }
  return specs;
}

/** Renders one output exactly as the Worker's stored-report route does. */
export async function renderFile(
  model: Model,
  spec: OutputSpec,
  options: RenderOptions,
  runtime: FigureRuntime,
): Promise<RenderedFile> {
  const path = outputPath(spec);
  const rendered = await renderOutput(model, spec, { params: paramsFor(options, spec), links: relativeLinks(path) }, runtime);
  const body = typeof rendered.body === 'string' ? new TextEncoder().encode(rendered.body) : rendered.body;
  return { path, body, contentType: rendered.contentType };
}

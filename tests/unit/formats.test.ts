import { describe, expect, it } from 'vitest';
import { acceptedParams, ALL_FORMATS, FORMATS, OUTPUT_FORMATS, PAGE_KINDS, type Format } from '../../src/render/formats';
import { outputPath, parseOutputPath, UNKNOWN_OUTPUT } from '../../src/render/output-path';
import { parseRenderParams } from '../../src/render/render-params';
import { renderOutput, DEFAULT_PARAMS, type OutputSpec, type RenderParams } from '../../src/render/output';
import { renderIndexPage } from '../../src/render/index-page';
import { linksUnder } from '../../src/render/links';
import { RenderError } from '../../src/render/errors';
import { LIMITS } from '../../src/render/figures';
import { ALL_FORMATS as CLI_FORMATS } from '../../src/cli/render-options';
import { RENDER_HELP } from '../../src/cli/help';
import { reportOutputs } from '../../src/cli/report-files';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { modelOf, smallPayload } from '../golden/html/fixtures';

/** One output of every kind in every format the registry lists. */
function everySpec(): OutputSpec[] {
  return [
    ...PAGE_KINDS.flatMap((kind) => OUTPUT_FORMATS[kind].map((format) => ({ kind, format }) as OutputSpec)),
    ...OUTPUT_FORMATS.table.map((format) => ({ kind: 'table', id: '01', format }) as OutputSpec),
    ...OUTPUT_FORMATS.figure.map((format) => ({ kind: 'figure', id: '1', format }) as OutputSpec),
  ];
}

const VALID: Record<keyof RenderParams, string> = {
  theme: 'dark',
  embed: '1',
  width: '900',
  height: '600',
  scale: '2',
  background: 'transparent',
  fixedHeight: '1',
  layout: 'narrow',
};

describe('the format registry (src/render/formats.ts) is what every reader reads', () => {
  it('every output of every format has one address that parses back to it', () => {
    for (const spec of everySpec()) expect(parseOutputPath(outputPath(spec))).toEqual(spec);
    expect(parseOutputPath('document.csv')).toBeNull();
    expect(parseOutputPath('figures/1.html')).toBeNull();
    for (const format of ALL_FORMATS) expect(UNKNOWN_OUTPUT).toContain(format);
  });

  it('each output accepts exactly the parameters its format (and kind) lists, and no other', () => {
    const all = Object.keys(VALID).filter((k) => k !== 'fixedHeight') as (keyof RenderParams)[];
    for (const spec of everySpec()) {
      const allowed = acceptedParams(spec.kind, spec.format);
      for (const key of all) {
        const parse = () => parseRenderParams(new URLSearchParams({ [key]: VALID[key] }), spec);
        if (allowed.includes(key as never)) expect(parse, `${outputPath(spec)} ${key}`).not.toThrow();
        else expect(parse, `${outputPath(spec)} ${key}`).toThrow(RenderError);
      }
    }
  });

  it('renders answer with the registry’s content type', async () => {
    const model = modelOf(smallPayload());
    const runtime = createNodeRuntime();
    for (const spec of [...everySpec().filter((s) => !FORMATS[s.format].image), { kind: 'table', id: '01', format: 'svg' } as OutputSpec]) {
      const out = await renderOutput(model, spec, { params: DEFAULT_PARAMS }, runtime);
      expect(out.contentType, outputPath(spec)).toBe(FORMATS[spec.format].contentType);
      expect(out.filename !== undefined, `${outputPath(spec)} has a download name`).toBe(FORMATS[spec.format].attachment);
    }
  });

  it('the CLI, its help, the report listing and the index page list every format', () => {
    expect([...CLI_FORMATS]).toEqual(Object.keys(FORMATS));
    for (const format of ALL_FORMATS) expect(RENDER_HELP).toContain(format);
    const model = modelOf(smallPayload());
    const paths = reportOutputs(model, ALL_FORMATS).map(outputPath);
    for (const spec of everySpec()) if (spec.kind !== 'figure') expect(paths).toContain(outputPath(spec));
    const onlyCsv = reportOutputs(model, ['csv' as Format]).map(outputPath);
    expect(onlyCsv.every((p) => p.endsWith('.csv'))).toBe(true);
    const html = renderIndexPage([{ model, links: linksUnder('r/'), alias: 'r' }], {});
    for (const format of OUTPUT_FORMATS.table) expect(html).toContain(`href="r/tables/01.${format}">${FORMATS[format].label}<`);
    for (const kind of PAGE_KINDS) for (const format of OUTPUT_FORMATS[kind]) expect(html).toContain(`href="r/${kind}.${format}"`);
  });

  it('the query parser and the image pipeline share one set of image limits', () => {
    const png: OutputSpec = { kind: 'figure', id: '1', format: 'png' };
    const parse = (q: string) => parseRenderParams(new URLSearchParams(q), png);
    expect(parse(`width=${LIMITS.maxSize}&height=${LIMITS.minSize}&scale=${LIMITS.minScale}`)).toMatchObject({ width: LIMITS.maxSize, height: LIMITS.minSize });
    expect(() => parse(`width=${LIMITS.maxSize + 1}`)).toThrow(RenderError);
    expect(() => parse(`height=${LIMITS.minSize - 1}`)).toThrow(RenderError);
    expect(() => parse(`scale=${LIMITS.maxScale + 1}`)).toThrow(RenderError);
    expect(RENDER_HELP).toContain(`--width <${LIMITS.minSize}-${LIMITS.maxSize}>`);
    expect(RENDER_HELP).toContain(`--scale <${LIMITS.minScale}-${LIMITS.maxScale}>`);
  });
});

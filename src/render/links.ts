/**
 * Links between the outputs of one report, relative to the page that contains them. The same
 * bytes then work under /v1/reports/{id}/, /v1/reports/{alias}/ and in a static site written by
 * the CLI — which is what lets the CLI's files equal the Worker's responses byte for byte. The one
 * difference: a static server ignores query strings, so a site's pages link figure variants as
 * files (figures/1.narrow.svg) where the Worker's link figures/1.svg?layout=narrow.
 */
import { outputPath, variantFilePath, variantQuery } from './output-path';
import type { FigureVariant, Links, OutputSpec } from './types';

/**
 * How a figure variant (narrow, dark) is addressed: `query` as the Worker serves it
 * (figures/1.svg?layout=narrow), `files` as a static site keeps it (figures/1.narrow.svg).
 */
export type VariantStyle = 'query' | 'files';

/**
 * Links to the outputs of one report whose folder is `prefix` ("", "../", "/v1/reports/x/",
 * "alias/"): the one place links are built, from the same addresses the routes parse.
 * @example linksUnder('/v1/reports/wuhan-jianghan-cyzx-2024/').table('01', 'csv') // "/v1/reports/wuhan-jianghan-cyzx-2024/tables/01.csv"
 */
export function linksUnder(prefix: string, style: VariantStyle = 'query', exists?: (path: string) => boolean): Links {
  const has = exists ? { has: (spec: OutputSpec, variant?: FigureVariant) => exists(filePath(spec, variant)) } : {};
  return {
    ...has,
    document: () => prefix + outputPath({ kind: 'document', format: 'html' }),
    narrative: () => prefix + outputPath({ kind: 'narrative', format: 'html' }),
    glossary: () => prefix + outputPath({ kind: 'glossary', format: 'html' }),
    workbook: () => prefix + outputPath({ kind: 'workbook', format: 'xlsx' }),
    table: (id, format) => prefix + outputPath({ kind: 'table', id, format }),
    figure: (id, format, variant) => {
      const query = variantQuery(variant);
      if (!query) return prefix + outputPath({ kind: 'figure', id, format });
      return prefix + (style === 'files' ? variantFilePath(id, format, variant) : `${outputPath({ kind: 'figure', id, format })}?${query}`);
    },
  };
}

/**
 * Links relative to the page at `fromPath` (an output path of the same report); `exists`, when
 * given, says which files of the report's folder exist (a static site's), and the pages link only those.
 * @example relativeLinks('tables/01.html').figure('1', 'svg') // "../figures/1.svg"
 */
export function relativeLinks(fromPath: string, style: VariantStyle = 'query', exists?: (path: string) => boolean): Links {
  return linksUnder('../'.repeat(fromPath.split('/').length - 1), style, exists);
}

/**
 * The file in a static site's report folder that holds an output or figure variant.
 * @example filePath({ kind: 'figure', id: '1', format: 'svg' }, { theme: 'dark' }) // "figures/1.dark.svg"
 */
export function filePath(spec: OutputSpec, variant?: FigureVariant): string {
  return spec.kind === 'figure' && variantQuery(variant) ? variantFilePath(spec.id, spec.format, variant) : outputPath(spec);
}

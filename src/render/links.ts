/**
 * Links between the outputs of one report, relative to the page that contains them. The same
 * bytes then work under /v1/reports/{id}/, /v1/reports/{alias}/ and in a static site written by
 * the CLI — which is what lets the CLI's files equal the Worker's responses byte for byte. The one
 * difference: a static server ignores query strings, so a site's pages link figure variants as
 * files (figures/1.narrow.svg) where the Worker's link figures/1.svg?layout=narrow.
 */
import { outputPath, variantFilePath, variantQuery } from './output-path';
import type { Links } from './types';

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
export function linksUnder(prefix: string, style: VariantStyle = 'query'): Links {
  return {
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
 * Links relative to the page at `fromPath` (an output path of the same report).
 * @example relativeLinks('tables/01.html').figure('1', 'svg') // "../figures/1.svg"
 */
export function relativeLinks(fromPath: string, style: VariantStyle = 'query'): Links {
  return linksUnder('../'.repeat(fromPath.split('/').length - 1), style);
}

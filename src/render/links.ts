/**
 * Links between the outputs of one report, relative to the page that contains them. The same
 * bytes then work under /v1/reports/{id}/, /v1/reports/{alias}/ and in a static site written by
 * the CLI — which is what lets the CLI's files equal the Worker's responses byte for byte.
 */
import type { Links } from './types';

/**
 * @example relativeLinks('tables/01.html').figure('1', 'svg') // "../figures/1.svg"
 */
export function relativeLinks(fromPath: string): Links {
  const up = '../'.repeat(fromPath.split('/').length - 1);
  return {
    document: () => `${up}document.html`,
    narrative: () => `${up}narrative.html`,
    glossary: () => `${up}glossary.html`,
    table: (id, format) => `${up}tables/${id}.${format}`,
    figure: (id, format) => `${up}figures/${id}.${format}`,
  };
}

/**
 * How a static site's pages differ from the Worker's: a static server ignores query strings, so a
 * site keeps each figure variant its pages link (figures/1.svg?layout=narrow on the Worker) as a
 * file (figures/1.narrow.svg). Spelled out here, not taken from the code under test; used by the
 * in-process identity test and the live one against wrangler dev (tests/e2e).
 */
// Pages differ from the Worker's in these links only.
const FILE_FOR_QUERY: [string, string][] = [
  ['.svg?layout=narrow&amp;theme=dark"', '.narrow.dark.svg"'],
  ['.svg?layout=narrow"', '.narrow.svg"'],
  ['.svg?theme=dark"', '.dark.svg"'],
  // The light drawing a dark page prints.
  ['.svg?theme=light"', '.light.svg"'],
];

/** The Worker's body with its figure-variant links written as a site's files; how many were rewritten. */
export function asSite(body: Uint8Array): { body: Uint8Array; rewritten: number } {
  let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body); // CSV files start with a BOM: keep it
  let rewritten = 0;
  for (const [query, file] of FILE_FOR_QUERY) {
    rewritten += text.split(query).length - 1;
    text = text.replaceAll(query, file);
  }
  return { body: new TextEncoder().encode(text), rewritten };
}

/** Pages with figures link their variants: the rewrite must have found them. */
export const PAGES_WITH_FIGURES = ['document.html', 'narrative.html'];


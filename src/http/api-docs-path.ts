/** Where the reference page and its files are served (static assets, public/docs/api/). */
export const API_DOCS_PATH = '/docs/api';

/**
 * Where the OpenAPI document lies in the static assets: scripts/gen-openapi.mjs builds it from
 * ./openapi.ts in Node and writes it there; GET /v1/openapi.json serves it. Not reachable directly:
 * every request goes to the Worker first (wrangler.toml run_worker_first).
 */
export const OPENAPI_ASSET_PATH = '/v1/openapi.json';

/**
 * What browsers and crawlers ask every site for: /favicon.ico (the icon the pages also inline) and
 * /robots.txt. Without them each page visit logged a 404 in the console.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { FAVICON_SVG } from '../render/html/page';

export const siteRoutes = new Hono<AppEnv>();

const DAY = 'public, max-age=86400';

// An SVG served at the .ico address: browsers go by the content type, not the extension.
siteRoutes.get('/favicon.ico', (c) => c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': DAY }));

// Published reports are public documents: index them; the stateless render API and raw payloads are not pages.
siteRoutes.get('/robots.txt', (c) =>
  c.text('User-agent: *\nDisallow: /v1/render/\nDisallow: /v1/validate\nAllow: /\n', 200, { 'cache-control': DAY }),
);

/**
 * The workbench's addresses inside workerd: pages and bundle from static assets (public/workbench,
 * built by scripts/build-web.mjs before the tests), the rest answered like every other address.
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'https://juesuan.test';

describe('/workbench from static assets', () => {
  it('serves the workbench and the embed view as HTML no other site may frame', async () => {
    for (const [path, title] of [
      ['/workbench', '<title>决算公开工作台</title>'],
      ['/workbench/embed?report=wuhan-jianghan-cyzx-2024', '<title>嵌入与下载</title>'],
    ]) {
      const response = await SELF.fetch(ORIGIN + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain(title);
    }
  });

  it('serves the bundle and its style sheet; the page names only files that exist', async () => {
    const html = await (await SELF.fetch(`${ORIGIN}/workbench`)).text();
    const files = [...html.matchAll(/(?:src|href)="(\/workbench\/[^"]+)"/g)].map((m) => m[1]);
    expect(files).toEqual(['/workbench/style.css', '/workbench/workbench.js']);
    for (const file of files) {
      const response = await SELF.fetch(ORIGIN + file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toMatch(file.endsWith('.js') ? /javascript/ : /text\/css/);
      await response.arrayBuffer();
    }
  });

  it('anything else is a problem+json: unknown file 404, query on a file 400, POST 405 with Allow', async () => {
    const missing = await SELF.fetch(`${ORIGIN}/workbench/secret.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await missing.json<{ detail: string }>()).detail).toContain('/workbench/secret.js');
    const other = await SELF.fetch(`${ORIGIN}/workbench/index.html`);
    expect(other.status).toBe(404);
    await other.arrayBuffer();
    const query = await SELF.fetch(`${ORIGIN}/workbench/workbench.js?v=1`);
    expect(query.status).toBe(400);
    await query.arrayBuffer();
    const post = await SELF.fetch(`${ORIGIN}/workbench`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await post.arrayBuffer();
  });
});

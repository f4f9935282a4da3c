import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const ORIGIN = 'https://juesuan.test';
const render = (path: string) =>
  SELF.fetch(`${ORIGIN}/v1/render/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) });

describe('what a browser asks of every site', () => {
  it('serves /favicon.ico and /robots.txt instead of 404s', async () => {
    const icon = await SELF.fetch(`${ORIGIN}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const robots = await SELF.fetch(`${ORIGIN}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(await robots.text()).toContain('Disallow: /v1/render/');
  });

  it('pages carry a description and an inline icon', async () => {
    const html = await (await render('document.html')).text();
    expect(html).toMatch(/<meta name="description" content="2024 年度武汉市江汉区城市运行管理中心[^"]*第一部分[^"]*">/);
    expect(html).toContain('<link rel="icon" href="data:image/svg+xml,');
  });
});

describe('figures in the narrow (phone) layout', () => {
  it('layout=narrow draws a portrait figure 360 px wide by default, or at the width asked for', async () => {
    const svg = await (await render('figures/7.svg?layout=narrow')).text();
    const [, width, height] = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect(Number(width)).toBe(360);
    expect(Number(height)).toBeGreaterThan(Number(width));
    const png = await render('figures/3.png?layout=narrow&width=720');
    expect(png.status).toBe(200);
    const bytes = new Uint8Array(await png.arrayBuffer());
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(16)).toBe(720);
  });

  it('refuses an unknown layout, and layout on anything but a figure', async () => {
    const bad = await render('figures/1.svg?layout=tall');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await render('tables/01.svg?layout=narrow')).status).toBe(400);
  });
});

describe('table headers break between words in workerd as in Node', () => {
  it('marks the same word breaks (ICU in both runtimes)', async () => {
    const t09 = await (await render('tables/09.html')).text();
    expect(t09).toContain('<span class="w">因公</span><wbr><span class="w">出国（境）费</span>');
    expect(t09).toContain('<span class="w">公务用车</span><wbr><span class="w">购置及</span><wbr><span class="w">运行</span><wbr><span class="w">维护费</span>');
    const t04 = await (await render('tables/04.html')).text();
    expect(t04).toContain('<span class="w">国有</span><wbr><span class="w">资本</span><wbr><span class="w">经营</span><wbr><span class="w">预算</span><wbr><span class="w">财政</span><wbr><span class="w">拨款</span>');
  });
});

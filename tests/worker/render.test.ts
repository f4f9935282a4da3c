import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const ORIGIN = 'https://juesuan.test';
const body = JSON.stringify(example);
const render = (path: string, payload = body) =>
  SELF.fetch(`${ORIGIN}/v1/render/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('POST /v1/render (stateless)', () => {
  it('renders the whole document with inline figures, framing limited by FRAME_ANCESTORS', async () => {
    const res = await render('document.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const html = await res.text();
    for (const part of ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分', '第六部分']) expect(html).toContain(part);
    expect(html).toContain('<svg');
    expect(html).toContain('完成年初预算的 57.28%');
    expect(html).not.toContain('462%');
  });

  it('renders narrative and glossary pages, and embed pages without chrome', async () => {
    const narrative = await (await render('narrative.html')).text();
    expect(narrative).toContain('下降 50.79%');
    const glossary = await (await render('glossary.html')).text();
    expect(glossary).toContain('一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）');
    const embed = await (await render('tables/01.html?embed=1')).text();
    expect(embed).toContain('datawrapper-height');
    expect(embed).toContain('embed-size');
  });

  it('writes the details a real document gives (issue 13) through the HTTP route, and refuses a bad score with its path', async () => {
    const payload = structuredClone(example) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    Object.assign(payload.explanation.reasons, { threePublicBudget: '严格控制公务用车支出' });
    payload.tables.threePublic.budget = { total: '3', vehicleSubtotal: '3', vehicleOperation: '3' };
    Object.assign(payload.explanation.procurement, { smeDedicated: '40.00', smeReserved: '20.00', smeOther: '9.06' });
    payload.performance.overall.score = 92.5;
    payload.performance.overall.grade = '优';
    const res = await render('narrative.html', JSON.stringify(payload));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('完成全年预算的 29.00%，决算数小于预算数的主要原因是严格控制公务用车支出。');
    expect(html).toContain('授予中小企业合同金额中，专门面向中小企业采购 40.00 万元，占 57.92%；');
    expect(html).toContain('执行率 92.45%，自评得分 92.5 分，自评等级为“优”。');
    payload.performance.overall.score = 120;
    const bad = await render('narrative.html', JSON.stringify(payload));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('/performance/overall/score');
  });

  it('renders tables as CSV (BOM) and JSON', async () => {
    const csv = new Uint8Array(await (await render('tables/05.csv')).arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv)).toContain('2010302');
    const json = (await (await render('tables/05.json')).json()) as { title: string };
    expect(json.title).toContain('一般公共预算财政拨款支出决算表');
  });

  it('renders figures as self-contained SVG with title/desc and PNG at the requested size and scale', async () => {
    const svg = await (await render('figures/1.svg')).text();
    expect(svg).toMatch(/<title[^>]*>[^<]*图1/);
    expect(svg).toContain('<desc');
    expect(svg).toContain('3087.79');
    expect(svg).not.toContain('<text');
    const png = new Uint8Array(await (await render('figures/2.png?width=600&height=400&scale=2&background=transparent')).arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1200, height: 800 });
  });

  it('table images grow with their rows unless a height is given', async () => {
    const grown = pngSize(new Uint8Array(await (await render('tables/06.png')).arrayBuffer()));
    expect(grown.width).toBe(800);
    expect(grown.height).toBeGreaterThan(500);
    const fixed = pngSize(new Uint8Array(await (await render('tables/06.png?height=500')).arrayBuffer()));
    expect(fixed).toEqual({ width: 800, height: 500 });
  });

  it('gives the same bytes for the same payload and parameters', async () => {
    const a = new Uint8Array(await (await render('figures/3.png?scale=2')).arrayBuffer());
    // Same payload written differently (amounts as numbers): same content id, same bytes.
    const renumbered = JSON.stringify(example).replace('"1,519.58"', '1519.58');
    const b = new Uint8Array(await (await render('figures/3.png?scale=2', renumbered)).arrayBuffer());
    expect(b).toEqual(a);
  });

  it('answers unknown outputs with 404 and bad parameters with 400, all problem+json', async () => {
    for (const [path, status] of [
      ['tables/10.html', 404],
      ['figures/99.svg', 404],
      ['figures/1.gif', 404],
      ['nothing.html', 404],
      ['figures/1.png?width=199', 400],
      ['figures/1.png?width=4001', 400],
      ['figures/1.png?scale=5', 400],
      ['figures/1.png?background=red', 400],
      ['tables/01.csv?theme=dark', 400],
    ] as const) {
      const res = await render(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });

  it('answers an invalid payload with 422 before rendering', async () => {
    const bad = structuredClone(example) as any;
    bad.tables.threePublic.actual.total = '9.99';
    const res = await render('tables/09.html', JSON.stringify(bad));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { findings: { paths: string[] }[] };
    expect(problem.findings.some((f) => f.paths.includes('/tables/threePublic/actual/total'))).toBe(true);
  });

  it('escapes payload text everywhere: a department named <script> renders as text', async () => {
    const evil = structuredClone(example) as any;
    evil.meta.department = '<script>alert(1)</script>';
    const html = await (await render('document.html', JSON.stringify(evil))).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

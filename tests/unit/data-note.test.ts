/** 数据说明: acknowledged findings are printed with their reasons at the end of the tables part. */
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../src/model/derive';
import { renderDocumentHtml } from '../../src/render/html/document';
import { DEFAULT_PARAMS, type RenderContext } from '../../src/render/output';
import { Payload } from '../../src/schema/payload';
import { full, type Json } from './audit/helpers';

const ctx: RenderContext = { params: DEFAULT_PARAMS };
const html = (p: Json) => renderDocumentHtml(deriveModel(Payload.parse(p)), ctx);

describe('数据说明 (document.json dataNote)', () => {
  it('lists each acknowledged finding with its table and reason, after the tables and before 第三部分', () => {
    const page = html(full((p) => {
      p.tables.threePublic.actual.total = '1.87';
      p.explanation.mainProjects[1].amount = '217.69';
      p.explanation.mainProjects[0].amount = '930.02';
      p.audit = {
        acknowledged: [
          { rule: 'three-public.total', path: '/tables/threePublic/actual/total', reason: '决算已批复，“三公”合计按原表公开' },
          { rule: 'narrative.main-projects-executed', path: '/explanation/mainProjects/1/amount', reason: '中心运行维护费按预算数列示 <已核>' },
        ],
      };
    }));
    const note = page.indexOf('id="data-note"');
    expect(note).toBeGreaterThan(page.indexOf('id="table-09"'));
    expect(note).toBeLessThan(page.indexOf('id="part3"'));
    expect(page).toContain('<h3 id="data-note-title">数据说明</h3>');
    expect(page).toContain('<p>1. 公开09表：决算已批复，“三公”合计按原表公开</p>');
    expect(page).toContain('<p>2. 情况说明：中心运行维护费按预算数列示 &lt;已核&gt;</p>');
  });

  it('prints nothing when nothing is acknowledged, or an acknowledgement matches nothing', () => {
    expect(html(full())).not.toContain('数据说明');
    expect(html(full((p) => {
      p.audit = { acknowledged: [{ rule: 'three-public.total', path: '/tables/threePublic/actual/total', reason: '决算已批复，原表如此' }] };
    }))).not.toContain('data-note');
  });
});

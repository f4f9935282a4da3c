/**
 * The shapes of the JSON answers, as zod schemas: GET /v1/openapi.json is generated from them, and
 * the routes build their answers `satisfies` these types, so a field added to an answer and not
 * here fails the type check. The worker tests parse real answers with them.
 */
import { z } from 'zod';
import { SetFileSchema } from '../model/template-registry';
import type { TableJson } from '../render/table/json';
import { PROBLEM_BASE } from './problem';

const FindingFields = {
  rule: z.string().meta({ description: '规则标识（稳定），如 cross.summary-class-vs-expense', example: 'completeness.assets' }),
  severity: z.enum(['error', 'warning']).meta({ description: 'error 阻止发布；warning 仅提示' }),
  message: z.string().meta({ description: '中文说明：哪张表、哪一行、两个数' }),
  paths: z.array(z.string()).meta({ description: '需要修改的 JSON 指针（RFC 6901），被核对的数在前', example: ['/explanation/assets'] }),
  expected: z.string().optional().meta({ description: '核对应得的数，格式同表格（"1,415.08"）' }),
  actual: z.string().optional().meta({ description: '数据中填写或推出的数，格式同表格' }),
};

export const Finding = z.strictObject(FindingFields).meta({ id: 'Finding', description: '勾稽关系校验发现的一处问题' });

export const AcknowledgedFinding = z
  .strictObject({
    ...FindingFields,
    reason: z.string().meta({ description: '数据中 audit.acknowledged 给出的原因' }),
    acknowledgement: z.string().meta({ description: '该说明在数据中的位置，如 /audit/acknowledged/0' }),
  })
  .meta({ id: 'AcknowledgedFinding', description: '已在数据中说明原因、不再阻止发布的问题' });

export const PathError = z
  .strictObject({
    path: z.string().meta({ description: '出错的位置：数据中的 JSON 指针，或查询参数名' }),
    message: z.string().meta({ description: '中文说明' }),
  })
  .meta({ id: 'PathError' });

const findingList = {
  findings: z.array(Finding).meta({ description: '最多 100 条（错误在前）' }),
  findingCount: z.int().min(0).optional().meta({ description: '超过 100 条时的总数' }),
};

/** RFC 9457 problem details; every 4xx and 5xx answer has this shape (src/http/problem.ts). */
export const Problem = z
  .strictObject({
    type: z.url().meta({ description: `稳定的错误类型：${PROBLEM_BASE} 加类型名`, example: `${PROBLEM_BASE}invalid-payload` }),
    title: z.string().meta({ description: '中文标题' }),
    status: z.int().min(400).max(599),
    detail: z.string().optional().meta({ description: '中文说明：错在哪里、怎样改' }),
    errors: z.array(PathError).optional().meta({ description: '每处出错的位置（数据格式错误最多列 100 处）' }),
    errorCount: z.int().min(0).optional().meta({ description: '数据格式错误的总数' }),
    findings: findingList.findings.optional(),
    findingCount: findingList.findingCount,
    acknowledged: z.array(AcknowledgedFinding).optional(),
    limit: z.int().optional().meta({ description: '超出的上限（413：请求体字节数）' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 问题详情（application/problem+json）' });

export const ValidateAnswer = z
  .strictObject({
    ok: z.literal(true),
    department: z.string(),
    fiscalYear: z.int(),
    warnings: z.int().min(0).meta({ description: '警告条数' }),
    ...findingList,
    acknowledged: z.array(AcknowledgedFinding),
  })
  .meta({ id: 'ValidateAnswer', description: '数据通过格式校验和勾稽关系校验（可有警告）' });

const Url = z.url();
export const OutputUrls = z
  .strictObject({
    payload: Url,
    document: Url,
    narrative: Url,
    glossary: Url,
    workbook: Url.meta({ description: '全部公开表的 Excel 工作簿' }),
    tables: z.record(z.string(), z.record(z.string(), Url)).meta({ description: '表号 → 格式 → 地址' }),
    figures: z.record(z.string(), z.record(z.string(), Url)).meta({ description: '图号 → 格式 → 地址' }),
    refused: z
      .array(
        z.strictObject({
          path: z.string().meta({ description: '输出路径（相对于报告地址）', example: 'tables/05.png' }),
          reason: z.string().meta({ description: '不提供的原因（中文）' }),
        }),
      )
      .meta({ description: '服务不提供的输出（请求会得到 422），以及原因；tables 中不列出这些格式。如超过表格图片上限的 PNG、SVG' }),
  })
  .catchall(z.unknown())
  .meta({ id: 'OutputUrls', description: '一份已发布报告的各种输出地址' });

const Version = z.strictObject({ id: z.string(), publishedAt: z.iso.datetime() });

export const PublishAnswer = z
  .strictObject({
    id: z.string().meta({ description: '内容标识（24 位），同一内容永远相同' }),
    alias: z.string().meta({ description: '别名 {slug}-{fiscalYear}，指向最新版本' }),
    created: z.boolean().meta({ description: 'true：新内容（201）；false：已发布过（200）' }),
    latest: z.string(),
    versions: z.array(Version),
    ...findingList,
    urls: z.strictObject({ byId: OutputUrls, byAlias: OutputUrls }),
  })
  .meta({ id: 'PublishAnswer' });

export const ReportList = z
  .strictObject({
    reports: z.array(
      z.strictObject({
        alias: z.string(),
        department: z.string(),
        fiscalYear: z.int(),
        latest: z.string(),
        versions: z.int().min(1),
        url: Url,
      }),
    ),
  })
  .meta({ id: 'ReportList' });

export const TemplateSets = z
  .strictObject({
    templateSets: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        extends: z.string().optional(),
        fiscalYears: z.array(z.int()),
        source: SetFileSchema.shape.source,
        tables: z.array(
          z.strictObject({
            no: z.string(),
            key: z.string(),
            title: z.string(),
            label: z.string().nullable().meta({ description: '表的称呼，如“公开05表”“表5”' }),
          }),
        ),
        parts: z.array(z.strictObject({ kind: z.string(), title: z.string() })),
      }),
    ),
  })
  .meta({ id: 'TemplateSets' });

/** GET …/tables/{no}.json: a table for code, from the same grid as the HTML table (src/render/table/json.ts). */
export const TableJsonSchema = z
  .strictObject({
    table: z.string().meta({ description: '表号' }),
    title: z.string(),
    label: z.string().nullable().meta({ description: '表的称呼，如“公开05表”' }),
    unit: z.string().meta({ description: '金额单位，如“万元”' }),
    department: z.string(),
    fiscalYear: z.int(),
    columns: z.array(z.strictObject({ key: z.string(), title: z.string() })).meta({ description: '金额列：values 的键与列名' }),
    rows: z.array(
      z.strictObject({
        code: z.string().nullable().meta({ description: '科目编码（功能分类或经济分类），合计行为 null' }),
        name: z.string(),
        level: z.string().nullable().meta({ description: '类 / 款 / 项等层级' }),
        section: z.string().optional(),
        line: z.int().optional().meta({ description: '行次' }),
        values: z
          .record(z.string(), z.string().nullable())
          .meta({ description: '列键 → 金额：精确的十进制字符串（不带千分位，如 "1519.58"）；表中空白为 null' }),
      }),
    ),
    notes: z.array(z.string()).meta({ description: '表下注释' }),
  })
  .meta({ id: 'TableJson' });

// The schema and the renderer's type must describe the same value: a field added to one and not the other fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const tableJsonMatches: Same<z.infer<typeof TableJsonSchema>, TableJson> = true;
void tableJsonMatches;

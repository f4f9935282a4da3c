/**
 * GET /v1/openapi.json: the OpenAPI 3.1 description of every route, generated from the schemas the
 * routes use — the payload (src/schema/payload.ts), the render query (src/render/render-params.ts),
 * the answers (./api-schemas.ts) — and from the format registry (src/render/formats.ts), which
 * gives each output its address, content type and parameters. A format or output added to the
 * registry appears here without an edit; a route added to the app and not here fails
 * tests/worker/openapi.test.ts, which walks `app.routes`.
 */
import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import minimalExample from '../../examples/wuhan-jianghan-cyzx-2024-minimal.json';
import { Payload, SCHEMA_VERSION } from '../schema/payload';
import { FORMATS, OUTPUT_FORMATS, acceptedParams, type Format, type OutputKind } from '../render/formats';
import { RenderQuery } from '../render/render-params';
import { FIGURE_ID, outputPath, TABLE_ID } from '../render/output-path';
import type { OutputSpec } from '../render/types';
import { RENDERER_VERSION } from '../render/version.generated';
import { ALIAS_PATTERN, ID_PATTERN } from '../store/keys';
import { AcknowledgedFinding, Finding, OutputUrls, Problem, PublishAnswer, ReportList, TableJsonSchema, TemplateSets, ValidateAnswer } from './api-schemas';
import { MAX_BODY_BYTES } from './read-payload';
import { PROBLEM_BASE } from './problem';

import { API_DOCS_PATH } from './api-docs-path';

export { API_DOCS_PATH };

const PAYLOAD_REF = { $ref: '#/components/schemas/Payload' };

/**
 * Problem bodies the service really answers: tests/worker/openapi.test.ts makes each request and
 * compares the answer with the value here, byte for byte after JSON parsing.
 */
export const PROBLEM_EXAMPLES = {
  'invalid-parameter': {
    summary: '图像宽度超出范围（POST /v1/render/figures/1.png?width=100）',
    value: {
      type: `${PROBLEM_BASE}invalid-parameter`,
      title: '请求参数不正确',
      status: 400,
      detail: 'width：宽度 width 不能小于 200 像素',
      errors: [{ path: 'width', message: '宽度 width 不能小于 200 像素' }],
    },
  },
  'malformed-json': {
    summary: '请求体不是合法的 JSON（POST /v1/validate，内容为“{”）',
    value: {
      type: `${PROBLEM_BASE}malformed-json`,
      title: 'JSON 格式错误',
      status: 400,
      detail: "提交的内容不是合法的 JSON：Expected property name or '}' in JSON at position 1 (line 1 column 2)",
    },
  },
  unauthorized: {
    summary: '发布时没有令牌（POST /v1/reports）',
    value: {
      type: `${PROBLEM_BASE}unauthorized`,
      title: '未授权',
      status: 401,
      detail: '发布报告需要令牌：请在请求头中加入 Authorization: Bearer <令牌>。',
    },
  },
  'not-found': {
    summary: '没有这个别名的报告（GET /v1/reports/nosuch-2024）',
    value: { type: `${PROBLEM_BASE}not-found`, title: '未找到', status: 404, detail: '没有别名为 nosuch-2024 的报告。' },
  },
  'payload-too-large': {
    summary: '请求体超过 1 MiB',
    value: {
      type: `${PROBLEM_BASE}payload-too-large`,
      title: '数据过大',
      status: 413,
      detail: '提交的数据超过 1 MiB 上限。',
      limit: MAX_BODY_BYTES,
    },
  },
  'unsupported-media-type': {
    summary: '请求体不是 JSON（Content-Type: text/plain）',
    value: {
      type: `${PROBLEM_BASE}unsupported-media-type`,
      title: '请求格式不支持',
      status: 415,
      detail: '请以 JSON 提交数据（Content-Type: application/json），收到的是“text/plain”。',
    },
  },
  'invalid-payload': {
    summary: '数据不符合格式要求（POST /v1/validate，内容为 {"schemaVersion":1}）',
    value: {
      type: `${PROBLEM_BASE}invalid-payload`,
      title: '数据不符合格式要求',
      status: 422,
      detail: '共 2 处错误，请按 errors 中的路径逐项修改。',
      errors: [
        { path: '/meta', message: '缺少必填字段' },
        { path: '/tables', message: '缺少必填字段' },
      ],
      errorCount: 2,
    },
  },
} as const;

type ProblemExample = keyof typeof PROBLEM_EXAMPLES;

function problem(id: string, description: string, examples: ProblemExample[], headers?: ZodOpenApiResponseObject['headers']): ZodOpenApiResponseObject {
  return {
    id,
    description,
    ...(headers ? { headers } : {}),
    content: {
      'application/problem+json': {
        schema: Problem,
        examples: Object.fromEntries(examples.map((name) => [name, { $ref: `#/components/examples/${name}` }])),
      },
    },
  };
}

const PROBLEMS = {
  badParameter: problem('BadParameter', '查询参数不正确（invalid-parameter）：errors 列出每个参数', ['invalid-parameter']),
  badBody: problem('BadRequest', '查询参数不正确（invalid-parameter），或请求体不是合法的 JSON / UTF-8（malformed-json）', [
    'invalid-parameter',
    'malformed-json',
  ]),
  unauthorized: problem('Unauthorized', '没有令牌或令牌无效（unauthorized）', ['unauthorized'], z.object({
    'www-authenticate': z.string().meta({ description: 'Bearer realm="juesuan"（令牌无效时加 error="invalid_token"）' }),
  })),
  notFound: problem('NotFound', '没有这份报告、这张表或这幅图（not-found）', ['not-found']),
  tooLarge: problem('PayloadTooLarge', `请求体超过 ${MAX_BODY_BYTES / 1024 / 1024} MiB（payload-too-large）`, ['payload-too-large']),
  mediaType: problem('UnsupportedMediaType', '请求体不是 JSON（unsupported-media-type）', ['unsupported-media-type']),
  payload: problem(
    'UnprocessablePayload',
    '数据不符合格式要求（invalid-payload：errors 列出每处 JSON 路径），或勾稽关系校验有错误（audit-failed：findings 列出每条）',
    ['invalid-payload'],
  ),
  payloadOrOutput: problem(
    'UnprocessablePayloadOrOutput',
    '数据不符合格式要求（invalid-payload）、勾稽关系校验有错误（audit-failed），或图像过大无法生成（output-too-large）',
    ['invalid-payload'],
  ),
  output: {
    id: 'OutputTooLarge',
    description: '图像过大无法生成（output-too-large：表格行数、单元格或字数超过上限；网页、CSV、JSON 没有此限制）',
    content: { 'application/problem+json': { schema: Problem } },
  },
} satisfies Record<string, ZodOpenApiResponseObject>;

/** Answers of every route that reads a payload from the body. */
const BODY_PROBLEMS: ZodOpenApiResponsesObject = { 400: PROBLEMS.badBody, 413: PROBLEMS.tooLarge, 415: PROBLEMS.mediaType, 422: PROBLEMS.payload };

const payloadBody = {
  id: 'Payload',
  required: true,
  description: `一份决算数据（JSON，最大 ${MAX_BODY_BYTES / 1024 / 1024} MiB），格式见 GET /v1/schema.json`,
  content: {
    'application/json': {
      schema: Payload,
      examples: { minimal: { summary: '只填项级行的最简数据（examples/wuhan-jianghan-cyzx-2024-minimal.json）', value: minimalExample } },
    },
  },
};

const noQuery = 'no query parameters: any parameter is a 400';

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' as const } } } });

const cacheHeaders = z.object({
  etag: z.string().meta({ description: '输出的标识；带 If-None-Match 再次请求时未变化则 304' }),
  'x-cache': z.enum(['HIT', 'MISS']).meta({ description: '是否来自缓存' }),
  'cache-control': z.string(),
});

const contentIdHeader = z.string().meta({ description: '内容标识（按别名请求时为别名当前指向的版本）' });

const downloadHeaders = cacheHeaders.extend({
  'content-disposition': z.string().meta({
    description: '下载文件名：attachment; filename="{别名}-table-05.xlsx"; filename*=UTF-8\'\'（中文文件名，百分号编码）',
  }),
});

/** How each kind of output is described; a kind added to the registry without a line here still gets its format's words. */
const KIND_WORDS: Partial<Record<OutputKind, string>> = {
  document: '整份公开文件（九张公开表、情况说明、名词解释）',
  narrative: '情况说明（含图）',
  glossary: '名词解释',
  workbook: '全部公开表（Excel 工作簿，每表一页）',
  table: '一张公开表',
  figure: '情况说明中的一幅图',
};

const tableParam = z
  .string()
  .regex(new RegExp(`^${TABLE_ID}$`))
  .meta({ description: '表号，按模板集（GET /v1/template-sets）：全国表式 01–09，云南表式 1–11', example: '05' });
const figureParam = z
  .string()
  .regex(new RegExp(`^${FIGURE_ID}$`))
  .meta({ description: '图号：情况说明中图的顺序 1、2、…', example: '3' });
const refParam = z
  .string()
  .regex(new RegExp(`${ID_PATTERN.source.slice(0, -1)}|${ALIAS_PATTERN.source.slice(1)}`))
  .meta({ description: '内容标识（24 位十六进制，内容不变则永不变）或别名 {slug}-{fiscalYear}（指向最新版本）', example: 'wuhan-jianghan-cyzx-2024' });

/** Bytes rather than text: anything but text/*, JSON and XML media types (svg+xml is text; an .xlsx, "…spreadsheetml.sheet", is not). */
export function binaryFormat(format: Format): boolean {
  const type = FORMATS[format].contentType.split(';')[0].trim();
  return !(type.startsWith('text/') || /[/+]json$/.test(type) || /[/+]xml$/.test(type));
}

/** The JSON outputs whose shape is known: a kind added to the registry is described as an object until it has one. */
const JSON_OUTPUTS: Partial<Record<OutputKind, z.ZodType>> = { table: TableJsonSchema };

/**
 * The media type object of an output. Bytes (PNG, XLSX) have no schema, which OpenAPI 3.1 reads as
 * "any bytes of this media type"; a schema there made Swagger UI draw an XML sample for the .xlsx
 * media type ("…spreadsheetml…" matches its /xml/ test).
 */
function outputContent(kind: OutputKind, format: Format) {
  if (binaryFormat(format)) return {};
  if (!/[/+]json$/.test(FORMATS[format].contentType.split(';')[0])) return { schema: { type: 'string' as const } };
  return { schema: JSON_OUTPUTS[kind] ?? { type: 'object' as const } };
}

/** Every output the registry defines, as `{path, kind, format}`: `tables/{table}.html`, `figures/{figure}.png`, … */
export function outputAddresses(): { path: string; kind: OutputKind; format: Format }[] {
  const out: { path: string; kind: OutputKind; format: Format }[] = [];
  for (const kind of Object.keys(OUTPUT_FORMATS) as OutputKind[]) {
    for (const format of OUTPUT_FORMATS[kind] as readonly Format[]) {
      const id = kind === 'table' ? '{table}' : kind === 'figure' ? '{figure}' : undefined;
      out.push({ path: outputPath({ kind, format, ...(id ? { id } : {}) } as OutputSpec), kind, format });
    }
  }
  return out;
}

function outputOperation(kind: OutputKind, format: Format, stored: boolean): ZodOpenApiOperationObject {
  const info = FORMATS[format];
  const params = acceptedParams(kind, format);
  const path: Record<string, z.ZodType> = {};
  if (stored) path.ref = refParam;
  if (kind === 'table') path.table = tableParam;
  if (kind === 'figure') path.figure = figureParam;
  const query = RenderQuery.pick(Object.fromEntries(params.map((p) => [p, true])) as { [K in keyof typeof RenderQuery.shape]?: true });
  const what = `${KIND_WORDS[kind] ?? kind}（${info.label}）`;
  const responses: Record<string, ZodOpenApiResponseObject> = {
    200: {
      description: `${what}；同一数据、同一参数永远得到同样的字节`,
      headers: (info.attachment ? downloadHeaders : cacheHeaders).extend(stored ? { 'x-content-id': contentIdHeader } : {}),
      content: { [info.contentType.split(';')[0]]: outputContent(kind, format) },
    },
    400: stored ? PROBLEMS.badParameter : PROBLEMS.badBody,
    404: PROBLEMS.notFound,
  };
  if (stored) {
    responses[304] = { description: 'If-None-Match 与 ETag 相同：未变化' };
    if (info.image) responses[422] = PROBLEMS.output;
  } else {
    Object.assign(responses, { 413: PROBLEMS.tooLarge, 415: PROBLEMS.mediaType, 422: info.image ? PROBLEMS.payloadOrOutput : PROBLEMS.payload });
  }
  return {
    tags: [stored ? '已发布报告' : '即时渲染'],
    operationId: `${stored ? 'report' : 'render'}-${outputPath({ kind, format, id: kind } as OutputSpec).replace(/[/.]/g, '-')}`,
    summary: stored ? `已发布报告的${what}` : `渲染${what}`,
    description: params.length ? `可用参数：${params.join('、')}；其他参数返回 400。` : '此输出没有参数；任何参数返回 400。',
    requestParams: { ...(Object.keys(path).length ? { path: z.object(path) } : {}), ...(params.length ? { query } : {}) },
    ...(stored ? {} : { requestBody: payloadBody }),
    responses,
  };
}

function outputPaths(): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const { path, kind, format } of outputAddresses()) paths[`/v1/render/${path}`] = { post: outputOperation(kind, format, false) };
  for (const { path, kind, format } of outputAddresses()) paths[`/v1/reports/{ref}/${path}`] = { get: outputOperation(kind, format, true) };
  return paths;
}

/** Builds the document afresh (tests compare two builds); the route serves openApiJson(). */
export function buildOpenApiDocument() {
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'juesuan 部门决算公开渲染服务',
        version: RENDERER_VERSION,
        description: [
          `输入一份决算数据（JSON），校验格式与勾稽关系，输出九张公开表、情况说明（含图）和名词解释：${Object.values(FORMATS)
            .map((f) => f.label)
            .join('、')}。`,
          `数据格式：GET /v1/schema.json（JSON Schema，版本 ${SCHEMA_VERSION}）。所有错误都是 application/problem+json（RFC 9457），有稳定的 type、中文 title / detail，并列出出错的路径。`,
          '只有发布报告需要令牌（Bearer）。其他请求方法返回 405（带 Allow）；不接受的查询参数返回 400。',
        ].join('\n\n'),
      },
      tags: [
        { name: '数据校验', description: '格式与勾稽关系' },
        { name: '即时渲染', description: '数据放在请求体中，不保存' },
        { name: '已发布报告', description: '发布后按内容标识或别名读取，可缓存' },
        { name: '站点', description: '网页与说明文档' },
      ],
      paths: {
        '/v1/validate': {
          post: {
            tags: ['数据校验'],
            operationId: 'validate',
            summary: '校验数据：格式与勾稽关系',
            description: `只有警告时 200；格式错误或勾稽错误 422。${noQuery}`,
            requestBody: payloadBody,
            responses: {
              200: { description: '通过（可有警告）', content: { 'application/json': { schema: ValidateAnswer } } },
              ...BODY_PROBLEMS,
            },
          },
        },
        '/v1/schema.json': {
          get: {
            tags: ['数据校验'],
            operationId: 'payload-schema',
            summary: '数据格式（JSON Schema 2020-12）',
            responses: {
              200: { description: '请求体的 JSON Schema', content: { 'application/schema+json': { schema: { type: 'object' } } } },
              400: PROBLEMS.badParameter,
            },
          },
        },
        '/v1/template-sets': {
          get: {
            tags: ['数据校验'],
            operationId: 'template-sets',
            summary: '可用的表式模板集（数据的 templateSet）',
            responses: {
              200: { description: '模板集：表号、表名、各部分', content: { 'application/json': { schema: TemplateSets } } },
              400: PROBLEMS.badParameter,
            },
          },
        },
        '/v1/openapi.json': {
          get: {
            tags: ['站点'],
            operationId: 'openapi',
            summary: '本文档（OpenAPI 3.1）',
            responses: {
              200: { description: 'OpenAPI 3.1 文档', content: { 'application/json': { schema: { type: 'object' } } } },
              400: PROBLEMS.badParameter,
            },
          },
        },
        '/v1/reports': {
          post: {
            tags: ['已发布报告'],
            operationId: 'publish',
            summary: '发布报告（需要令牌）',
            description:
              '按内容标识永久保存，不可覆盖；别名 {slug}-{fiscalYear} 指向最新版本。勾稽关系有错误时 422，不发布。',
            security: [{ bearer: [] }],
            requestBody: payloadBody,
            responses: {
              200: { description: '同样的内容已经发布过', content: { 'application/json': { schema: PublishAnswer } } },
              201: {
                description: '已发布',
                headers: z.object({ location: z.url().meta({ description: '按内容标识的地址' }) }),
                content: { 'application/json': { schema: PublishAnswer } },
              },
              401: PROBLEMS.unauthorized,
              ...BODY_PROBLEMS,
            },
          },
          get: {
            tags: ['已发布报告'],
            operationId: 'list-reports',
            summary: '已发布的报告',
            responses: {
              200: { description: '每个别名一条', content: { 'application/json': { schema: ReportList } } },
              400: PROBLEMS.badParameter,
            },
          },
        },
        '/v1/reports/{ref}': {
          get: {
            tags: ['已发布报告'],
            operationId: 'report-payload',
            summary: '已发布报告的数据（原样）',
            requestParams: { path: z.object({ ref: refParam }) },
            responses: {
              200: {
                description: '发布时提交的数据',
                headers: z.object({ etag: z.string(), 'x-content-id': contentIdHeader }),
                content: { 'application/json': { schema: PAYLOAD_REF } },
              },
              304: { description: 'If-None-Match 与 ETag 相同：未变化' },
              400: PROBLEMS.badParameter,
              404: PROBLEMS.notFound,
            },
          },
        },
        '/v1/reports/{ref}/outputs.json': {
          get: {
            tags: ['已发布报告'],
            operationId: 'report-outputs',
            summary: '已发布报告提供的输出地址，以及不提供的输出和原因',
            description: `与发布结果中的 urls 相同：只列出服务提供的输出；超过表格图片上限的 PNG、SVG 列在 refused 中，并说明原因。${noQuery}`,
            requestParams: { path: z.object({ ref: refParam }) },
            responses: {
              200: {
                description: '输出地址',
                headers: z.object({ 'x-content-id': contentIdHeader }),
                content: { 'application/json': { schema: OutputUrls } },
              },
              400: PROBLEMS.badParameter,
              404: PROBLEMS.notFound,
            },
          },
        },
        ...outputPaths(),
        '/': {
          get: {
            tags: ['站点'],
            operationId: 'index',
            summary: '已发布报告的目录页，链接每种输出',
            responses: { 200: html('目录页'), 400: PROBLEMS.badParameter },
          },
        },
        [API_DOCS_PATH]: {
          get: {
            tags: ['站点'],
            operationId: 'api-reference',
            summary: '接口说明页（Swagger UI，读取本文档，离线可用）',
            responses: { 200: html('接口说明页') },
          },
        },
        [`${API_DOCS_PATH}/{file}`]: {
          get: {
            tags: ['站点'],
            operationId: 'api-reference-asset',
            summary: '接口说明页用到的静态文件（脚本、样式）',
            requestParams: { path: z.object({ file: z.string().meta({ example: 'swagger-ui.css' }) }) },
            responses: {
              200: { description: '文件', content: { 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } } },
              404: PROBLEMS.notFound,
            },
          },
        },
        '/workbench': {
          get: {
            tags: ['站点'],
            operationId: 'workbench',
            summary: '工作台：拖入数据或工作簿，看校验结果、预览、修改、发布',
            responses: { 200: html('工作台页面'), 404: PROBLEMS.notFound },
          },
        },
        '/workbench/embed': {
          get: {
            tags: ['站点'],
            operationId: 'workbench-embed',
            summary: '嵌入与下载：已发布报告每张表、每幅图的嵌入代码和图片地址',
            description: '页面在浏览器中读取 ?report={别名或内容标识}。',
            responses: { 200: html('嵌入与下载页面'), 404: PROBLEMS.notFound },
          },
        },
        '/workbench/{file}': {
          get: {
            tags: ['站点'],
            operationId: 'workbench-asset',
            summary: '工作台用到的脚本和样式',
            requestParams: { path: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]+\.(?:js|css)$/).meta({ example: 'workbench.js' }) }) },
            responses: {
              200: { description: '文件', content: { 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } } },
              400: PROBLEMS.badParameter,
              404: PROBLEMS.notFound,
            },
          },
        },
        '/favicon.ico': {
          get: {
            tags: ['站点'],
            operationId: 'favicon',
            summary: '站点图标（SVG）',
            responses: { 200: { description: '图标', content: { 'image/svg+xml': { schema: { type: 'string' } } } } },
          },
        },
        '/robots.txt': {
          get: {
            tags: ['站点'],
            operationId: 'robots',
            summary: '搜索引擎规则',
            responses: { 200: { description: 'robots.txt', content: { 'text/plain': { schema: { type: 'string' } } } } },
          },
        },
      },
      components: {
        schemas: { Payload, Problem, Finding, AcknowledgedFinding },
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: '发布令牌：部署时的 API_TOKENS 密钥之一（至少 16 个字符）' },
        },
        examples: PROBLEM_EXAMPLES,
      },
    },
    {
      // Query parameters arrive as text and are parsed to numbers (width=1200): describe the number
      // and its range, which is what a client has to respect, not the digits pattern that reads it.
      override: ({ jsonSchema, zodSchema }) => {
        // zod leaves out a `default` given in .meta() on transformed schemas: keep what the route applies.
        const fallback = z.globalRegistry.get(zodSchema)?.default;
        if (fallback !== undefined) jsonSchema.default = fallback;
        const def = zodSchema._zod.def as { type: string; in?: z.ZodType; out?: z.ZodType };
        if (def.type !== 'pipe' || !def.in || !def.out || def.out._zod.def.type !== 'number') return;
        let source = def.in;
        while (source._zod.def.type === 'pipe') source = (source._zod.def as unknown as { in: z.ZodType }).in;
        if (source._zod.def.type !== 'string') return;
        const { $schema: _, ...number } = z.toJSONSchema(def.out);
        delete jsonSchema.pattern;
        Object.assign(jsonSchema, number);
      },
    },
  );
}

let text: string | undefined;

/**
 * The document as served, the same bytes every time. The Worker does not call this: it serves the
 * file scripts/gen-openapi.mjs writes from it (public/v1/openapi.json), so zod-openapi stays out
 * of the bundle; tests compare that file and the served bytes with this.
 */
export function openApiJson(): string {
  text ??= JSON.stringify(buildOpenApiDocument(), null, 2);
  return text;
}

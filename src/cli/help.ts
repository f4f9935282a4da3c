/** Usage texts: Chinese first (the users), English alongside (the engineers who wire up CI). */
import { LIMITS } from '../render/figures/params';
import { ALL_FORMATS, OUTPUT_FORMATS, PAGE_KINDS } from '../render/formats';

export const MAIN_HELP = `juesuan — 部门决算公开：校验、渲染、发布（final-accounts disclosures: check, render, publish）

用法 usage:
  juesuan check   <payload.json | 文件夹 folder>… [--json] [--strict]
  juesuan render  <payload.json | 文件夹 folder>… --out <dir> [选项 options]
  juesuan publish <payload.json | 文件夹 folder>… --url <worker> [--token <token>]
  juesuan import  <workbook.xlsx | .xls> [--template-set ID] [--out payload.json]
  juesuan <command> --help      各命令的详细说明（details of a command）
  juesuan --version             版本（CLI and renderer version）

退出码 exit codes:
  0  全部通过 / 全部完成（all clean; warnings allowed）
  1  勾稽校验有错误（audit errors; warnings too with check --strict）
  1  （import）有单元格未能导入（some workbook cells could not be placed）
  2  输入无效：文件不存在、JSON 错误、格式错误、不是工作簿、选项错误（invalid input or options）
  3  内部错误：渲染失败、服务不可用（renderer failure, service unreachable or 5xx）
`;

export const CHECK_HELP = `juesuan check <payload.json | 文件夹 folder>… [--json] [--strict]

校验数据格式并核对勾稽关系，不渲染。文件夹：其中所有 *.json（不含子文件夹），按文件名排序。
Validates and audits payloads without rendering. A folder means every *.json directly inside it, sorted.

选项 options:
  --json     输出一个 JSON 对象（machine-readable result on stdout）
  --strict   有警告也视为未通过（exit 1 on warnings too）
  -h, --help

退出码 exit codes: 0 通过（可有警告）· 1 有错误（--strict：或有警告）· 2 文件无法读取、JSON 或格式错误
`;

export const RENDER_HELP = `juesuan render <payload.json | 文件夹 folder>… --out <dir> [选项 options]

把每份数据渲染成静态网站：<dir>/<别名>/ 下有 ${PAGE_KINDS.flatMap((kind) => OUTPUT_FORMATS[kind].map((f) => `${kind}.${f}`)).join('、')}、
tables/NN.{${OUTPUT_FORMATS.table.join(',')}}、figures/N.{${OUTPUT_FORMATS.figure.join(',')}} 和 payload.json；<dir>/index.html 列出全部报告，
workbook.xlsx 是全部表格的 Excel 工作簿（每表一页）。<dir>/manifest.json 记录每个文件的大小和 SHA-256。文件与服务 GET /v1/reports/{id}/… 的响应逐字节相同。
审核有错误的数据跳过并报告，其余照常渲染。内容、渲染器版本和选项都未变、文件完好的报告不会重新渲染。
Renders a static site; byte-identical to the Worker's GET /v1/reports/{id}/… responses. Payloads with audit
errors are skipped and reported; unchanged reports (same content id, renderer and options, files intact) are skipped.

选项 options（与 HTTP 查询参数相同 — same as the HTTP query parameters）:
  -o, --out <dir>            输出文件夹（required）
  --formats <list>           只输出这些格式，逗号分隔：${ALL_FORMATS.join(',')}（默认全部 default all）
  --theme auto|light|dark    配色（default auto）
  --width <${LIMITS.minSize}-${LIMITS.maxSize}>         图、表图片宽度，像素（figure/table image width, default 800）
  --height <${LIMITS.minSize}-${LIMITS.maxSize}>        图片高度，像素（figures default 500; table images grow with their rows unless given）
  --scale <${LIMITS.minScale}-${LIMITS.maxScale}>              PNG 像素倍数（PNG pixel ratio, default 1）
  --background white|transparent
  --force                    全部重新渲染（re-render even unchanged reports）
  -j, --jobs <n>             并行线程数（worker threads; default: CPU count; 1 = no threads）
  --json                     结束时输出一个 JSON 对象（machine-readable result on stdout）
  -h, --help

进度写到 stderr：终端上是一行进度条，否则每份报告一行。
Progress goes to stderr: a bar on a terminal, one line per report otherwise.

退出码 exit codes: 0 全部完成 · 1 有数据未通过审核（其余已渲染）· 2 输入或选项无效 · 3 渲染失败
`;

export const PUBLISH_HELP = `juesuan publish <payload.json | 文件夹 folder>… --url <worker> [--token <token>] [--json]

把每份数据 POST 到服务的 /v1/reports 发布，打印内容标识、别名和文档地址。
POSTs each payload to <worker>/v1/reports and prints its id, alias and document URL.

选项 options:
  --url <url>        服务地址，如 https://juesuan.example.workers.dev（or env JUESUAN_URL）
  --token <token>    发布令牌（or env JUESUAN_TOKEN — preferred: command lines are visible to other users）
  --json             输出一个 JSON 对象
  -h, --help

退出码 exit codes: 0 全部发布 · 1 有数据未通过审核（422 audit-failed）· 2 输入无效、令牌无效或其他 4xx · 3 无法连接或 5xx
`;

export const IMPORT_HELP = `juesuan import <workbook.xlsx | .xls> [--template-set ID] [--out payload.json]

把决算软件导出的公开表工作簿（每张表一个工作表：标题、编制单位/单位、多行合并表头、栏次、
类/款/项 或合并的科目编码、数字或带千分位的文字金额；万元或元）读成数据文件。按模板集中各表的
标题、项目和栏目名称识别工作表和列，与工作表的顺序、名称和列的位置无关。
数据写到 stdout（或 --out 指定的文件）；报告写到 stderr：每张工作表识别成哪张表、未能导入的单元格
（工作表、单元格、原因）、工作簿中没有而数据文件需要补充的内容（职责、原因、年初预算……，带 JSON 路径）。
Reads a workbook of the disclosure tables (as 决算 software exports them) into a payload: JSON on stdout
(or --out), a report on stderr — which sheet is which table, cells that could not be placed, what the
payload still needs. Sheets and columns are recognised by the template set's titles and header words.

选项 options:
  --template-set <ID>   工作簿的表式（默认：自动选择识别最多的模板集 default: the set that fits best）
  -o, --out <file>      写入文件而不是 stdout（write the payload to a file）
  -h, --help

退出码 exit codes: 0 全部单元格已导入 · 1 有单元格未能导入（数据仍已写出）· 2 文件不存在、无法读取、不是工作簿、
没有可识别的表或选项错误
`;

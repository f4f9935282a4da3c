/**
 * The workbench: load a payload (JSON) or a workbook, check it (POST /v1/validate), point each
 * finding at its cell in the preview (cells carry data-path, the payload's JSON pointer), preview
 * the document, a table or a figure (POST /v1/render/…), edit the JSON and check again, publish
 * with a token (POST /v1/reports). Everything the user reads is Chinese.
 */
import { $, ApiError, type Finding, h, postJson, problemOf, request, type SchemaProblem, saveBlob } from './common';
import { cellsFor } from './cells';
import { lineColumn, locatePointer, syntaxErrorOffset } from './json-locate';
import type { WorkbookImport } from './workbook';

const MAX_JSON_BYTES = 1024 * 1024;
const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

const editor = $('json') as HTMLTextAreaElement;
const frame = $('frame') as HTMLIFrameElement;
const viewSelect = $('view') as HTMLSelectElement;
const statusBox = $('status');
const findingsList = $('findings');
const summary = $('summary');
const previewNote = $('preview-note');
const draft = $('draft');

interface Source {
  name: string;
  workbook?: WorkbookImport;
}

/** What the last check found, for the text it checked. */
interface Checked {
  text: string;
  findings: Finding[];
  /** The text the preview renders: the payload, with its errors acknowledged for the draft preview. */
  previewText: string | null;
}

let source: Source | null = null;
let checked: Checked | null = null;
/** Rendered previews of the current check, by view ("document", "table:05", "figure:3"). */
const previews = new Map<string, string>();
let currentView = 'document';
let generation = 0;

// ---------------------------------------------------------------- status and messages

function showStatus(kind: 'error' | 'ok' | 'busy' | null, text = ''): void {
  statusBox.hidden = kind === null;
  statusBox.className = `status ${kind ?? ''}`;
  statusBox.textContent = text;
}

// ---------------------------------------------------------------- loading files

function isWorkbookBytes(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

async function loadFile(file: File): Promise<void> {
  const lower = file.name.toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const workbookName = lower.endsWith('.xlsx') || lower.endsWith('.xls');
  if (isWorkbookBytes(bytes) || workbookName) {
    await loadWorkbook(file.name, bytes);
    return;
  }
  if (!lower.endsWith('.json') && file.type !== 'application/json' && file.type !== '') {
    showStatus('error', `不支持“${file.name}”这种文件。请拖入决算数据（.json）或决算报表（.xlsx、.xls）。`);
    return;
  }
  if (bytes.byteLength > MAX_JSON_BYTES) {
    showStatus('error', `“${file.name}”超过 1 MiB，服务不接受这么大的数据。`);
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    showStatus('error', `“${file.name}”不是 UTF-8 编码的文本，也不是 .xlsx 或 .xls 工作簿，无法读取。`);
    return;
  }
  source = { name: file.name };
  $('workbook').hidden = true;
  $('source').textContent = `已载入决算数据：${file.name}`;
  // Pretty-printed when it parses, so findings can be found in it line by line; as typed when not.
  try {
    text = JSON.stringify(JSON.parse(text), null, 2);
  } catch {}
  editor.value = text;
  dirty = true;
  await check();
}

async function loadWorkbook(name: string, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
    showStatus('error', `“${name}”超过 20 MiB，不像一份决算报表。`);
    return;
  }
  showStatus('busy', `正在读取工作簿“${name}”…`);
  let result: WorkbookImport;
  try {
    const { readWorkbook } = await import('./workbook');
    result = readWorkbook(bytes);
  } catch (error) {
    // The reader's own errors are Chinese sentences; anything else is a damaged file.
    const why = error instanceof Error && error.name === 'WorkbookError' ? error.message : '文件已损坏，或不是 .xlsx、.xls 格式的工作簿。请在 Excel 或 WPS 中另存为 .xlsx 后再试。';
    showStatus('error', `无法读取工作簿“${name}”：${why}`);
    return;
  }
  // The figures come from the workbook; what a workbook does not hold (职责, reasons, 公开日期 …) is
  // kept from the payload already in the editor, if there is one.
  let payload = result.payload;
  let kept = false;
  try {
    const current = JSON.parse(editor.value) as unknown;
    if (isObject(current) && isObject(payload)) {
      payload = mergeWorkbook(current, payload);
      kept = true;
    }
  } catch {}
  source = { name, workbook: result };
  $('source').textContent = kept
    ? `已载入决算报表：${name}（表格数据来自工作簿，其余内容沿用数据框中原有的数据）`
    : `已载入决算报表：${name}`;
  editor.value = JSON.stringify(payload, null, 2);
  dirty = true;
  showWorkbook(name, result, payload);
  await check();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The workbook's tables (and the meta it read) over the payload being edited; the rest stays. */
function mergeWorkbook(current: Record<string, unknown>, imported: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(imported)) {
    merged[key] = isObject(value) && isObject(current[key]) && key !== 'tables' ? { ...current[key], ...value } : value;
  }
  if (isObject(imported.tables) && isObject(current.tables)) merged.tables = { ...current.tables, ...imported.tables };
  return merged;
}

/** The value at a JSON pointer, or undefined. */
function at(value: unknown, pointer: string): unknown {
  let node = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function showWorkbook(name: string, result: WorkbookImport, payload: unknown): void {
  const body = $('workbook-body');
  body.replaceChildren();
  const recognised = result.sheets.filter((s) => s.table);
  const other = result.sheets.filter((s) => !s.table);
  body.append(
    h('p', {}, `“${name}”共 ${result.sheets.length} 个工作表，识别出 ${recognised.length} 张公开表：`),
    h('ul', { class: 'wb-list' }, ...recognised.map((s) => h('li', {}, `工作表“${s.name}” → ${s.title ? s.title : `表 ${s.table}`}`))),
  );
  if (other.length) body.append(h('p', { class: 'hint' }, `未识别的工作表：${other.map((s) => `“${s.name}”`).join('、')}`));
  if (result.unplaced.length) {
    body.append(
      h('p', {}, `有 ${result.unplaced.length} 个单元格无法归入数据：`),
      h('ul', { class: 'wb-list' }, ...result.unplaced.slice(0, 50).map((u) => h('li', {}, h('span', { class: 'mono' }, `${u.sheet}!${u.cell}`), `：${u.reason}`))),
    );
  }
  if (result.notes?.length) {
    body.append(
      h('p', {}, '读取时的处理：'),
      h('ul', { class: 'wb-list' }, ...result.notes.map((n) => h('li', {}, n.sheet ? h('span', { class: 'mono' }, `${n.sheet}${n.cell ? `!${n.cell}` : ''}`) : null, n.sheet ? '：' : null, n.message))),
    );
  }
  const missing = result.missing.filter((m) => at(payload, m.path) === undefined);
  if (missing.length) {
    body.append(
      h('p', {}, `工作簿中没有、需要在数据中补充的内容（${missing.length} 项）：`),
      h('ul', { class: 'wb-list' }, ...missing.map((m) => h('li', {}, `${m.reason} `, h('code', {}, m.path)))),
    );
  }
  $('workbook').hidden = false;
}

// ---------------------------------------------------------------- checking

/** The workbook cell a finding's pointers came from, if the data was read from a workbook. */
function workbookCell(paths: string[]): string | null {
  const sources = source?.workbook?.sources;
  if (!sources) return null;
  for (const path of paths) {
    const cell = Object.hasOwn(sources, path) ? sources[path] : undefined;
    if (cell) return `工作表“${cell.sheet}”${cell.cell} 单元格`;
  }
  return null;
}

function parseEditor(): { ok: true; value: unknown } | { ok: false } {
  const text = editor.value;
  if (text.trim() === '') {
    showStatus('error', '数据框是空的：请先载入文件，或粘贴决算数据（JSON）。');
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const offset = syntaxErrorOffset(text, error as Error);
    if (offset === null) {
      showStatus('error', '数据不是合法的 JSON，请检查括号、引号和逗号。');
    } else {
      const { line, column } = lineColumn(text, offset);
      showStatus('error', `数据不是合法的 JSON：第 ${line} 行第 ${column} 列附近有错误（常见原因：少了逗号或引号，多了结尾的逗号）。已在数据框中选中该处。`);
      selectInEditor(offset, Math.min(text.length, offset + 1));
    }
    return { ok: false };
  }
}

async function check(): Promise<void> {
  const parsed = parseEditor();
  if (!parsed.ok) {
    clearFindings();
    return;
  }
  const text = editor.value;
  const run = ++generation;
  showStatus('busy', '正在检查勾稽关系…');
  let findings: Finding[] = [];
  let acknowledged: Finding[] = [];
  let blocked = false;
  let total = 0;
  try {
    const response = await postJson('/v1/validate', text);
    const body = (await response.json()) as { findings: Finding[]; acknowledged?: Finding[]; findingCount?: number };
    findings = body.findings;
    acknowledged = body.acknowledged ?? [];
    total = body.findingCount ?? findings.length;
  } catch (error) {
    if (run !== generation) return;
    if (!(error instanceof ApiError)) throw error;
    const { problem, status } = error;
    if (status === 422 && problem.errors) {
      showSchemaErrors(problem.errors, problem.errorCount ?? problem.errors.length);
      const count = problem.errorCount ?? problem.errors.length;
      showStatus('error', `数据不符合格式要求：共 ${count} 处，已列在下面“检查结果”中，点击可定位到数据里的位置。\n改正后点“重新检查”。`);
      clearPreview('数据不符合格式要求，改正后才能预览。');
      checked = { text, findings: [], previewText: null };
      return;
    }
    if (status === 422 && problem.findings) {
      findings = problem.findings;
      acknowledged = problem.acknowledged ?? [];
      total = problem.findingCount ?? findings.length;
      blocked = true;
    } else {
      showStatus('error', error.message);
      clearFindings();
      return;
    }
  }
  if (run !== generation) return;
  const errors = findings.filter((f) => f.severity === 'error');
  showFindings(findings, acknowledged);
  if (total > findings.length) findingsList.append(h('li', { class: 'hint' }, `共 ${total} 条，只列出前 ${findings.length} 条（错误在前）；改正后重新检查可看到其余的。`));
  showStatus(
    errors.length ? 'error' : 'ok',
    errors.length
      ? `有 ${errors.length} 处错误，发布前须改正（或在 audit.acknowledged 中写明原因）。点击下面的结果可定位。`
      : findings.length
        ? `没有错误，${findings.length} 条提示可以再看看。`
        : '检查通过：没有错误和警告。',
  );
  // A payload with errors still previews, as a draft: its errors acknowledged in a copy sent to the renderer.
  const previewPayload = blocked ? acknowledgeForPreview(parsed.value, errors) : text;
  checked = { text, findings, previewText: previewPayload };
  draft.hidden = !blocked;
  draft.textContent = blocked
    ? `草稿预览：数据有 ${errors.length} 处错误尚未改正，预览暂按“已说明”渲染（文末数据说明会列出它们）。发布前须改正。`
    : '';
  previews.clear();
  await showView(currentView, true);
}

/** A copy of the payload with each error acknowledged, so the renderer draws it for the draft preview. */
function acknowledgeForPreview(payload: unknown, errors: Finding[]): string {
  const copy = structuredClone(payload) as { audit?: { acknowledged?: unknown[] } };
  const entries = errors
    .filter((f) => f.paths.length > 0)
    .map((f) => ({ rule: f.rule, path: f.paths[0], reason: '工作台草稿预览：此错误尚未改正' }));
  copy.audit = { ...(copy.audit ?? {}), acknowledged: [...(copy.audit?.acknowledged ?? []), ...entries] };
  return JSON.stringify(copy);
}

function clearFindings(): void {
  findingsList.replaceChildren();
  summary.replaceChildren();
  $('acknowledged-box').hidden = true;
}

function showSchemaErrors(errors: SchemaProblem[], total: number): void {
  clearFindings();
  summary.append(h('span', { class: 'n-error' }, `${total} 处格式错误`));
  for (const problem of errors) {
    const where = workbookCell([problem.path]);
    const item = h(
      'li',
      { class: 'schema' },
      h(
        'button',
        { type: 'button' },
        h('span', { class: 'sev' }, '格式'),
        problem.message,
        h('span', { class: 'where' }, where ? h('span', { class: 'cell' }, `${where} · `) : null, h('code', {}, problem.path || '（整份数据）')),
      ),
    );
    item.querySelector('button')!.addEventListener('click', () => {
      markActive(item);
      locateInEditor(problem.path);
    });
    findingsList.append(item);
  }
  if (total > errors.length) findingsList.append(h('li', { class: 'hint' }, `另有 ${total - errors.length} 处未列出。`));
}

function showFindings(findings: Finding[], acknowledged: Finding[]): void {
  clearFindings();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) summary.append(h('span', { class: 'n-ok' }, '通过'));
  if (errors) summary.append(h('span', { class: 'n-error' }, `${errors} 个错误`));
  if (errors && warnings) summary.append(' · ');
  if (warnings) summary.append(h('span', { class: 'n-warning' }, `${warnings} 个警告`));
  for (const finding of findings) findingsList.append(findingItem(finding));
  const box = $('acknowledged-box') as HTMLDetailsElement;
  box.hidden = acknowledged.length === 0;
  $('acknowledged-summary').textContent = `已说明原因、不阻止发布的 ${acknowledged.length} 项`;
  $('acknowledged').replaceChildren(...acknowledged.map((f) => findingItem(f, true)));
}

function findingItem(finding: Finding, ack = false): HTMLLIElement {
  const where = workbookCell(finding.paths);
  const item = h(
    'li',
    { class: ack ? 'ack' : finding.severity, 'data-rule': finding.rule },
    h(
      'button',
      { type: 'button', title: `规则 ${finding.rule}` },
      h('span', { class: 'sev' }, ack ? '已说明' : finding.severity === 'error' ? '错误' : '警告'),
      finding.message,
      ack && finding.reason ? h('span', { class: 'reason' }, `原因：${finding.reason}`) : null,
      h(
        'span',
        { class: 'where' },
        where ? h('span', { class: 'cell' }, `来自${where}`) : null,
        where ? ' · ' : null,
        h('code', {}, finding.paths[0] ?? ''),
        finding.paths.length > 1 ? ` 等 ${finding.paths.length} 处` : null,
      ),
    ),
  );
  item.querySelector('button')!.addEventListener('click', () => {
    markActive(item);
    void locate(finding.paths);
  });
  return item;
}

function markActive(item: HTMLElement): void {
  for (const el of document.querySelectorAll('.findings li.active')) el.classList.remove('active');
  item.classList.add('active');
}

// ---------------------------------------------------------------- pointing at cells

/** The preview's cells a finding points at: its amounts, else the amounts of the row or table it names. */
function frameCells(paths: string[]): HTMLElement[] {
  const doc = frame.contentDocument;
  if (!doc) return [];
  const byPath = new Map<string, HTMLElement[]>();
  for (const el of doc.querySelectorAll<HTMLElement>('[data-path]')) {
    // A paragraph names every payload value it prints, separated by spaces.
    for (const path of el.dataset.path!.split(/\s+/).filter(Boolean)) byPath.set(path, [...(byPath.get(path) ?? []), el]);
  }
  const match = cellsFor(byPath.keys(), paths);
  return match ? match.paths.flatMap((p) => byPath.get(p) ?? []) : [];
}

/** Scrolls the preview to the cells a finding names and marks them; else selects the place in the editor. */
async function locate(paths: string[]): Promise<void> {
  let cells = frameCells(paths);
  if (cells.length === 0 && currentView !== 'document' && checked?.previewText) {
    await showView('document');
    cells = frameCells(paths);
  }
  const doc = frame.contentDocument;
  for (const el of doc?.querySelectorAll('.wb-hit') ?? []) el.classList.remove('wb-hit', 'wb-first');
  if (cells.length === 0) {
    previewNote.textContent = '这一项在预览中没有对应的单元格或文字，已在数据框中选中它的位置。';
    locateInEditor(paths[0] ?? '');
    return;
  }
  for (const cell of cells) cell.classList.add('wb-hit');
  cells[0].classList.add('wb-first');
  cells[0].scrollIntoView({ block: 'center', inline: 'center' });
  const table = cells[0].closest('section[data-table]')?.getAttribute('data-table');
  const text = cells.every((c) => c.tagName !== 'TD' && c.tagName !== 'TH' && c.tagName !== 'TR');
  previewNote.textContent = text
    ? `已在预览中标出 ${cells.length} 处文字。`
    : `已在预览中标出${table ? `公开${table}表的` : ''} ${cells.length} 个单元格。`;
  const rect = frame.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > window.innerHeight) frame.scrollIntoView({ block: 'nearest' });
}

function selectInEditor(start: number, end: number): void {
  editor.focus({ preventScroll: true });
  editor.setSelectionRange(start, end);
  // Scroll the textarea so the selection's line is in view.
  const line = editor.value.slice(0, start).split('\n').length - 1;
  const lineHeight = Number.parseFloat(getComputedStyle(editor).lineHeight) || 18;
  editor.scrollTop = Math.max(0, line * lineHeight - editor.clientHeight / 3);
  editor.scrollIntoView({ block: 'nearest' });
}

function locateInEditor(pointer: string): void {
  const span = locatePointer(editor.value, pointer);
  if (!span) return;
  selectInEditor(span.start, span.end);
  if (span.pointer !== pointer) {
    previewNote.textContent = `数据中还没有 ${pointer}，已选中它应在的位置 ${span.pointer || '（整份数据）'}。`;
  }
}

// ---------------------------------------------------------------- preview

const HIGHLIGHT_CSS =
  '<style>.wb-hit{outline:3px solid #d93025!important;outline-offset:-3px;background:#fff1a8!important;color:#1b1b1b!important}' +
  '.wb-first{animation:wb-pulse 1s ease-out 2}@keyframes wb-pulse{50%{outline-color:#ff9a8f}}</style>';

function withHighlightCss(html: string): string {
  const at = html.indexOf('</head>');
  return at === -1 ? HIGHLIGHT_CSS + html : html.slice(0, at) + HIGHLIGHT_CSS + html.slice(at);
}

function clearPreview(note: string): void {
  previews.clear();
  frame.srcdoc = `<!doctype html><meta charset="utf-8"><body style="font:15px/1.6 sans-serif;color:#5b6673;padding:24px">${note.replace(/</g, '&lt;')}</body>`;
  viewSelect.disabled = true;
  draft.hidden = true;
}

function renderAddress(view: string): string {
  if (view === 'document') return '/v1/render/document.html';
  const [kind, id] = view.split(':');
  return kind === 'table' ? `/v1/render/tables/${encodeURIComponent(id)}.html` : `/v1/render/figures/${encodeURIComponent(id)}.svg`;
}

async function renderView(view: string, text: string): Promise<string> {
  const response = await postJson(renderAddress(view), text);
  const body = await response.text();
  if (view.startsWith('figure:')) {
    return `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;padding:16px;background:#fff}svg{display:block;max-width:100%;height:auto;margin:0 auto}</style></head><body>${body}</body></html>`;
  }
  return withHighlightCss(body);
}

/** Fills the view list from the rendered document: its tables and figures, as the template set numbers them. */
function fillViews(documentHtml: string): void {
  const doc = new DOMParser().parseFromString(documentHtml, 'text/html');
  const tables = [...doc.querySelectorAll('section[data-table]')].map((s) => {
    const no = s.getAttribute('data-table') ?? '';
    const title = s.querySelector('.cap-title')?.textContent ?? '';
    const label = s.querySelector('.cap-label')?.textContent ?? `表${no}`;
    return { value: `table:${no}`, label: `${label} ${title}` };
  });
  const figures = [...doc.querySelectorAll('figure[id^="figure-"]')]
    .map((f) => ({ id: f.id.slice('figure-'.length), caption: f.querySelector('figcaption')?.textContent ?? f.id }))
    .map((f) => ({ value: `figure:${f.id}`, label: f.caption }));
  const option = (o: { value: string; label: string }) => h('option', { value: o.value }, o.label);
  viewSelect.replaceChildren(h('option', { value: 'document' }, '完整文档'));
  if (tables.length) viewSelect.append(h('optgroup', { label: '公开表' }, ...tables.map(option)));
  if (figures.length) viewSelect.append(h('optgroup', { label: '图' }, ...figures.map(option)));
  viewSelect.value = [...viewSelect.options].some((o) => o.value === currentView) ? currentView : 'document';
  viewSelect.disabled = false;
}

function setFrame(html: string): Promise<void> {
  return new Promise((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.srcdoc = html;
  });
}

async function showView(view: string, refreshList = false): Promise<void> {
  const text = checked?.previewText;
  if (!text) return;
  const run = generation;
  previewNote.textContent = '正在渲染预览…';
  try {
    if (refreshList || !previews.has('document')) {
      const documentHtml = previews.get('document') ?? (await renderView('document', text));
      if (run !== generation) return;
      previews.set('document', documentHtml);
      fillViews(documentHtml);
    }
    if (![...viewSelect.options].some((o) => o.value === view)) view = 'document';
    let html = previews.get(view);
    if (!html) {
      html = await renderView(view, text);
      if (run !== generation) return;
      previews.set(view, html);
    }
    currentView = view;
    viewSelect.value = view;
    await setFrame(html);
    previewNote.textContent = '';
  } catch (error) {
    if (run !== generation) return;
    previewNote.textContent = '';
    clearPreview(`无法预览：${error instanceof ApiError ? error.message : String(error)}`);
  }
}

// ---------------------------------------------------------------- publishing

async function publish(event: Event): Promise<void> {
  event.preventDefault();
  const out = $('published');
  out.replaceChildren();
  const token = ($('token') as HTMLInputElement).value.trim();
  if (!token) {
    out.append(h('p', { class: 'status error' }, '请先填写发布口令（向管理员索取）。'));
    return;
  }
  if (!parseEditor().ok) return;
  const button = $('publish') as HTMLButtonElement;
  button.disabled = true;
  out.append(h('p', { class: 'hint' }, '正在发布…'));
  try {
    const response = await postJson('/v1/reports', editor.value, { authorization: `Bearer ${token}` });
    const body = (await response.json()) as {
      id: string;
      alias: string;
      created: boolean;
      versions: number;
      urls: { byAlias: { document: string; payload: string }; byId: { document: string } };
    };
    const embed = `/workbench/embed?report=${encodeURIComponent(body.alias)}`;
    dirty = false;
    out.replaceChildren(
      h('p', { class: 'status ok' }, body.created ? `已发布：${body.alias}（第 ${body.versions} 个版本）` : `与已发布的版本相同，未新增版本：${body.alias}`),
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: body.urls.byAlias.document, target: '_blank', rel: 'noopener' }, '完整文档'), '（别名地址，随新版本更新）'),
        h('li', {}, h('a', { href: embed, id: 'embed-link' }, '嵌入与下载'), '：门户嵌入代码、图片链接和下载'),
        h('li', {}, h('a', { href: body.urls.byId.document, target: '_blank', rel: 'noopener' }, '本版本的固定地址'), ` 内容标识 `, h('code', {}, body.id)),
        h('li', {}, h('a', { href: body.urls.byAlias.payload, target: '_blank', rel: 'noopener' }, '已发布的数据（JSON）')),
      ),
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const { status, problem } = error;
    const text =
      status === 401
        ? '发布口令不正确或已失效（401），未发布。请核对口令，或向管理员索取。'
        : status === 422 && problem.findings
          ? `数据还有 ${problem.findings.filter((f) => f.severity === 'error').length} 处错误，不能发布：请先按“检查结果”改正。`
          : status === 422
            ? '数据不符合格式要求，不能发布：请先按“检查结果”改正。'
            : `发布失败：${error.message}`;
    out.replaceChildren(h('p', { class: 'status error' }, text));
    if (status === 422) await check();
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- starting from a published report

/** Offers the published reports as a starting point: last year's texts, then this year's workbook over them. */
async function offerPublished(): Promise<void> {
  let reports: { alias: string; department: string; fiscalYear: number }[] = [];
  try {
    const response = await request('/v1/reports');
    if (!response.ok) return;
    reports = ((await response.json()) as { reports: typeof reports }).reports;
  } catch {
    return;
  }
  if (reports.length === 0) return;
  const select = $('published-reports') as HTMLSelectElement;
  select.append(...reports.map((r) => h('option', { value: r.alias }, `${r.fiscalYear} 年度 ${r.department}（${r.alias}）`)));
  $('start-from').hidden = false;
  select.addEventListener('change', async () => {
    const alias = select.value;
    if (!alias) return;
    if (dirty && !confirm('数据框中有未发布的修改，载入已发布的报告会替换它们。继续吗？')) {
      select.value = '';
      return;
    }
    showStatus('busy', `正在载入已发布的报告 ${alias}…`);
    const response = await request(`/v1/reports/${encodeURIComponent(alias)}`);
    if (!response.ok) {
      showStatus('error', (await problemOf(response)).message);
      return;
    }
    source = { name: `${alias}.json` };
    $('workbook').hidden = true;
    $('source').textContent = `已载入已发布的报告：${alias}（可再拖入今年的决算报表，替换其中的表格数据）`;
    editor.value = JSON.stringify(await response.json(), null, 2);
    dirty = false;
    select.value = '';
    await check();
  });
}

// ---------------------------------------------------------------- wiring

/** True when the editor holds changes not yet published (typed, or loaded from a file). */
let dirty = false;
editor.addEventListener('input', () => {
  dirty = true;
});
window.addEventListener('beforeunload', (event) => {
  if (dirty) event.preventDefault();
});

const drop = $('drop');
for (const type of ['dragenter', 'dragover']) {
  window.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
}
window.addEventListener('dragleave', (event) => {
  if (!(event as DragEvent).relatedTarget) drop.classList.remove('over');
});
window.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const file = (event as DragEvent).dataTransfer?.files[0];
  if (file) void loadFile(file);
});
$('file').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file) void loadFile(file);
  input.value = '';
});
$('check').addEventListener('click', () => void check());
editor.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    void check();
  }
});
viewSelect.addEventListener('change', () => void showView(viewSelect.value));
$('download').addEventListener('click', () => {
  let name = source?.name.replace(/\.(xlsx|xls|json)$/i, '') || 'payload';
  try {
    const meta = (JSON.parse(editor.value) as { meta?: { slug?: string; fiscalYear?: number } }).meta;
    if (meta?.slug && meta.fiscalYear) name = `${meta.slug}-${meta.fiscalYear}`;
  } catch {}
  saveBlob(new Blob([editor.value], { type: 'application/json' }), `${name}.json`);
});
$('publish-form').addEventListener('submit', (event) => void publish(event));
clearPreview('载入决算数据或决算报表后，这里显示公开文档、各张公开表和图的预览。');
void offerPublished();

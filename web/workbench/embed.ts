/**
 * Embed and download, for one published report (/workbench/embed?report={alias or id}): per table
 * and figure the iframe (or picture) snippet with the host script, image URLs with size, scale,
 * theme and background, a live preview, copy buttons and one-click downloads — including a PNG for
 * print at 300 dpi. Images the Worker refuses (outputs.json `refused`: tables over the image work
 * bounds) are not offered; the view says why and keeps the table's embed snippet and data downloads.
 */
import { EMBED_HOST_SNIPPET } from '../../src/render/html/embed';
import { $, ApiError, copyText, flashCopied, h, problemOf, request, saveBlob } from './common';
import { pngWithDpi } from './png-dpi';
import { imageOffer, refusalNote, refusalsOf, type ImageOffer, type Refusal } from './refused';

/** The image limits of the renderer (src/render/figures/params.ts LIMITS), checked here before asking. */
const LIMITS = { minSize: 200, maxSize: 4000, minScale: 1, maxScale: 4, maxPixels: 6_500_000 };
const DEFAULT = { width: 800, height: 500 };
/** Print: the 版心 of an A4 government document is 156 mm wide (GB/T 9704); 156 mm at 300 dpi ≈ 1843 px. */
const PRINT = { dpi: 300, scale: 2.3 };

interface Item {
  kind: 'table' | 'figure';
  id: string;
  /** "公开05表 一般公共预算财政拨款支出决算表" or "图3：支出决算结构". */
  title: string;
  /** The file name stem for downloads. */
  stem: string;
  /** The image formats the Worker serves for it, and why not the others. */
  images: ImageOffer;
}

interface ImageSettings {
  format: 'png' | 'svg';
  width: number;
  height: number;
  scale: number;
  theme: 'light' | 'dark';
  background: 'white' | 'transparent';
  preset: string;
}

const PRESETS: { id: string; label: string; settings: Partial<ImageSettings> }[] = [
  { id: 'web', label: '网页', settings: { format: 'png', width: 800, height: 500, scale: 1 } },
  { id: 'retina', label: '高清屏（2 倍）', settings: { format: 'png', width: 800, height: 500, scale: 2 } },
  { id: 'print', label: '印刷 300 dpi', settings: { format: 'png', width: 800, height: 500, scale: PRINT.scale, theme: 'light', background: 'white' } },
  { id: 'social', label: '社交媒体 1200×675', settings: { format: 'png', width: 1200, height: 675, scale: 1 } },
  { id: 'vector', label: '矢量图 SVG', settings: { format: 'svg', width: 800, height: 500, scale: 1 } },
];

const params = new URLSearchParams(location.search);
const ref = params.get('report') ?? '';
const origin = location.origin;
let reportId = '';
let items: Item[] = [];
let useId = false;

const hostScript = EMBED_HOST_SNIPPET;

function base(): string {
  return `${origin}/v1/reports/${encodeURIComponent(useId && reportId ? reportId : ref)}`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function outputUrl(item: Item, format: string, query: Record<string, string | number | undefined> = {}): string {
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${base()}/${item.kind === 'table' ? 'tables' : 'figures'}/${item.id}.${format}${q ? `?${q}` : ''}`;
}

function imageQuery(item: Item, s: ImageSettings): Record<string, string | number | undefined> {
  return {
    width: s.width === DEFAULT.width ? undefined : s.width,
    // A table image grows with its rows: no height unless asked.
    height: item.kind === 'table' || s.height === DEFAULT.height ? undefined : s.height,
    scale: s.format === 'png' && s.scale !== 1 ? s.scale : undefined,
    theme: s.theme === 'light' ? undefined : s.theme,
    background: s.background === 'white' ? undefined : s.background,
  };
}

function embedSnippet(item: Item, theme: string, withScript: boolean): string {
  const title = escapeAttr(item.title);
  if (item.kind === 'table') {
    const src = outputUrl(item, 'html', { embed: 1, theme: theme === 'light' ? undefined : theme });
    const frame = `<iframe src="${escapeAttr(src)}" style="width:100%;border:0" scrolling="no" title="${title}"></iframe>`;
    return withScript ? `${frame}\n${hostScript}` : frame;
  }
  // A figure is an image: the portrait drawing on phones, the wide one elsewhere.
  const themeQuery = theme === 'dark' ? { theme: 'dark' } : {};
  const wide = outputUrl(item, 'svg', themeQuery);
  const narrow = outputUrl(item, 'svg', { layout: 'narrow', ...themeQuery });
  return `<picture>\n  <source media="(max-width: 819px)" srcset="${escapeAttr(narrow)}">\n  <img src="${escapeAttr(wide)}" alt="${title}" style="width:100%;height:auto">\n</picture>`;
}

// ---------------------------------------------------------------- loading the report

async function load(): Promise<void> {
  const status = $('status');
  if (!/^[A-Za-z0-9-]{1,120}$/.test(ref)) {
    status.className = 'status error';
    status.textContent = '地址中缺少报告标识：请从首页或发布结果中的“嵌入与下载”链接进入（如 /workbench/embed?report=wuhan-jianghan-cyzx-2024）。';
    return;
  }
  const response = await request(`/v1/reports/${encodeURIComponent(ref)}/document.html`);
  if (!response.ok) {
    const error = await problemOf(response);
    status.className = 'status error';
    status.textContent = response.status === 404 ? `没有找到报告“${ref}”：${error.problem.detail ?? ''}` : error.message;
    return;
  }
  reportId = response.headers.get('x-content-id') ?? '';
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const title = doc.querySelector('h1')?.textContent?.trim() || doc.title;
  // What the Worker serves of this version; an answer without the list (an older Worker) refuses nothing.
  let refused: Refusal[] = [];
  const outputs = await request(`/v1/reports/${encodeURIComponent(reportId || ref)}/outputs.json`);
  if (outputs.ok) refused = refusalsOf(await outputs.json());
  items = [
    ...[...doc.querySelectorAll('section[data-table]')].map((s): Item => {
      const no = s.getAttribute('data-table') ?? '';
      const label = s.querySelector('.cap-label')?.textContent?.trim() || `表${no}`;
      const caption = s.querySelector('.cap-title')?.textContent?.trim() ?? '';
      return { kind: 'table', id: no, title: `${label} ${caption}`, stem: `${label}-${caption}`, images: imageOffer(refused, 'table', no) };
    }),
    // In the document's order, which is the printed numbering (图6 may be figures/7.svg).
    ...[...doc.querySelectorAll('figure[id^="figure-"]')]
      .map((f): Item => {
        const id = f.id.slice('figure-'.length);
        const caption = f.querySelector('figcaption')?.textContent?.trim() || `图${id}`;
        return { kind: 'figure', id, title: caption, stem: caption.replace(/[：:]/, '-'), images: imageOffer(refused, 'figure', id) };
      }),
  ];
  document.title = `嵌入与下载 — ${title}`;
  $('report-title').textContent = title;
  $('report-meta').replaceChildren(
    '别名 ',
    h('code', {}, ref),
    reportId ? ' · 当前版本的内容标识 ' : '',
    reportId ? h('code', {}, reportId) : '',
    ' · ',
    h('a', { href: `/v1/reports/${encodeURIComponent(ref)}/document.html`, target: '_blank', rel: 'noopener' }, '查看完整文档'),
    ' · ',
    h('a', { href: `/v1/reports/${encodeURIComponent(ref)}/workbook.xlsx`, download: `${ref}.xlsx` }, '全部公开表（Excel）'),
  );
  const addressChoice = h(
    'label',
    { class: 'hint' },
    h('input', { type: 'checkbox', id: 'use-id' }),
    ' 使用固定版本地址（内容标识，发布新版本后仍显示这一版）；不勾选时用别名地址，始终显示最新版本',
  );
  $('report-meta').after(addressChoice);
  ($('use-id') as HTMLInputElement).addEventListener('change', (event) => {
    useId = (event.target as HTMLInputElement).checked;
    const current = items.find((i) => `${i.kind}:${i.id}` === selected);
    if (current) showItem(current);
  });
  ($('host-script') as HTMLTextAreaElement).value = hostScript;
  $('items').replaceChildren(
    ...items.map((item) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', 'data-item': `${item.kind}:${item.id}` },
          h('span', { class: 'kind' }, item.kind === 'table' ? '表' : '图'),
          item.title,
          item.images.formats.length ? null : h('span', { class: 'no-image' }, '无图片'),
        ),
      ),
    ),
  );
  for (const button of $('items').querySelectorAll('button')) {
    button.addEventListener('click', () => {
      const item = items.find((i) => `${i.kind}:${i.id}` === button.dataset.item);
      if (item) showItem(item);
    });
  }
  status.hidden = true;
  $('report').hidden = false;
  const wanted = params.get('item');
  showItem(items.find((i) => `${i.kind}:${i.id}` === wanted) ?? items[0]);
}

// ---------------------------------------------------------------- one table or figure

let selected = '';

function copyButton(label: string, get: () => string, field?: () => HTMLTextAreaElement | HTMLInputElement): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy' }, label);
  button.addEventListener('click', async () => flashCopied(button, await copyText(get(), field?.())));
  return button;
}

async function download(item: Item, s: ImageSettings, button: HTMLButtonElement, dpi?: number): Promise<void> {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = '正在生成…';
  try {
    const response = await request(outputUrl(item, s.format, imageQuery(item, s)));
    if (!response.ok) throw await problemOf(response);
    let blob = await response.blob();
    let suffix = s.format === 'png' && s.scale !== 1 ? `@${s.scale}x` : '';
    if (dpi && s.format === 'png') {
      blob = new Blob([pngWithDpi(new Uint8Array(await blob.arrayBuffer()), dpi) as BlobPart], { type: 'image/png' });
      suffix = `-${dpi}dpi`;
    }
    saveBlob(blob, `${item.stem}${suffix}.${s.format}`);
    button.textContent = '已下载 ✓';
  } catch (error) {
    button.textContent = label;
    alert(error instanceof ApiError ? `无法生成图片：${error.message}` : String(error));
    return;
  } finally {
    button.disabled = false;
  }
  setTimeout(() => {
    button.textContent = label;
  }, 2000);
}

function sizeNote(item: Item, s: ImageSettings): { text: string; ok: boolean } {
  const errors: string[] = [];
  for (const [name, value] of [['宽度', s.width], ['高度', s.height]] as const) {
    if (!Number.isInteger(value) || value < LIMITS.minSize || value > LIMITS.maxSize) errors.push(`${name}应为 ${LIMITS.minSize}–${LIMITS.maxSize} 的整数`);
  }
  if (!(s.scale >= LIMITS.minScale && s.scale <= LIMITS.maxScale) || !/^\d(\.\d{1,2})?$/.test(String(s.scale))) {
    errors.push(`倍率应为 ${LIMITS.minScale}–${LIMITS.maxScale}（最多两位小数）`);
  }
  if (errors.length) return { text: errors.join('；'), ok: false };
  if (s.format === 'svg') return { text: `矢量图，任意缩放不失真；设计尺寸 ${s.width}${item.kind === 'table' ? '' : ` × ${s.height}`} 像素。`, ok: true };
  const w = Math.round(s.width * s.scale);
  if (item.kind === 'table') {
    return { text: `宽 ${w} 像素，高度随表格行数；按 300 dpi 印刷宽约 ${((w / 300) * 2.54).toFixed(1)} 厘米。`, ok: true };
  }
  const hgt = Math.round(s.height * s.scale);
  if (w * hgt > LIMITS.maxPixels) return { text: `输出 ${w} × ${hgt} 像素，超过 ${LIMITS.maxPixels / 1e6} 百万像素的上限：请减小尺寸或倍率。`, ok: false };
  return { text: `输出 ${w} × ${hgt} 像素；按 300 dpi 印刷约 ${((w / 300) * 2.54).toFixed(1)} × ${((hgt / 300) * 2.54).toFixed(1)} 厘米。`, ok: true };
}

function showItem(item: Item): void {
  selected = `${item.kind}:${item.id}`;
  for (const button of $('items').querySelectorAll('button')) button.setAttribute('aria-current', String(button.dataset.item === selected));
  const panel = $('item');
  const offered = item.images.formats;
  const settings: ImageSettings = { format: offered[0] ?? 'png', width: DEFAULT.width, height: DEFAULT.height, scale: 1, theme: 'light', background: 'white', preset: 'web' };

  // Embed
  const themeSelect = h(
    'select',
    { id: 'embed-theme' },
    h('option', { value: 'light' }, '浅色（默认）'),
    h('option', { value: 'dark' }, '深色'),
    item.kind === 'table' ? h('option', { value: 'auto' }, '跟随访问者的系统') : null,
  );
  const snippet = h('textarea', { id: 'embed-code', readonly: true, rows: item.kind === 'table' ? '8' : '5', spellcheck: 'false' });
  const livePreview = h('div', { class: 'live', id: 'embed-live' });
  const updateEmbed = () => {
    const theme = themeSelect.value;
    snippet.value = embedSnippet(item, theme, item.kind === 'table');
    livePreview.innerHTML = embedSnippet(item, theme, false);
    // Drawn when scrolled to: each preview is a render on the server.
    for (const el of livePreview.querySelectorAll('img, iframe')) el.setAttribute('loading', 'lazy');
  };
  themeSelect.addEventListener('change', updateEmbed);
  const embedSection = h(
    'section',
    {},
    h('h4', {}, item.kind === 'table' ? '嵌入网页（iframe，高度自动适应）' : '嵌入网页（图片，手机上自动换竖版）'),
    h('div', { class: 'controls' }, h('label', {}, '主题 ', themeSelect)),
    h(
      'p',
      { class: 'hint' },
      item.kind === 'table'
        ? '复制下面的代码粘贴到门户页面。代码已含宿主脚本；同一页面放多个表时，宿主脚本只需保留一份。'
        : '复制下面的代码粘贴到门户页面，不需要宿主脚本。',
    ),
    snippet,
    h(
      'div',
      { class: 'row' },
      copyButton('复制嵌入代码', () => snippet.value, () => snippet),
      item.kind === 'table' ? copyButton('只复制 iframe', () => embedSnippet(item, themeSelect.value, false)) : null,
    ),
    h('p', { class: 'hint' }, '效果预览：'),
    livePreview,
  );

  // Image
  const quick = h('div', { class: 'quick' });
  const quickButton = (label: string, preset: string, dpi?: number) => {
    const button = h('button', { type: 'button', class: preset === 'print' ? 'primary' : '', 'data-download': preset }, label);
    button.addEventListener('click', () => {
      const s = { ...settings, ...PRESETS.find((p) => p.id === preset)!.settings };
      void download(item, s, button, dpi);
    });
    return button;
  };
  const png = offered.includes('png');
  quick.append(
    ...(png ? [quickButton('下载印刷用 PNG（300 dpi）', 'print', PRINT.dpi), quickButton('下载网页 PNG', 'web'), quickButton('下载高清 PNG（2 倍）', 'retina')] : []),
    ...(offered.includes('svg') ? [quickButton('下载 SVG', 'vector')] : []),
  );
  const num = (id: string, value: number, step: string, min: number, max: number) =>
    h('input', { type: 'number', id, value: String(value), step, min: String(min), max: String(max), inputmode: 'decimal' });
  const format = h('select', { id: 'img-format' }, ...offered.map((f) => h('option', { value: f }, f.toUpperCase())));
  const width = num('img-width', settings.width, '10', LIMITS.minSize, LIMITS.maxSize);
  const height = num('img-height', settings.height, '10', LIMITS.minSize, LIMITS.maxSize);
  const scale = num('img-scale', settings.scale, '0.1', LIMITS.minScale, LIMITS.maxScale);
  const theme = h('select', { id: 'img-theme' }, h('option', { value: 'light' }, '浅色'), h('option', { value: 'dark' }, '深色'));
  const background = h('select', { id: 'img-background' }, h('option', { value: 'white' }, '不透明'), h('option', { value: 'transparent' }, '透明'));
  const presets = h('div', { class: 'presets', role: 'group', 'aria-label': '预设' });
  const note = h('p', { class: 'size-note', id: 'img-note' });
  const url = h('input', { type: 'text', id: 'img-url', readonly: true, class: 'mono', style: 'width:100%' });
  const preview = h('div', { class: 'live', id: 'img-live' });
  let timer = 0;
  const readControls = () => {
    settings.format = format.value as ImageSettings['format'];
    settings.width = Number(width.value);
    settings.height = Number(height.value);
    settings.scale = Number(scale.value);
    settings.theme = theme.value as ImageSettings['theme'];
    settings.background = background.value as ImageSettings['background'];
  };
  const updateImage = () => {
    scale.disabled = settings.format === 'svg';
    height.disabled = item.kind === 'table';
    for (const b of presets.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.preset === settings.preset));
    const checkedSize = sizeNote(item, settings);
    note.textContent = checkedSize.text;
    note.classList.toggle('bad', !checkedSize.ok);
    url.value = checkedSize.ok ? outputUrl(item, settings.format, imageQuery(item, settings)) : '';
    clearTimeout(timer);
    if (!checkedSize.ok) return;
    // The live preview follows the settings after a pause in typing: each image is a render.
    timer = window.setTimeout(() => {
      const img = h('img', { src: url.value, alt: item.title, id: 'img-preview', loading: 'lazy' });
      img.addEventListener('error', () => preview.replaceChildren(h('p', { class: 'size-note bad' }, '无法生成这张图片：请检查尺寸和倍率。')));
      preview.replaceChildren(img);
    }, 350);
  };
  const setControls = () => {
    format.value = settings.format;
    width.value = String(settings.width);
    height.value = String(settings.height);
    scale.value = String(settings.scale);
    theme.value = settings.theme;
    background.value = settings.background;
  };
  for (const preset of PRESETS.filter((p) => offered.includes(p.settings.format ?? 'png'))) {
    const button = h('button', { type: 'button', 'data-preset': preset.id }, preset.label);
    button.addEventListener('click', () => {
      Object.assign(settings, { theme: 'light', background: 'white' }, preset.settings, { preset: preset.id });
      setControls();
      updateImage();
    });
    presets.append(button);
  }
  for (const control of [format, width, height, scale, theme, background]) {
    control.addEventListener('input', () => {
      readControls();
      settings.preset = '';
      updateImage();
    });
  }
  const customDownload = h('button', { type: 'button', id: 'img-download' }, '按当前设置下载');
  customDownload.addEventListener('click', () => {
    if (sizeNote(item, settings).ok) void download(item, { ...settings }, customDownload, settings.preset === 'print' ? PRINT.dpi : undefined);
  });
  // Why some or all images are not offered: the Worker's own reason (it would answer 422).
  const refusedText = refusalNote(item.kind, item.images);
  const refusal = refusedText ? h('p', { class: 'size-note bad', id: 'img-refused' }, refusedText) : null;
  const imageSection = offered.length
    ? h(
        'section',
        {},
        h('h4', {}, '图片下载'),
        refusal,
        quick,
        png ? h('p', { class: 'hint' }, `印刷用 PNG：宽 ${Math.round(DEFAULT.width * PRINT.scale)} 像素，文件中写明 300 dpi，插入 Word、WPS 即为约 15.6 厘米宽（A4 公文版心宽度）。`) : null,
        h('h4', {}, '自定义图片'),
        presets,
        h(
          'div',
          { class: 'controls' },
          h('label', {}, '格式 ', format),
          h('label', {}, '宽 ', width, ' 像素'),
          h('label', {}, '高 ', height, item.kind === 'table' ? ' 像素（表格自动）' : ' 像素'),
          h('label', {}, '倍率 ', scale),
          h('label', {}, '主题 ', theme),
          h('label', {}, '背景 ', background),
        ),
        note,
        h('label', { class: 'hint', for: 'img-url' }, '图片地址（可直接用于网页或新媒体稿件）'),
        url,
        h('div', { class: 'row' }, copyButton('复制图片地址', () => url.value, () => url), customDownload),
        preview,
      )
    : h(
        'section',
        {},
        h('h4', {}, '图片下载'),
        refusal,
        item.kind === 'table' ? h('p', { class: 'hint' }, '可以用上面的嵌入代码把整张表放进网页，或在下方下载 Excel、CSV、JSON。') : null,
      );
  const dataSection =
    item.kind === 'table'
      ? h(
          'section',
          {},
          h('h4', {}, '数据'),
          h(
            'div',
            { class: 'row' },
            h('a', { class: 'button', href: outputUrl(item, 'xlsx'), download: `${item.stem}.xlsx` }, '下载 Excel'),
            h('a', { class: 'button', href: outputUrl(item, 'csv'), download: `${item.stem}.csv` }, '下载 CSV'),
            h('a', { class: 'button', href: outputUrl(item, 'json'), target: '_blank', rel: 'noopener' }, 'JSON'),
            h('a', { class: 'button', href: outputUrl(item, 'html'), target: '_blank', rel: 'noopener' }, '单独打开网页'),
          ),
        )
      : null;

  panel.replaceChildren(h('h3', {}, item.title), embedSection, imageSection, ...(dataSection ? [dataSection] : []));
  updateEmbed();
  if (offered.length) updateImage();
}

// The page runs the same host script it hands out, so the live iframe preview grows like a portal's would.
const host = document.createElement('script');
host.textContent = hostScript.replace(/^<script>|<\/script>$/g, '');
document.body.append(host);

load().catch((error) => {
  const status = $('status');
  status.className = 'status error';
  status.textContent = error instanceof ApiError ? error.message : `页面出错：${String(error)}`;
});

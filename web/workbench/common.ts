/** What both pages share: talking to the API, its problem answers, small DOM helpers. */

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  paths: string[];
  expected?: string;
  actual?: string;
  reason?: string;
}

export interface SchemaProblem {
  path: string;
  message: string;
}

/** An RFC 9457 problem as the API writes it (Chinese title and detail, paths in errors/findings). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: SchemaProblem[];
  errorCount?: number;
  findings?: Finding[];
  findingCount?: number;
  acknowledged?: Finding[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problemText(status, problem));
  }
}

/** One Chinese sentence for an answer that is not what the page asked for. */
export function problemText(status: number, problem: Problem): string {
  const head = problem.title ?? `服务返回 ${status}`;
  return problem.detail ? `${head}：${problem.detail}` : head;
}

/** Reads a JSON (or problem+json) answer; a network failure becomes a Chinese message. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(0, { title: '无法连接渲染服务', detail: '请检查网络，或稍后重试。' });
  }
}

export async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    problem = { title: `服务返回 ${response.status}` };
  }
  return new ApiError(response.status, problem);
}

/** POST a payload to an API route; resolves to the response when it is 2xx, else throws ApiError. */
export async function postJson(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  if (!response.ok) throw await problemOf(response);
  return response;
}

export function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
}

/** Element builder: h('li', { class: 'x' }, 'text', child). Text is always text, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Copies text; falls back to selecting it where the clipboard API is not allowed (plain http). */
export async function copyText(text: string, source?: HTMLTextAreaElement | HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!source) return false;
    source.focus();
    source.select();
    return document.execCommand('copy');
  }
}

/** A copy button's feedback: "已复制" for two seconds. */
export function flashCopied(button: HTMLButtonElement, ok: boolean): void {
  const label = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = label;
  button.textContent = ok ? '已复制 ✓' : '请按 Ctrl+C 复制';
  setTimeout(() => {
    button.textContent = label;
  }, 2000);
}

/** Saves bytes as a file through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

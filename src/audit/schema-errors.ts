/**
 * Zod issues → problems a finance clerk can read: a JSON pointer and a Chinese message. Messages our
 * schema already writes in Chinese are kept; zod's English defaults are translated here rather than
 * through a global z.config(), which would change every other schema in the isolate.
 */
import type { z } from 'zod';

export interface Problem {
  /** JSON pointer of the offending field ("" is the whole payload). */
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字（字符串）',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  record: '对象',
  array: '数组',
  tuple: '数组',
  null: 'null',
  undefined: '空',
  date: '日期',
  map: '对象',
  set: '数组',
  nan: 'NaN',
  symbol: 'symbol',
  function: '函数',
  nonoptional: '非空值',
};

const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮件地址',
  url: '网址',
  uuid: 'UUID',
  date: '日期（YYYY-MM-DD）',
  datetime: '日期时间（ISO 8601）',
  time: '时间',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  regex: '规定格式',
};

const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * Our schema writes its own messages in Chinese; zod's defaults are English, though they may quote
 * Chinese values ("expected one of \"中央\"|…"), so quoted text does not count.
 */
function isOwnMessage(message: string): boolean {
  return HAS_CJK.test(message.replace(/"[^"]*"/g, ''));
}

/** Escapes one JSON pointer segment (RFC 6901). */
function segment(key: PropertyKey): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((k) => `/${segment(k)}`).join('');
}

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}

/**
 * Zod strips the input from finalised issues, so "missing" can only be read from the default
 * message ("… received undefined", or 实际接收 undefined under the zh-CN locale).
 */
function isMissing(issue: Issue): boolean {
  return issue.code === 'invalid_type' && /received undefined|实际接收 undefined/.test(issue.message);
}

function received(issue: Issue): string | undefined {
  const match = /received (\w+)$/.exec(issue.message);
  return match ? typeName(match[1]) : undefined;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : String(value);
}

function translate(issue: Issue): string {
  if (issue.code !== 'unrecognized_keys' && issue.code !== 'invalid_key' && isOwnMessage(issue.message)) {
    return issue.message;
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing(issue)) return '缺少必填字段';
      const got = received(issue);
      return `类型错误：应为${typeName(issue.expected)}${got ? `，实际为${got}` : ''}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `取值错误：应为 ${quote(issue.values[0])}`
        : `取值错误：应为以下之一：${issue.values.map(quote).join('、')}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `文字过长（最多 ${max} 字）`;
      if (issue.origin === 'array' || issue.origin === 'set') return `条目过多（最多 ${max} 项）`;
      return `数值过大（应${issue.inclusive ? '不大于' : '小于'} ${max}）`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return min === '1' ? '不能为空' : `文字过短（至少 ${min} 字）`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少需要 ${min} 项`;
      return `数值过小（应${issue.inclusive ? '不小于' : '大于'} ${min}）`;
    }
    case 'invalid_format':
      return `格式不正确：应为${FORMAT_NAMES[issue.format] ?? issue.format}`;
    case 'not_multiple_of':
      return `数值应为 ${issue.divisor} 的倍数`;
    case 'invalid_union': {
      const branches = issue.errors.map((branch) => branch[0]).filter((i): i is Issue => i !== undefined);
      if (branches.length > 0 && branches.every(isMissing)) return '缺少必填字段';
      if (branches.length > 0 && branches.every((i) => i.code === 'invalid_type')) {
        const expected = [...new Set(branches.map((i) => typeName((i as z.core.$ZodIssueInvalidType).expected)))];
        const got = received(branches[0]);
        return `类型错误：应为${expected.join('或')}${got ? `，实际为${got}` : ''}`;
      }
      return '内容不符合任何一种允许的格式';
    }
    case 'invalid_key': {
      const inner = issue.issues.find((i) => isOwnMessage(i.message));
      return inner ? `键名不正确：${inner.message}` : '键名不正确';
    }
    case 'invalid_element':
      return '包含不正确的值';
    case 'custom':
      return '内容不符合要求';
    default:
      return '内容不符合要求';
  }
}

/**
 * Flattens a ZodError into problems, one per issue (one per key for unknown keys, pointing at the key).
 * @example
 * zodIssuesToProblems(Payload.safeParse({ schemaVersion: 1, bogus: 1 }).error!)
 * // [{ path: '/bogus', message: '不允许的字段“bogus”' }, { path: '/meta', message: '缺少必填字段' }, …]
 */
export function zodIssuesToProblems(error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: toPointer([...issue.path, key]), message: `不允许的字段“${key}”` });
      }
      continue;
    }
    problems.push({ path: toPointer(issue.path), message: translate(issue) });
  }
  return problems;
}

/** At most this many problems are reported (the total is counted): a reply stays small whatever is sent. */
export const MAX_REPORTED_PROBLEMS = 100;
/** No array or object in a payload has more entries than this (the longest real list, table rows, has at most 2,000). */
export const MAX_ENTRIES = 2000;
/** Deeper than any real payload (about 8 levels): refused before the schema walks it. */
export const MAX_DEPTH = 32;
/** Keys that name JavaScript's object machinery: refused, never silently dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks the shape of raw JSON before the schema sees it, without recursion: arrays and objects of
 * more than MAX_ENTRIES entries, nesting deeper than MAX_DEPTH, and `__proto__` / `constructor` /
 * `prototype` keys. Each is a problem naming its path; a huge list gives one problem, not one per item.
 * @example structuralProblems({ a: { ['__proto__']: 1 } }) // [{ path: '/a/__proto__', message: '不允许的字段名“__proto__”…' }]
 */
export function structuralProblems(json: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: json, path: [] }];
  while (stack.length > 0 && problems.length < MAX_REPORTED_PROBLEMS) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      problems.push({ path: toPointer(path), message: `嵌套层级过深（最多 ${MAX_DEPTH} 层）` });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_ENTRIES) {
        problems.push({ path: toPointer(path), message: `条目过多：${value.length} 项，最多 ${MAX_ENTRIES} 项` });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_ENTRIES) {
      problems.push({ path: toPointer(path), message: `字段过多：${keys.length} 个，最多 ${MAX_ENTRIES} 个` });
      continue;
    }
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: toPointer([...path, key]), message: `不允许的字段名“${key}”` });
      }
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      if (!FORBIDDEN_KEYS.has(keys[i])) stack.push({ value: (value as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
    }
  }
  return problems;
}

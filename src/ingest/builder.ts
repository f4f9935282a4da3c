/**
 * The payload being read, one JSON pointer at a time, with the workbook cell each value came from.
 * A figure two sheets both give (a table read twice, or a view of another table) must agree:
 * the first is kept and a different second one is reported, never silently overwritten.
 */
import { formatAmount } from '../schema/money';

export interface Source {
  sheet: string;
  cell: string;
}

export class Builder {
  private readonly values = new Map<string, unknown>();
  private readonly cents = new Map<string, number>();
  readonly sources: Record<string, Source> = {};
  private readonly rows = new Map<string, Map<string, number>>();

  has(path: string): boolean {
    return this.values.has(path);
  }

  /** Sets a non-amount value (department, year …); the first one given wins. */
  setValue(path: string, value: unknown, source?: Source): void {
    if (this.values.has(path)) return;
    this.values.set(path, value);
    if (source) this.sources[path] = source;
  }

  /** Sets an amount; returns why not when another cell already gave a different one. */
  setAmount(path: string, cents: number, source: Source): string | null {
    const before = this.cents.get(path);
    if (before !== undefined) {
      if (before === cents) return null;
      const first = this.sources[path];
      return `与工作表“${first.sheet}”${first.cell} 中同一数字（${formatAmount(before)}）不一致，未导入`;
    }
    this.cents.set(path, cents);
    this.values.set(path, formatAmount(cents));
    this.sources[path] = source;
    return null;
  }

  /** The index of a 功能分类 row of a table (`base`: "/tables/expense"), created on first sight. */
  functionalRow(base: string, builtIn: boolean, code: string, name: string, source: Source): number {
    let index = this.rows.get(base);
    if (!index) {
      index = new Map();
      this.rows.set(base, index);
    }
    const known = index.get(code);
    if (known !== undefined) return known;
    const i = index.size;
    index.set(code, i);
    this.setValue(`${base}/rows/${i}/code`, code, source);
    if (name !== '' || builtIn) this.setValue(`${base}/rows/${i}/name`, name, source);
    if (!builtIn) this.values.set(`${base}/rows/${i}/values`, {});
    this.sources[`${base}/rows/${i}`] = source;
    return i;
  }

  /** The name a 功能分类 row was first given. */
  rowName(base: string, index: number): string | undefined {
    const name = this.values.get(`${base}/rows/${index}/name`);
    return typeof name === 'string' ? name : undefined;
  }

  /** Row count of a functional table read so far. */
  rowCount(base: string): number {
    return this.rows.get(base)?.size ?? 0;
  }

  /** Pointers of every amount read. */
  amountCount(): number {
    return this.cents.size;
  }

  build(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const [path, value] of this.values) {
      const keys = path
        .split('/')
        .slice(1)
        .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
      let node: Record<string, unknown> | unknown[] = root;
      keys.forEach((key, i) => {
        const last = i === keys.length - 1;
        const container = node as Record<string, unknown>;
        if (last) {
          if (value !== null && typeof value === 'object' && container[key] !== undefined) return;
          container[key] = value;
          return;
        }
        if (container[key] === undefined) container[key] = key === 'rows' && /^\d+$/.test(keys[i + 1]) ? [] : {};
        node = container[key] as Record<string, unknown>;
      });
    }
    return root;
  }
}

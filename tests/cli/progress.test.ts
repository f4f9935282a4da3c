import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress';

const stream = (isTTY: boolean, columns = 80) => {
  const chunks: string[] = [];
  return { chunks, isTTY, columns, write: (text: string) => chunks.push(text) };
};
const counts = (done: number) => ({ done, total: 2, files: done * 60, warnings: done, errors: 0 });

describe('progress', () => {
  it('on a terminal redraws one line with a bar, the counts and the current file', () => {
    const tty = stream(true);
    const progress = createProgress(tty, 2);
    progress.started('payloads/a.json');
    progress.finished('payloads/a.json', counts(1), '✔ a-2024', false);
    progress.started('payloads/b.json');
    progress.finished('payloads/b.json', counts(2), '✖ b-2024 渲染失败', true);
    progress.end();
    const text = tty.chunks.join('');
    expect(tty.chunks.every((c) => c.startsWith('\r\x1b[2K') || c.endsWith('\n'))).toBe(true);
    expect(text).not.toContain('✔ a-2024');
    expect(text).toContain('✖ b-2024 渲染失败\n');
    expect(text).toContain('██████████░░░░░░░░░░ 1/2 · 文件 60 · 警告 1 · 错误 0 payloads/b.json');
    expect(tty.chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('never writes a line wider than the terminal (CJK counted as two columns)', () => {
    const tty = stream(true, 40);
    const progress = createProgress(tty, 2);
    progress.started('payloads/一个很长很长很长很长的文件名.json');
    const drawn = tty.chunks[0].replace('\r\x1b[2K', '');
    const width = [...drawn].reduce((n, ch) => n + (/[\u1100-\uFFDC]/u.test(ch) && !/[█░·]/u.test(ch) ? 2 : 1), 0);
    expect(width).toBeLessThanOrEqual(39);
  });

  it('elsewhere prints one plain line per report', () => {
    const log = stream(false);
    const progress = createProgress(log, 2);
    progress.started('payloads/a.json');
    progress.finished('payloads/a.json', counts(1), '✔ a-2024', false);
    progress.finished('payloads/b.json', counts(2), '✔ b-2024', false);
    progress.end();
    expect(log.chunks.join('')).toBe('[1/2] ✔ a-2024\n[2/2] ✔ b-2024\n');
  });
});

/**
 * Progress of a render run on stderr: on a terminal one line redrawn in place (\r) with a bar,
 * the counts and the current file; elsewhere (CI logs, pipes) one plain line per report.
 */
import type { OutStream } from './io';

export interface ProgressCounts {
  done: number;
  total: number;
  files: number;
  warnings: number;
  errors: number;
}

export interface Progress {
  /** A report started: shown as the current file on a terminal. */
  started(label: string): void;
  /** A report finished: `line` is printed in line mode, and on a terminal only when `important`. */
  finished(label: string, counts: ProgressCounts, line: string, important: boolean): void;
  /** Clears the bar before the summary. */
  end(): void;
}

export function createProgress(stream: OutStream, total: number): Progress {
  if (stream.isTTY !== true) {
    const width = String(total).length;
    return {
      started() {},
      finished(_label, counts, line) {
        stream.write(`[${String(counts.done).padStart(width)}/${total}] ${line}\n`);
      },
      end() {},
    };
  }

  let counts: ProgressCounts = { done: 0, total, files: 0, warnings: 0, errors: 0 };
  const active: string[] = [];
  let drawn = false;
  const draw = () => {
    const size = 20;
    const filled = total === 0 ? size : Math.round((counts.done / total) * size);
    const current = active.length ? ` ${active[active.length - 1]}` : '';
    const text = `${'█'.repeat(filled)}${'░'.repeat(size - filled)} ${counts.done}/${total} · 文件 ${counts.files} · 警告 ${counts.warnings} · 错误 ${counts.errors}${current}`;
    // Cut to the terminal width (CJK characters take two columns) so the line never wraps:
    // a wrapped line cannot be redrawn with \r.
    const limit = Math.max(20, (stream.columns || 80) - 1);
    let shown = '';
    let used = 0;
    for (const ch of text) {
      const w = /[\u1100-\uFFDC]/u.test(ch) && !/[█░·]/u.test(ch) ? 2 : 1;
      if (used + w > limit) break;
      shown += ch;
      used += w;
    }
    stream.write(`\r\x1b[2K${shown}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    started(label) {
      active.push(label);
      draw();
    },
    finished(label, next, line, important) {
      counts = next;
      const index = active.indexOf(label);
      if (index >= 0) active.splice(index, 1);
      if (important) {
        clear();
        stream.write(`${line}\n`);
      }
      draw();
    },
    end() {
      clear();
    },
  };
}

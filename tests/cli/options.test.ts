import { describe, expect, it } from 'vitest';
import { parseRenderParams } from '../../src/render/render-params';
import type { RenderError } from '../../src/render/errors';
import type { OutputSpec } from '../../src/render/output';
import { UsageError } from '../../src/cli/io';
import { paramsFor, querySearch, renderOptions } from '../../src/cli/render-options';
import { EXAMPLE, runCli, tempDir } from './helpers';

const workerDetail = (query: string, spec: OutputSpec): string => {
  try {
    parseRenderParams(new URLSearchParams(query), spec);
  } catch (error) {
    return (error as RenderError).detail;
  }
  throw new Error('expected the Worker to reject the query');
};

const png: OutputSpec = { kind: 'figure', id: '1', format: 'png' };

describe('render options', () => {
  it('reject a bad value with the Worker’s own sentence, the option named with --, and English', () => {
    for (const [option, value] of [
      ['scale', '9'],
      ['width', 'wide'],
      ['theme', 'sepia'],
      ['background', 'red'],
    ] as const) {
      const worker = workerDetail(`${option}=${value}`, png);
      expect(() => renderOptions({ [option]: value })).toThrow(UsageError);
      try {
        renderOptions({ [option]: value });
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain(worker.replace(`${option}：`, `--${option}：`));
        expect(message).toContain('invalid option value');
      }
    }
  });

  it('reject unknown formats', () => {
    expect(() => renderOptions({ formats: 'html,pdf' })).toThrow(/不认识：pdf.*comma-separated subset/);
    expect(() => renderOptions({ formats: ',' })).toThrow(UsageError);
    expect(renderOptions({ formats: 'PNG, html' }).formats).toEqual(['html', 'png']);
  });

  it('give each output only the parameters the Worker accepts for it', () => {
    const options = renderOptions({ theme: 'dark', scale: '2', width: '1200', background: 'transparent' });
    expect(querySearch(options.query, { kind: 'document', format: 'html' }).toString()).toBe('theme=dark');
    expect(querySearch(options.query, { kind: 'table', id: '01', format: 'csv' }).toString()).toBe('');
    expect(querySearch(options.query, { kind: 'figure', id: '1', format: 'svg' }).toString()).toBe('theme=dark&width=1200&background=transparent');
    expect(querySearch(options.query, png).toString()).toBe('theme=dark&width=1200&scale=2&background=transparent');
    expect(paramsFor(options, png)).toEqual({ theme: 'dark', embed: false, width: 1200, height: 500, scale: 2, background: 'transparent', fixedHeight: false, layout: 'wide' });
    expect(options.params).toEqual({ theme: 'dark', width: 1200, height: 500, scale: 2, background: 'transparent', fixedHeight: false, layout: 'wide' });
    // A given height reaches images only, as ?height= would.
    const tall = renderOptions({ height: '900' });
    expect(paramsFor(tall, { kind: 'table', id: '01', format: 'svg' })).toMatchObject({ height: 900, fixedHeight: true });
    expect(paramsFor(tall, { kind: 'document', format: 'html' })).toMatchObject({ height: 500, fixedHeight: false });
  });
});

describe('juesuan usage errors (exit 2)', () => {
  it('bad option values, unknown options, missing --out, unknown command', async () => {
    const out = await tempDir();
    const [scale, unknown, noOut, command, outFile] = await Promise.all([
      runCli(['render', EXAMPLE, '--out', out, '--scale', '9']),
      runCli(['render', EXAMPLE, '--out', out, '--colour', 'red']),
      runCli(['render', EXAMPLE]),
      runCli(['draw']),
      runCli(['render', EXAMPLE, '--out', 'package.json']),
    ]);
    expect(scale.code).toBe(2);
    expect(scale.stderr).toContain('juesuan: 选项不正确：--scale：scale 不能大于 4（invalid option value');
    expect(scale.stdout).toBe('');

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/未知选项（Unknown option '--colour'.*）。运行 juesuan render --help 查看用法/);

    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('missing --out');

    expect(command.code).toBe(2);
    expect(command.stderr).toContain('未知命令 draw（unknown command）');

    expect(outFile.code).toBe(2);
    expect(outFile.stderr).toContain('--out must be a folder');
  });

  it('prints usage for --help on every command', async () => {
    const runs = await Promise.all([runCli(['--help']), runCli(['check', '--help']), runCli(['render', '-h']), runCli(['publish', '--help'])]);
    for (const run of runs) expect(run.code).toBe(0);
    expect(runs[0].stdout).toContain('退出码 exit codes');
    expect(runs[1].stdout).toContain('juesuan check <payload.json');
    expect(runs[2].stdout).toContain('--background white|transparent');
    expect(runs[3].stdout).toContain('JUESUAN_TOKEN');
  });
});

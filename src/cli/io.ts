/**
 * What the CLI needs from the process, passed in rather than read from globals, so tests can run
 * a command in-process with captured streams and an environment of their own.
 */

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * Exit codes, the same for every command (docs/cli.md lists them for CI authors).
 * 1 is "your figures need attention", 2 is "we could not even read what you gave us".
 */
export const EXIT = {
  ok: 0,
  /** Audit errors (or warnings with --strict); publish: a payload was rejected by the audit. */
  findings: 1,
  /** Unreadable or invalid input: missing file, bad JSON, schema errors, bad options. */
  invalid: 2,
  /** Our fault: a renderer threw, a worker died, the service failed or could not be reached. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The worse of two outcomes: invalid input outranks audit errors, and internal failures outrank all. */
export function worstExit(a: ExitCode, b: ExitCode): ExitCode {
  return Math.max(a, b) as ExitCode;
}

/** A mistake on the command line: printed with usage hints, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** ANSI colours only for terminals, and never when NO_COLOR is set (https://no-color.org). */
export function colours(stream: OutStream, env: CliIo['env']) {
  const on = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (text: string) => (on ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

export type Colours = ReturnType<typeof colours>;

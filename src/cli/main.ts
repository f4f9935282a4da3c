/**
 * The juesuan command line (Node only; the Worker never imports src/cli). Dispatches to a
 * command and turns usage mistakes into exit code 2 with a message instead of a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_VERSION } from '../render/version.generated';
import { MAIN_HELP } from './help';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { PROJECT_ROOT } from './runtime';

type Command = (argv: string[], io: CliIo) => Promise<ExitCode>;

// Loaded on demand: `check` then never loads the renderers (fonts, resvg) it does not use.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check-command')).checkCommand,
  render: async () => (await import('./render-command')).renderCommand,
  publish: async () => (await import('./publish-command')).publishCommand,
  import: async () => (await import('./import-command')).importCommand,
};

export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(MAIN_HELP);
    return command === undefined ? EXIT.invalid : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    io.stdout.write(`juesuan ${pkg.version} (renderer ${RENDERER_VERSION})\n`);
    return EXIT.ok;
  }
  try {
    if (!Object.hasOwn(COMMANDS, command)) {
      throw new UsageError(`未知命令 ${command}（unknown command）。可用命令：check、render、publish、import。运行 juesuan --help 查看用法。`);
    }
    const run = await COMMANDS[command]();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`juesuan: ${error.message}\n`);
      return EXIT.invalid;
    }
    io.stderr.write(`juesuan: 内部错误（internal error）：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}

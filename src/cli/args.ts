/**
 * Command-line parsing on node:util parseArgs, with its English errors turned into messages in
 * both languages: CI logs are read by finance staff and by engineers.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<V> {
  values: V;
  positionals: string[];
}

/** Parses argv strictly: unknown options and missing values are usage errors (exit 2). */
export function parseCommandArgs<V>(command: string, argv: string[], options: Options): ParsedArgs<V> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as V, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const english = (error as Error).message;
    const known: Record<string, string> = {
      ERR_PARSE_ARGS_UNKNOWN_OPTION: '未知选项',
      ERR_PARSE_ARGS_INVALID_OPTION_VALUE: '选项的值缺失或不正确',
      ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: '多余的参数',
    };
    if (code && known[code]) {
      throw new UsageError(`${known[code]}（${english}）。运行 juesuan ${command} --help 查看用法。`);
    }
    throw error;
  }
}

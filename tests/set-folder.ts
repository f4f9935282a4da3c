/** Template-set folders as the set registry takes them: every JSON file under `dir`, by relative path. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The fixture set that exercises every dimension of a template set. */
export const FIXTURE_SET_DIR = 'tests/fixtures/template-sets/fixture-2024';

export function readSetFolder(dir: string): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) files[relative(dir, path).split('\\').join('/')] = JSON.parse(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

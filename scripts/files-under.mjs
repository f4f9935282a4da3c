// Every file under a folder, in a stable order (sorted names, depth first): the generators hash and
// list files with it, so their output must not depend on the order the file system returns.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir @returns {string[]} absolute paths */
export function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

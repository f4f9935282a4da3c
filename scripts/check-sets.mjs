// Loads every template set under templates/sets/ through the same zod checks the service uses
// and prints them; a broken set fails here (npm test, npm start) with each problem's file and
// JSON path, instead of at the first request.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

await import('./gen-sets.mjs');
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { allTemplateSets } = await import('../src/model/template-set.ts');
try {
  const sets = allTemplateSets();
  if (!process.argv.includes('--quiet'))
    for (const set of sets)
      console.log(`✔ ${set.id}${set.extends ? ` (extends ${set.extends})` : ''}: ${set.name} · ${set.tables.length} 张表 · ${set.fiscalYears.join('、')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

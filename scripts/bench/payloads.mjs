// The reference example and distinct variants of it. Every variant has its own content id, so a
// timed render can never be answered from the KV render cache; the change (the contact phone)
// does not alter any table or figure, so every variant costs the same to render.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../offline-env.mjs';

export const EXAMPLE_PATH = join(root, 'examples/wuhan-jianghan-cyzx-2024.json');

export function loadExample() {
  return JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
}

let counter = 0;
const runTag = Date.now().toString(36);

/** A JSON body of the example that no earlier request has sent (unique within and across runs). */
export function variantBody(example) {
  const copy = structuredClone(example);
  counter += 1;
  copy.meta.contactPhone = `027-85481838 转 ${runTag}-${counter}`;
  return JSON.stringify(copy);
}

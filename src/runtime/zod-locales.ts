/**
 * What the Worker bundle gets for zod's `locales` namespace (wrangler.toml [alias]): the locales
 * the code uses — English, which zod configures itself with, and zhCN (src/model/
 * template-registry.ts words template-set errors with it). The other ~40 locale modules zod
 * re-exports as `z.locales` are never used, yet cost ~38 KB of the gzipped bundle because `z` is
 * used as a namespace object. A locale used without being listed here fails at start-up (the
 * Worker does not boot), which tests/e2e catches.
 */
export { default as en } from 'zod/v4/locales/en.js';
export { default as zhCN } from 'zod/v4/locales/zh-CN.js';

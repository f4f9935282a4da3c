/** Bindings as the Worker sees them: generated types (wrangler types) plus secrets set with `wrangler secret put`. */
export type Bindings = Env & {
  /** Comma-separated bearer tokens allowed to publish. */
  API_TOKENS?: string;
};

export interface AppEnv {
  Bindings: Bindings;
}

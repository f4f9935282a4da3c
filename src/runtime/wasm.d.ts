/** Wasm imports: wrangler (and the vitest workers pool) hand them over as compiled modules. */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}

// What TypeScript sees of node-llama-cpp when it is not installed (it is an optional peer dependency:
// `npm install --no-save node-llama-cpp`). tsconfig.json maps the package here only as a fallback, so
// with the runtime installed (as in CI) the provider is checked against its real types.
/* biome-ignore-all lint/suspicious/noExplicitAny: the package's types are absent */
export type LlamaChatSession = any;
export type LlamaContextSequence = any;
export declare const LlamaChatSession: any;
export declare const LlamaLogLevel: any;
export declare const getLlama: any;
export declare const resolveModelFile: any;

import type { LlamaChatSession, LlamaContextSequence } from 'node-llama-cpp';
import { z } from 'zod';
import { splitReasoning } from '../../core/engine/split-reasoning.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { GenerationConfig } from '../../core/schema/run-spec.ts';
import { checkedCompletions } from './checked-completions.ts';
import { importLlamaRuntime } from './llama-runtime.ts';
import type { GenerateRequest, Generation, Provider } from './provider.ts';
import { ProviderError } from './provider-error.ts';

export const LlamaCppArgs = z.object({
  /** A GGUF file path, or an hf:ORG/REPO/FILE.gguf URI (resolved through node-llama-cpp when online). */
  model: z.string().min(1),
  threads: z.number().int().positive().default(2),
  contextSize: z.number().int().positive().default(2048),
  /** Used when the generation config leaves max tokens open, so a random model cannot run forever. */
  defaultMaxTokens: z.number().int().positive().default(512),
  modelsDir: z.string().optional(),
});
export type LlamaCppArgs = z.input<typeof LlamaCppArgs>;

type Llama = typeof import('node-llama-cpp');
type Session = LlamaChatSession;
type Sequence = LlamaContextSequence;

interface Loaded {
  lib: Llama;
  sequence: Sequence;
  dispose: () => Promise<void>;
}

/**
 * A local GGUF model run in-process with node-llama-cpp. The library is imported on first use, runs on
 * the CPU with a fixed small thread count, and serves one request at a time.
 */
export class LlamaCppProvider implements Provider {
  readonly name = 'llama-cpp';
  readonly model: string;
  readonly endpoint = null;
  private readonly args: z.infer<typeof LlamaCppArgs>;
  private loaded: Promise<Loaded> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(input: LlamaCppArgs) {
    this.args = LlamaCppArgs.parse(input);
    this.model = this.args.model;
  }

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const lib = await importLlamaRuntime();
      const llama = await lib.getLlama({ build: 'never', gpu: false, logLevel: lib.LlamaLogLevel.error });
      // A model that cannot be found or loaded ends the run (a UserError), rather than failing every sample.
      let modelPath = this.args.model;
      if (modelPath.startsWith('hf:')) {
        modelPath = await lib
          .resolveModelFile(modelPath, { directory: this.args.modelsDir, cli: false })
          .catch((err: Error) => {
            throw new UserError(`cannot fetch ${this.args.model}: ${err.message}`, EXIT.notFound);
          });
      }
      const model = await llama.loadModel({ modelPath }).catch((err: Error) => {
        throw new UserError(`cannot load ${this.args.model}: ${err.message}`, EXIT.invalidInput);
      });
      const context = await model.createContext({
        contextSize: this.args.contextSize,
        threads: this.args.threads,
      });
      return {
        lib,
        sequence: context.getSequence(),
        dispose: async () => {
          await context.dispose();
          await model.dispose();
          await llama.dispose();
        },
      };
    })();
    return this.loaded;
  }

  /** The settings sent to node-llama-cpp: max tokens is never open (the default applies). */
  effectiveSettings(g: GenerationConfig): Record<string, unknown> {
    return {
      maxTokens: g.maxTokens ?? this.args.defaultMaxTokens,
      temperature: g.temperature,
      ...(g.topP !== null ? { topP: g.topP } : {}),
      ...(g.stop.length ? { customStopTriggers: g.stop } : {}),
      contextSize: this.args.contextSize,
      threads: this.args.threads,
      stream: true,
    };
  }

  generate(req: GenerateRequest): Promise<Generation> {
    const run = this.queue.then(() => this.generateNow(req));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async generateNow(req: GenerateRequest): Promise<Generation> {
    if (req.signal?.aborted) throw new ProviderError('aborted', 'request aborted');
    const { lib, sequence } = await this.load();
    const started = performance.now();
    const before = sequence.tokenMeter.getState();
    const system = req.messages
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n\n');
    const turns = req.messages.filter((m) => m.role !== 'system');
    const last = turns[turns.length - 1];
    if (last?.role !== 'user' || !last)
      throw new ProviderError('client', 'the last message must be from the user');
    const g = req.generation;
    const completions = [];
    let finish: string | null = null;
    for (let i = 0; i < req.n; i++) {
      await sequence.clearHistory();
      const session: Session = new lib.LlamaChatSession({
        contextSequence: sequence,
        systemPrompt: system || undefined,
      });
      try {
        const history = session.getChatHistory();
        for (const m of turns.slice(0, -1)) {
          history.push(
            m.role === 'user' ? { type: 'user', text: m.content } : { type: 'model', response: [m.content] },
          );
        }
        session.setChatHistory(history);
        // Streamed chunk by chunk, like the HTTP providers; the text is then split and checked the same way.
        let streamed = '';
        const res = await session.promptWithMeta(last.content, {
          onTextChunk: (chunk: string) => {
            streamed += chunk;
          },
          maxTokens: g.maxTokens ?? this.args.defaultMaxTokens,
          temperature: g.temperature,
          ...(g.topP !== null ? { topP: g.topP } : {}),
          ...(req.seed !== null ? { seed: req.seed + i } : {}),
          ...(g.stop.length ? { customStopTriggers: g.stop } : {}),
          signal: req.signal,
        });
        finish = res.stopReason ?? null;
        const text = streamed || res.responseText;
        completions.push(...checkedCompletions([{ raw: text, split: splitReasoning(text) }], 'llama.cpp'));
      } catch (err) {
        if (err instanceof ProviderError) throw err;
        if (req.signal?.aborted) throw new ProviderError('aborted', 'request aborted');
        throw new ProviderError('server', `llama.cpp: ${(err as Error).message}`);
      } finally {
        session.dispose({ disposeSequence: false });
      }
    }
    const used = sequence.tokenMeter.diff(before);
    return {
      completions,
      promptTokens: used.usedInputTokens,
      completionTokens: used.usedOutputTokens,
      latencyMs: performance.now() - started,
      finishReason: finish,
    };
  }

  async close(): Promise<void> {
    if (!this.loaded) return;
    const l = await this.loaded.catch(() => null);
    this.loaded = null;
    await l?.dispose();
  }
}

import { EXIT, UserError } from '../errors/user-error.ts';

/** A parsed --model value: which provider plug-in to build, with which args, and the model's slug. */
export interface ModelSpec {
  provider: string;
  args: Record<string, unknown>;
  /** Lowercase slug used as the run's model id. */
  slug: string;
}

export const MODEL_SPEC_HELP = `Model specs:
  openai:MODEL@BASE_URL              OpenAI-compatible chat completions (vLLM, SGLang, llama.cpp server,
                                     Ollama, LM Studio, hosted APIs); BASE_URL ends in /v1.
                                     Without @BASE_URL: https://api.openai.com/v1
  openai-completions:MODEL@BASE_URL  the legacy /completions endpoint (prompt text, no chat template)
  anthropic:MODEL[@BASE_URL]         Anthropic Messages API
  gguf:PATH                          a local GGUF file, run in-process with node-llama-cpp
  hf:ORG/REPO/FILE.gguf              a GGUF file from the Hugging Face Hub (downloaded when online)
API keys come from the environment only: OPENAI_API_KEY, ANTHROPIC_API_KEY, or --api-key-env NAME.`;

/** Turns any model name into a slug: "Qwen/Qwen3-8B" -> "qwen-qwen3-8b". */
export function modelSlug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/\.gguf$/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 120);
  return s || 'model';
}

/** A host with a port or a path, as a base URL without its scheme would start: "127.0.0.1:8000/v1". */
const SCHEMELESS_HOST = /^(localhost|[\w-]+(\.[\w-]+)+|\[[\da-f:]+\])(:\d+)?(\/|$)/i;

/** A URL-like text with any user:password replaced, for messages (it may not parse as a URL). */
function hideUserinfo(text: string): string {
  return text.replace(/(\/\/)[^/?#]*@/, '$1***@');
}

/**
 * Splits MODEL@BASE_URL. A base URL must name its scheme, http:// or https://: one without (or with
 * another) is an error, never a model name that would send the request to the hosted API.
 */
function splitAt(rest: string, bad: (why: string) => UserError): { model: string; baseUrl: string | null } {
  const i = rest.search(/@https?:\/\//i);
  if (i >= 0) {
    const baseUrl = rest.slice(i + 1).replace(/\/+$/, '');
    if (!URL.canParse(baseUrl))
      throw bad(`the base URL "${hideUserinfo(rest.slice(i + 1))}" is not a valid URL`);
    return { model: rest.slice(0, i), baseUrl };
  }
  const at = rest.lastIndexOf('@');
  if (at < 0) return { model: rest, baseUrl: null };
  const tail = rest.slice(at + 1);
  if (/^[a-z][\w+.-]*:\/\//i.test(tail))
    throw bad(`the base URL "${tail}" must start with http:// or https://`);
  if (SCHEMELESS_HOST.test(tail))
    throw bad(`the base URL "${tail}" has no scheme: write http://${tail} (or https://)`);
  return { model: rest, baseUrl: null };
}

/** Parses a model spec (grammar in MODEL_SPEC_HELP). `apiKeyEnv` overrides the default key variable. */
export function parseModelSpec(spec: string, apiKeyEnv?: string): ModelSpec {
  const colon = spec.indexOf(':');
  const scheme = colon > 0 ? spec.slice(0, colon) : '';
  const rest = colon > 0 ? spec.slice(colon + 1) : '';
  const bad = (why: string) =>
    new UserError(`--model "${hideUserinfo(spec)}": ${why} (see yardstick eval --help)`, EXIT.usage);
  if (!rest) throw bad('expected PROVIDER:MODEL, e.g. openai:qwen3-8b@http://127.0.0.1:8000/v1');
  switch (scheme) {
    case 'openai':
    case 'openai-completions': {
      const { model, baseUrl } = splitAt(rest, bad);
      if (!model) throw bad('the model name is empty');
      return {
        provider: scheme === 'openai' ? 'openai-chat' : 'openai-completions',
        args: {
          model,
          baseUrl: baseUrl ?? 'https://api.openai.com/v1',
          apiKeyEnv: apiKeyEnv ?? 'OPENAI_API_KEY',
        },
        slug: modelSlug(model),
      };
    }
    case 'anthropic': {
      const { model, baseUrl } = splitAt(rest, bad);
      if (!model) throw bad('the model name is empty');
      return {
        provider: 'anthropic',
        args: {
          model,
          baseUrl: baseUrl ?? 'https://api.anthropic.com/v1',
          apiKeyEnv: apiKeyEnv ?? 'ANTHROPIC_API_KEY',
        },
        slug: modelSlug(model),
      };
    }
    case 'gguf': {
      const base = rest.split(/[\\/]/).pop() ?? rest;
      return { provider: 'llama-cpp', args: { model: rest }, slug: modelSlug(base) };
    }
    case 'hf': {
      if (rest.split('/').length < 3) throw bad('expected hf:ORG/REPO/FILE.gguf');
      const base = rest.split('/').pop() ?? rest;
      return { provider: 'llama-cpp', args: { model: `hf:${rest}` }, slug: modelSlug(base) };
    }
    default:
      throw bad(`unknown provider "${scheme}" (known: openai, openai-completions, anthropic, gguf, hf)`);
  }
}

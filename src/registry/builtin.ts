import { Registry } from './registry.ts';

/**
 * The built-in plug-ins. Each line names a module and its factory; nothing is imported until
 * the plug-in is built. Add new plug-ins here, one line each.
 */
export function builtinRegistry(): Registry {
  const r = new Registry();
  // Model providers (see src/adapters/providers/).
  r.register(
    'provider',
    'openai-chat',
    'OpenAI-compatible /chat/completions',
    async () => (await import('../adapters/providers/provider-factories.ts')).openAiChat,
  );
  r.register(
    'provider',
    'openai-completions',
    'OpenAI-compatible /completions',
    async () => (await import('../adapters/providers/provider-factories.ts')).openAiCompletions,
  );
  r.register(
    'provider',
    'anthropic',
    'Anthropic Messages API',
    async () => (await import('../adapters/providers/provider-factories.ts')).anthropic,
  );
  r.register(
    'provider',
    'llama-cpp',
    'local GGUF model in-process (node-llama-cpp)',
    async () => (await import('../adapters/providers/provider-factories.ts')).llamaCpp,
  );
  // Tasks and scorers that are not published benchmarks (see src/tasks/).
  r.register(
    'task',
    'arithmetic',
    'arithmetic word problems generated from a seed',
    async () => (await import('../tasks/arithmetic/arithmetic-task.ts')).arithmeticDefinition,
  );
  r.register(
    'task',
    'yaml',
    'a user task file: {path}',
    async () => (await import('../tasks/yaml/yaml-task-factory.ts')).yamlTaskDefinition,
  );
  r.register(
    'scorer',
    'number',
    'the last number of the answer equals the target',
    async () => async () => (await import('../tasks/scorers.ts')).numberScorer,
  );
  r.register(
    'scorer',
    'exact-match',
    'the trimmed answer equals the target (case-folded)',
    async () => async () => (await import('../tasks/scorers.ts')).exactMatchScorer,
  );
  // Published benchmarks (see src/benchmarks/).
  r.register(
    'task',
    'gsm8k',
    'GSM8K grade-school math, 1,319 test problems',
    async () => (await import('../benchmarks/gsm8k/gsm8k-task.ts')).gsm8kDefinition,
  );
  r.register(
    'task',
    'math',
    'MATH competition math, 5,000 test problems',
    async () => (await import('../benchmarks/math/math-task.ts')).mathDefinition,
  );
  r.register(
    'task',
    'math-500',
    'MATH-500, the PRM800K test split of MATH',
    async () => (await import('../benchmarks/math-500/math-500-task.ts')).math500Definition,
  );
  r.register(
    'task',
    'aime-2024',
    'AIME 2024 I and II, 30 problems',
    async () => (await import('../benchmarks/aime-2024/aime-2024-task.ts')).aime2024Definition,
  );
  r.register(
    'task',
    'aqua-rat',
    'AQuA-RAT algebra word problems, 254 test items',
    async () => (await import('../benchmarks/aqua-rat/aqua-rat-task.ts')).aquaRatDefinition,
  );
  r.register(
    'task',
    'commonsenseqa',
    'CommonsenseQA validation set, 1,221 questions',
    async () => (await import('../benchmarks/commonsenseqa/commonsenseqa-task.ts')).commonsenseqaDefinition,
  );
  r.register(
    'task',
    'gpqa-diamond',
    'GPQA Diamond, 198 questions (encrypted zip read in memory)',
    async () => (await import('../benchmarks/gpqa-diamond/gpqa-diamond-task.ts')).gpqaDiamondDefinition,
  );
  r.register(
    'task',
    'hotpotqa',
    'HotpotQA dev: closed-book (7,405) or distractor (1,100)',
    async () => (await import('../benchmarks/hotpotqa/hotpotqa-task.ts')).hotpotqaDefinition,
  );
  r.register(
    'task',
    'humaneval',
    'HumanEval, 164 Python functions run in the code sandbox',
    async () => (await import('../benchmarks/humaneval/humaneval-task.ts')).humanevalDefinition,
  );
  r.register(
    'task',
    'mbpp',
    'MBPP test split (task ids 11-510) run in the code sandbox',
    async () => (await import('../benchmarks/mbpp/mbpp-task.ts')).mbppDefinition,
  );
  r.register(
    'task',
    'livecodebench',
    'LiveCodeBench code generation (native schema; release/since/until filters)',
    async () => (await import('../benchmarks/livecodebench/livecodebench-task.ts')).livecodebenchDefinition,
  );
  return r;
}

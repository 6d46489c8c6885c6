import { type Command, Option } from 'commander';
import type { EvalRequest } from '../../app/eval/plan-eval.ts';
import { MODEL_SPEC_HELP } from '../../core/engine/model-spec.ts';
import { DEFAULTS } from '../../core/settings/defaults.ts';
import { fraction, list, nonNegativeInt, number, positiveInt } from '../parse-options.ts';

/** The flags of `yardstick eval`: most are the request's own fields (app/eval/plan-eval.ts). */
export interface EvalFlags
  extends Pick<
    EvalRequest,
    | 'limit'
    | 'samples'
    | 'concurrency'
    | 'temperature'
    | 'topP'
    | 'maxTokens'
    | 'seed'
    | 'apiKeyEnv'
    | 'modelId'
    | 'extraBody'
    | 'resume'
    | 'baseUrl'
    | 'baseUrlEnv'
    | 'retryErrors'
    | 'unsafeLocal'
  > {
  model?: string[];
  benchmark?: string[];
  timeout?: number;
  cache: boolean;
  dataDir?: string;
  taskArg?: string[];
  maxErrorRate?: number;
  progress?: 'auto' | 'bar' | 'lines' | 'json' | 'none';
  unsafeLocal?: boolean;
  condition?: string;
  baseline?: string;
  recipe?: string;
  rpm?: number;
  tpm?: number;
  maxRetries?: number;
  retryAfterCap?: number;
  firstTokenTimeout?: number;
  idleTimeout?: number;
  maxResponseMib?: number;
  stream: boolean;
  prices?: string;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('evaluate models on benchmarks: send requests, score and record every sample')
    .argument('[suite]', 'a suite YAML file: models x benchmarks with shared settings')
    .option('-m, --model <spec>', 'model spec (see below); repeat or comma-separate for several', list)
    .option('-b, --benchmark <id>', 'benchmark id(s), or a task YAML file', list)
    .option('--limit <n>', 'first N items only', positiveInt)
    .option('--samples <k>', 'samples per item, each with its own seed', positiveInt)
    .option(
      '--concurrency <n>',
      `requests in flight (default ${DEFAULTS.concurrency}; a resume may change it)`,
      positiveInt,
    )
    .option('--temperature <t>', 'sampling temperature (default 0)', number)
    .option('--top-p <p>', 'nucleus sampling', number)
    .option(
      '--max-tokens <n>',
      "maximum tokens per completion (default: the provider's: 512 for GGUF, 4096 for Anthropic, the server's for OpenAI-compatible)",
      positiveInt,
    )
    .option('--seed <n>', 'run seed: per-sample seeds derive from it (default 0)', number)
    .option('--api-key-env <NAME>', 'environment variable holding the API key')
    .option('--model-id <slug>', 'model id recorded with the run (default: from the model name)')
    .option('--extra-body <json>', 'extra request body fields, e.g. \'{"top_k":20}\'')
    .option('--timeout <ms>', 'total timeout per request in milliseconds (default: none)', positiveInt)
    .option('--recipe <name>', 'an evaluation recipe, e.g. r1 or greedy (see yardstick recipes)')
    .option('--first-token-timeout <ms>', 'longest wait for the first token (default 300000)', positiveInt)
    .option('--idle-timeout <ms>', 'longest silence between streamed chunks (default 60000)', positiveInt)
    .option('--no-stream', 'send plain requests instead of streaming answers')
    .option('--max-response-mib <n>', 'largest response body read (default 32)', positiveInt)
    .option(
      '--max-retries <n>',
      'retries of a failed request before it is an error (default 5)',
      nonNegativeInt,
    )
    .option('--retry-after-cap <s>', 'longest Retry-After honoured, in seconds (default 60)', nonNegativeInt)
    .option('--rpm <n>', 'requests per minute allowed to the endpoint', positiveInt)
    .option('--tpm <n>', 'tokens per minute allowed to the endpoint', positiveInt)
    .option('--prices <file>', 'price table for a cost estimate (model -> {input, output} USD per 1M tokens)')
    .option('--resume <run>', 'continue an interrupted run from where it stopped')
    .option('--retry-errors', 'with --resume: re-run only the samples recorded as errors')
    .option(
      '--base-url <url>',
      "with --resume: the run's base URL with the user:password that was never stored",
    )
    .option('--base-url-env <NAME>', 'with --resume: an environment variable holding that base URL')
    .option('--no-cache', 'do not reuse cached responses (responses are still recorded)')
    .option('--data-dir <dir>', 'local mirror of benchmark datasets (env: YARDSTICK_DATA_DIR)')
    .option(
      '--task-arg <key=value>',
      'task argument, e.g. prompt=8-shot-cot (repeatable)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--unsafe-local', 'run code benchmarks without the bubblewrap sandbox (dangerous)')
    .option(
      '--max-error-rate <fraction>',
      'share of samples that may end as errors before eval exits with code 7 (default 0)',
      fraction,
    )
    .addOption(
      new Option(
        '--progress <mode>',
        'bar (terminal), lines (every 10 s), json (events), none; default: bar on a terminal, else lines',
      )
        .choices(['auto', 'bar', 'lines', 'json', 'none'])
        .default('auto'),
    )
    .option('--condition <name>', 'record the runs under this condition (e.g. zero-shot-cot)')
    .option(
      '--baseline <name>',
      'with --condition: the condition to measure against; Δ results pair the latest runs of both',
    )
    .addHelpText(
      'after',
      `
${MODEL_SPEC_HELP}

Examples:
  $ yardstick eval --model openai:qwen3-8b@http://127.0.0.1:8000/v1 --benchmark arithmetic --limit 50
  $ yardstick eval -m gguf:./tiny.gguf -b arithmetic --samples 4 --temperature 0.7
  $ yardstick eval -m openai:qwen3-8b@http://127.0.0.1:8000/v1 -b gsm8k --task-arg prompt=8-shot-cot
  $ yardstick eval -m openai:qwen3-8b@http://127.0.0.1:8000/v1 -b gsm8k --task-arg prompt=zero-shot \\
      --condition zero-shot
  $ yardstick eval -m openai:qwen3-8b@http://127.0.0.1:8000/v1 -b gsm8k --condition zero-shot-cot \\
      --baseline zero-shot
  $ yardstick eval suite.yaml
  $ yardstick eval --resume RUN_ID [--retry-errors] [--concurrency 32]
  $ yardstick eval --resume RUN_ID --base-url-env ENDPOINT   # a base URL with user:password, never stored

Before the first wave, one request probes the endpoint: a refused connection, an unknown host, a TLS
error, refused credentials (401/403) or an unknown model (404) ends eval within seconds with one line
and exit code 6; the run is recorded as failed and can be resumed. During a run, 20 transport failures
in a row, or more than half of at least 50 requests failing, stop it the same way.
Exit codes: 0 ok, 1 failure or interrupted, 6 endpoint unusable, 7 samples ended as errors beyond
--max-error-rate.`,
    )
    .action(async (suite: string | undefined, flags: EvalFlags, cmd: Command) => {
      // Keep V8's young generation from doubling under a long run's steady allocation: a 100,000-sample
      // run otherwise peaks ~90 MB higher for no speed gain (bench/eval.bench.ts).
      (await import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
      const { runEvalCommand } = await import('../eval/eval-action.ts');
      await runEvalCommand(suite, flags, cmd);
    });
}

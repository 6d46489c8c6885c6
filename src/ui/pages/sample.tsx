import type { SampleDetail } from '../../app/queries/sample-detail.ts';
import { apiPath } from '../api.ts';
import { useJson } from '../hooks.ts';
import { routeHash } from '../route.ts';

/** Fields that later versions of the sample record may carry; shown when present. */
const OPTIONAL_FIELDS = ['finishReason', 'testResults', 'reasoningTokens'] as const;

/** One sample: prompt, response (reasoning folded), gold and extracted answer, verdict and provenance. */
export function SamplePage({ runId, query }: { runId: string; query: Record<string, string> }) {
  const item = query.item ?? '';
  const index = Number(query.index ?? 0);
  const { data, error } = useJson<SampleDetail>(
    apiPath(`/api/runs/${encodeURIComponent(runId)}/sample`, { item, index }),
  );
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="loading">Loading sample…</p>;
  const s = data.sample;
  const extra = s as unknown as Record<string, unknown>;
  return (
    <section class="sample">
      <p>
        <a href={routeHash(['runs', runId])}>← run {runId}</a>
      </p>
      <h1>
        {s.itemId} <span class="muted">#{s.sampleIndex}</span>{' '}
        <span class={`verdict ${s.verdict}`}>{s.verdict}</span>
      </h1>
      <h2>Prompt</h2>
      {s.messages.map((m) => (
        <div class={`message ${m.role}`}>
          <div class="role">{m.role}</div>
          <pre>{m.content}</pre>
        </div>
      ))}
      <h2>Response</h2>
      {s.reasoning && (
        <details class="reasoning">
          <summary>reasoning ({s.reasoning.length} characters)</summary>
          <pre>{s.reasoning}</pre>
        </details>
      )}
      <pre class="response" data-testid="response">
        {s.response ?? '(no response)'}
      </pre>
      {s.error && (
        <>
          <h2>Error</h2>
          <pre class="error">{s.error}</pre>
        </>
      )}
      <h2>Scoring</h2>
      <dl class="spec">
        <dt>extracted</dt>
        <dd>{s.extracted ?? '(none)'}</dd>
        {s.scoring && (
          <>
            <dt>rule</dt>
            <dd data-testid="rule">
              {s.scoring.rule}
              {s.scoring.extracted !== null ? ` took "${s.scoring.extracted}"` : ''}
            </dd>
            <dt>gold</dt>
            <dd data-testid="gold">{s.scoring.normalized?.gold ?? '(not compared)'}</dd>
            <dt>compared</dt>
            <dd>
              {s.scoring.normalized ? `"${s.scoring.normalized.answer}" against the gold` : 'nothing'}
              {s.scoring.method ? `, by ${s.scoring.method} equivalence` : ''}
            </dd>
          </>
        )}
        <dt>verdict</dt>
        <dd>{s.verdict}</dd>
        <dt>score</dt>
        <dd>{s.score ?? '–'}</dd>
        <dt>scorer</dt>
        <dd>{s.scorerVersion ?? 'unrecorded'}</dd>
        <dt>task</dt>
        <dd>
          {data.run.task.name} (prompt template {data.run.promptTemplateHash.slice(0, 12)})
        </dd>
        <dt>tokens</dt>
        <dd>
          {s.promptTokens ?? '?'} prompt, {s.completionTokens ?? '?'} completion
        </dd>
        <dt>latency</dt>
        <dd>{s.latencyMs === null ? '–' : `${Math.round(s.latencyMs)} ms`}</dd>
        {OPTIONAL_FIELDS.filter((f) => extra[f] !== undefined && extra[f] !== null).map((f) => (
          <>
            <dt>{f}</dt>
            <dd>
              <pre>
                {typeof extra[f] === 'string' ? (extra[f] as string) : JSON.stringify(extra[f], null, 2)}
              </pre>
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}

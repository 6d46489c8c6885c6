/**
 * PostgreSQL only, created by migration 0018-endpoint-budgets (shipped: never edit; replace the
 * function in a later migration). One call decides one request start of an endpoint under a
 * per-endpoint advisory lock, so every process that shares the endpoint decides in turn on what the
 * others committed, in one round trip, with the lock held for the call alone.
 *
 * Each ledger row of `endpoint_requests` counts against the per-minute budgets from its start until
 * `window` after its end (while in flight: for ever). A server therefore never sees more starts (or
 * tokens) in any window than the budget, however late requests arrive after their start was decided:
 * every request it sees in a window was still counted when the last of them was decided.
 * When the windows are full the start is reserved at the first moment they allow it (never before
 * the newest reservation, so the counts only fall after it) and the caller sleeps until then: one
 * query per start, no polling. When the concurrency cap is full, or requests still in flight fill a
 * window, nothing is reserved: the caller waits for a release (NOTIFY) or `wait_ms`, the earliest
 * lease expiry.
 *
 * Times are epoch milliseconds of the database clock: the processes' clocks never meet.
 */
// When a ledger row `r` stops counting in the windows: never while its request is in flight.
const FREE_AT = `case when r.ended_at is null and r.lease_until > v_now then never
  else coalesce(r.ended_at, r.lease_until) + p_window_ms end`;

export const ENDPOINT_BUDGET_ACQUIRE = `
create function endpoint_budget_acquire(
  p_endpoint text, p_holder text, p_tokens bigint, p_window_ms bigint, p_lease_ms bigint
) returns table (request_id bigint, wait_ms double precision, reason text)
language plpgsql volatile as $fn$
declare
  never constant bigint := 9007199254740991;
  v_now bigint;
  v_concurrency integer;
  v_rpm integer;
  v_tpm integer;
  v_paused bigint;
  v_base bigint;
  v_n bigint;
  v_at bigint;
  v_total bigint;
  v_id bigint;
  v_lease bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended('yardstick endpoint budget ' || p_endpoint, 0));
  v_now := floor(extract(epoch from clock_timestamp()) * 1000)::bigint;
  delete from endpoint_requests r
    where r.endpoint = p_endpoint and coalesce(r.ended_at, r.lease_until) + p_window_ms <= v_now;
  select b.concurrency, b.rpm, b.tpm, b.paused_until into v_concurrency, v_rpm, v_tpm, v_paused
    from endpoint_budgets b where b.endpoint = p_endpoint;
  v_base := greatest(v_now, coalesce(v_paused, 0));
  select count(*), min(r.lease_until) into v_n, v_lease from endpoint_requests r
    where r.endpoint = p_endpoint and r.ended_at is null and r.lease_until > v_now;
  if v_concurrency is not null and v_n >= v_concurrency then
    return query select null::bigint, (v_lease - v_now)::double precision, 'concurrency'::text;
    return;
  end if;
  if v_rpm is not null or v_tpm is not null then
    v_base := greatest(v_base, (select max(r.started_at) from endpoint_requests r where r.endpoint = p_endpoint));
  end if;
  if v_rpm is not null then
    select count(*) into v_n from endpoint_requests r where r.endpoint = p_endpoint
      and (${FREE_AT}) > v_base;
    if v_n >= v_rpm then
      select x.f into v_at from (
        select ${FREE_AT} as f
        from endpoint_requests r where r.endpoint = p_endpoint) x
        where x.f > v_base order by x.f offset v_n - v_rpm limit 1;
      if v_at = never then
        return query select null::bigint, (v_lease - v_now)::double precision, 'rpm'::text;
        return;
      end if;
      v_base := v_at;
    end if;
  end if;
  if v_tpm is not null then
    select coalesce(sum(r.tokens), 0) into v_total from endpoint_requests r where r.endpoint = p_endpoint
      and (${FREE_AT}) > v_base;
    if v_total > 0 and v_total + p_tokens > v_tpm then
      select x.f into v_at from (
        select y.f, v_total - sum(y.tokens) over (order by y.f, y.id) as remaining from (
          select r.id, r.tokens, ${FREE_AT} as f
          from endpoint_requests r where r.endpoint = p_endpoint) y
        where y.f > v_base) x
        where x.remaining = 0 or x.remaining + p_tokens <= v_tpm order by x.f limit 1;
      if v_at = never then
        return query select null::bigint, (v_lease - v_now)::double precision, 'tpm'::text;
        return;
      end if;
      v_base := v_at;
    end if;
  end if;
  insert into endpoint_requests (endpoint, holder, started_at, lease_until, tokens)
    values (p_endpoint, p_holder, v_base, v_base + p_lease_ms, p_tokens) returning id into v_id;
  return query select v_id, (v_base - v_now)::double precision, null::text;
end
$fn$`;

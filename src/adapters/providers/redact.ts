/**
 * The one place secrets are taken out of text before it is written anywhere (store, response cache,
 * report, exports, command output, logs). A secret is matched whole, in any fragment of
 * FRAGMENT_LENGTH or more characters, and in the forms it takes when quoted back inside JSON, a URL or
 * an answer (`\/` and `\"` escapes, percent-encoding), so a server or a model that echoes a key in
 * part or escaped leaves only "[redacted]".
 */

export const REDACTED = '[redacted]';

/** A fragment of a secret this long or longer is redacted. */
export const FRAGMENT_LENGTH = 8;

/** Secrets shorter than this are ignored: they would match ordinary text. */
const MIN_SECRET = 4;

/** The forms a secret takes in text: as is, JSON-escaped (once and twice), `/` as `\/`, percent-encoded. */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    ...new Set([
      secret,
      json,
      JSON.stringify(json).slice(1, -1),
      secret.replaceAll('/', '\\/'),
      json.replaceAll('/', '\\/'),
      encodeURIComponent(secret),
    ]),
  ];
}

const BASE = 31;
/** BASE ** (FRAGMENT_LENGTH - 1), modulo 2^32: what the character leaving the window weighed. */
const TOP = Array.from({ length: FRAGMENT_LENGTH - 1 }).reduce<number>((h) => Math.imul(h, BASE), 1);

/** A 32-bit polynomial hash of the FRAGMENT_LENGTH characters of `s` from `i`. */
function gramHash(s: string, i: number): number {
  let h = 0;
  for (let k = 0; k < FRAGMENT_LENGTH; k++) h = (Math.imul(h, BASE) + s.charCodeAt(i + k)) | 0;
  return h;
}

/** Redacts a fixed set of secrets from text. */
export class Redactor {
  /** Every FRAGMENT_LENGTH-character piece of every form of the long secrets. */
  private readonly grams = new Set<string>();
  /**
   * Their hashes, as a 64 Ki-slot filter: a text is scanned with a rolling hash, and only a position
   * whose slot is set is compared as a string.
   */
  private readonly filter = new Uint8Array(1 << 16);
  /** Short secrets (and their forms): matched whole only. */
  private readonly whole: string[] = [];
  readonly empty: boolean;

  constructor(secrets: Iterable<string | null | undefined>) {
    for (const s of secrets) {
      if (!s || s.length < MIN_SECRET) continue;
      for (const f of forms(s)) {
        if (f.length < FRAGMENT_LENGTH) this.whole.push(f);
        else
          for (let i = 0; i + FRAGMENT_LENGTH <= f.length; i++) {
            this.grams.add(f.slice(i, i + FRAGMENT_LENGTH));
            this.filter[gramHash(f, i) & 0xffff] = 1;
          }
      }
    }
    // Longest first, so a form is not cut by a shorter form it contains.
    this.whole.sort((a, b) => b.length - a.length);
    this.empty = this.grams.size === 0 && this.whole.length === 0;
  }

  /** The text with every secret, fragment and escaped form replaced by "[redacted]". */
  text(text: string): string {
    if (this.empty || text.length < MIN_SECRET) return text;
    let out = text;
    if (this.grams.size && out.length >= FRAGMENT_LENGTH) {
      // Mark every position covered by a piece of a secret; runs of marks become one "[redacted]".
      let marked: Uint8Array | null = null;
      let h = gramHash(out, 0);
      for (let i = 0; i + FRAGMENT_LENGTH <= out.length; i++) {
        if (i > 0)
          h =
            (Math.imul(h - Math.imul(out.charCodeAt(i - 1), TOP), BASE) +
              out.charCodeAt(i + FRAGMENT_LENGTH - 1)) |
            0;
        if (!this.filter[h & 0xffff] || !this.grams.has(out.slice(i, i + FRAGMENT_LENGTH))) continue;
        marked ??= new Uint8Array(out.length);
        marked.fill(1, i, i + FRAGMENT_LENGTH);
      }
      if (marked) {
        let kept = '';
        for (let i = 0; i < out.length; ) {
          if (!marked[i]) {
            const start = i;
            while (i < out.length && !marked[i]) i++;
            kept += out.slice(start, i);
          } else {
            while (i < out.length && marked[i]) i++;
            kept += REDACTED;
          }
        }
        out = kept;
      }
    }
    for (const w of this.whole) if (out.includes(w)) out = out.split(w).join(REDACTED);
    return out;
  }

  /** JSON-compatible data with every string (keys included) redacted; the same object when nothing changes. */
  value<T>(data: T): T {
    if (this.empty) return data;
    return this.walk(data) as T;
  }

  private walk(v: unknown): unknown {
    if (typeof v === 'string') return this.text(v);
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const y = this.walk(v[i]);
        if (y === v[i]) continue;
        out ??= [...v];
        out[i] = y;
      }
      return out ?? v;
    }
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      let out: Record<string, unknown> | null = null;
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        const key = this.text(k);
        const y = this.walk(x);
        if (y === x && key === k) continue;
        out ??= { ...(v as Record<string, unknown>) };
        if (key !== k) delete out[k];
        out[key] = y;
      }
      return out ?? v;
    }
    return v;
  }
}

/** Replaces every occurrence of each secret (whole, fragments, escaped forms) in a text with "[redacted]". */
export function redact(text: string, secrets: (string | null | undefined)[]): string {
  return new Redactor(secrets).text(text);
}

// The secrets this process knows: keys read by providers, credentials in base URLs, and the values of
// the environment's key variables. Everything written goes through `redactKnown`.
const known = new Set<string>();
let shared = new Redactor([]);

/** Adds a secret to those redacted from everything this process writes. */
export function registerSecret(secret: string | null | undefined): void {
  if (!secret || secret.length < MIN_SECRET || known.has(secret)) return;
  known.add(secret);
  shared = new Redactor(known);
}

/** Environment variables whose values are taken as secrets: API keys, tokens, secrets. */
const SECRET_ENV = /(API_?KEY|TOKEN|SECRET)$/i;

/**
 * Registers the values of the environment's key, token and secret variables of FRAGMENT_LENGTH or
 * more characters (shorter ones would match ordinary words), and of the variables named in `names`.
 */
export function registerEnvSecrets(env: NodeJS.ProcessEnv = process.env, names: string[] = []): void {
  for (const [name, value] of Object.entries(env)) {
    if (names.includes(name)) registerSecret(value);
    else if (SECRET_ENV.test(name) && value && value.length >= FRAGMENT_LENGTH) registerSecret(value);
  }
}

/** Text with every secret this process knows redacted. */
export function redactKnown(text: string): string {
  return shared.text(text);
}

/** JSON-compatible data with every secret this process knows redacted from its strings. */
export function redactKnownValue<T>(data: T): T {
  return shared.value(data);
}

/** The API key named by an environment variable; null when unset. Only the variable's name is ever recorded. */
export function apiKeyFrom(
  envName: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (!envName) return null;
  const v = env[envName];
  registerSecret(v);
  return v ? v : null;
}

/**
 * One file a benchmark is read from. `path` is relative to a mirror folder and to the cache
 * (e.g. "gsm8k/test.jsonl"); `urls` are tried in order when no local copy exists, and every
 * download must match `sha256` before it is used or cached.
 */
export interface DatasetFile {
  path: string;
  sha256: string;
  bytes: number;
  urls: string[];
}

/** A raw file of a GitHub repository at a pinned commit: these bytes never change. */
export function githubRaw(repo: string, commit: string, path: string): string {
  return `https://raw.githubusercontent.com/${repo}/${commit}/${path}`;
}

/**
 * A file of a Hugging Face Hub dataset repository at a pinned revision. The host is
 * $YARDSTICK_HF_ENDPOINT (or $HF_ENDPOINT), default https://huggingface.co, resolved at download time.
 */
export function huggingFace(repo: string, revision: string, path: string): string {
  return `hf://datasets/${repo}@${revision}/${path}`;
}

/** The http(s) address of a `hf://` or plain URL. */
export function resolveUrl(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const m = /^hf:\/\/datasets\/([^@]+)@([^/]+)\/(.+)$/.exec(url);
  if (!m) return url;
  const host = (env.YARDSTICK_HF_ENDPOINT || env.HF_ENDPOINT || 'https://huggingface.co').replace(/\/+$/, '');
  return `${host}/datasets/${m[1]}/resolve/${m[2]}/${m[3]}`;
}

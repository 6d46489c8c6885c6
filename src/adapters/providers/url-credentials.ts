import { registerSecret } from './redact.ts';

// user:password taken off base URLs in this process, by the bare URL: requests use them, nothing
// stores them (run specs and endpoints hold the bare URL).
const remembered = new Map<string, { username: string; password: string }>();

/**
 * The base URL without user:password. The credentials are kept for this process only (see
 * `credentialedUrl`) and registered as secrets, so no text written afterwards holds them. A value that
 * is not a URL is returned as it is, for the provider's own validation to reject.
 */
export function stripCredentials(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return baseUrl;
  }
  if (!url.username && !url.password) return baseUrl;
  const { username, password } = url;
  const plain = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  // As typed, decoded, and as the Basic authorization header carries them.
  for (const s of [password, decodeURIComponent(password), `${username}:${password}`, plain])
    registerSecret(s);
  registerSecret(Buffer.from(plain).toString('base64'));
  url.username = '';
  url.password = '';
  const bare = baseUrl.endsWith('/') ? url.href : url.href.replace(/\/$/, '');
  remembered.set(bare.replace(/\/+$/, ''), { username, password });
  return bare;
}

/** The URL requests go to: the bare base URL with the credentials taken off it in this process, if any. */
export function credentialedUrl(bareUrl: string): string {
  const creds = remembered.get(bareUrl.replace(/\/+$/, ''));
  if (!creds) return bareUrl;
  const url = new URL(bareUrl);
  url.username = creds.username;
  url.password = creds.password;
  return url.href;
}

/**
 * Custom-function results in the document cache. CacheService values are limited to 100 KB and keys to 250
 * characters: a long value is split into chunks under derived keys, and one too long even for that is simply not
 * cached. The cache only saves time, so every cache failure is a miss, never an error.
 *
 * Layout: KEY → "<chunk count>:<tag>:<first chunk>", KEY.1 … KEY.n-1 → "<tag>:<chunk>". The tag ties the chunks
 * of one write together, so chunks of two concurrent writes are never mixed.
 */

/** Characters per chunk; values are ASCII (see row-codec), so this is also bytes, with room for the prefix. */
const CHUNK_CHARS = 90_000;
/** Past this (~1.8 MB) a value is not worth the cache items it would take (the cache holds ~1,000). */
const MAX_CHUNKS = 20;

export const SIX_HOURS_S = 6 * 60 * 60;
export const TEN_MINUTES_S = 10 * 60;

function documentCache(): GoogleAppsScript.Cache.Cache | null {
  return CacheService.getDocumentCache();
}

/** A key of at most 250 characters from any text: a web-safe base64 SHA-256 digest (44 characters). */
export function cacheKey(prefix: string, identity: string): string {
  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    identity,
    Utilities.Charset.UTF_8,
  );
  return `${prefix}${Utilities.base64EncodeWebSafe(digest)}`;
}

export function readCachedText(key: string): string | null {
  try {
    const cache = documentCache();
    const head = cache?.get(key);
    if (!cache || !head) return null;
    const m = /^(\d+):([^:]*):/.exec(head);
    if (!m) return null;
    const count = Number(m[1]);
    const tag = m[2];
    const parts = [head.slice(m[0].length)];
    if (count > 1) {
      const keys = Array.from({ length: count - 1 }, (_, i) => `${key}.${i + 1}`);
      const rest = cache.getAll(keys);
      for (const k of keys) {
        const part = rest[k];
        if (typeof part !== 'string' || !part.startsWith(`${tag}:`)) return null;
        parts.push(part.slice(tag.length + 1));
      }
    }
    return parts.join('');
  } catch {
    return null;
  }
}

export function writeCachedText(key: string, text: string, expirationSeconds: number): void {
  const count = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  if (count > MAX_CHUNKS) return;
  try {
    const cache = documentCache();
    if (!cache) return;
    const tag = Date.now().toString(36) + Math.floor(Math.random() * 1e9).toString(36);
    const chunk = (i: number) => text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
    const values: Record<string, string> = {};
    for (let i = 1; i < count; i++) values[`${key}.${i}`] = `${tag}:${chunk(i)}`;
    // Chunks first, head last: a reader that finds the head finds its chunks.
    if (count > 1) cache.putAll(values, expirationSeconds);
    cache.put(key, `${count}:${tag}:${chunk(0)}`, expirationSeconds);
  } catch {
    // Over a cache limit or quota: the value is just not cached.
  }
}

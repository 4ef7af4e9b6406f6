/** Languages the API answers user-facing messages in: Chinese by default, English on request. */
export type Locale = 'zh' | 'en';

/**
 * Picks the locale from an Accept-Language header: English only when the caller prefers
 * some English over any Chinese (by order and q-weight); Chinese otherwise.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'zh';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh';
}

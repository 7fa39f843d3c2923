/** The built-in languages. Only `en` ships in the bundle; the others load on demand (see load.ts). */
export const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'ja', 'zh', 'ar', 'he'] as const;
export type Locale = (typeof LOCALES)[number];

// Persian and Urdu have no built-in strings but are right-to-left when a site supplies them as overrides.
// `iw` is Hebrew's retired code: resolveLang canonicalises it, callers passing raw tags may not.
const RTL = ['ar', 'he', 'iw', 'fa', 'ur'];

const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/** The built-in locale for a BCP 47 tag: `pt-BR` → `pt`, `zh-Hant-TW` → `zh`, anything unknown → `en`. */
export function pickLocale(tag: string): Locale {
  const sub = primary(tag).replace(/^iw$/, 'he');
  return LOCALES.find((l) => l === sub) ?? 'en';
}

/** Writing direction of a language tag. */
export const dir = (tag: string): 'ltr' | 'rtl' => (RTL.includes(primary(tag)) ? 'rtl' : 'ltr');

/** A canonical tag (`pt-br` → `pt-BR`), or '' when the value is empty or not a language tag at all. */
function canonical(value: string | null | undefined): string {
  try {
    return value?.trim() ? (Intl.getCanonicalLocales(value.replace(/_/g, '-').trim())[0] ?? '') : '';
  } catch {
    return ''; // RangeError: not a well-formed tag; keep looking further out
  }
}

const hostOf = (node: Node): Element | null => {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};

/**
 * The language an element should speak: its own `lang`, else the nearest ancestor's (crossing shadow roots through
 * their hosts), else `<html lang>`, else the browser's. An empty or malformed `lang` is skipped, not obeyed, because
 * CMS templates often emit `lang=""`.
 */
export function resolveLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]:not([lang=""])');
    const tag = canonical(found?.getAttribute('lang'));
    if (tag) return tag;
    // A malformed value: keep looking above it. Nothing found: leave this shadow root through its host.
    node = found?.parentElement ?? hostOf(found ?? node);
  }
  return canonical(document.documentElement.getAttribute('lang')) || canonical(navigator.language) || 'en';
}

/**
 * Calls `onChange(lang)` whenever the element's resolved language changes: a `lang` attribute edited on it, on any
 * ancestor (in every shadow root on the way up) or on `<html>`, or the browser's language. Returns its stop.
 */
export function watchLang(element: Element, onChange: (lang: string) => void): () => void {
  let current = resolveLang(element);
  const check = (): void => {
    const next = resolveLang(element);
    if (next !== current) onChange((current = next));
  };
  // One observer per root on the path up: an attribute filter keeps it cheap even on large documents.
  const observer = new MutationObserver(check);
  for (let node: Element | null = element; node; node = hostOf(node)) {
    observer.observe(node.getRootNode(), { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  addEventListener('languagechange', check);
  return () => {
    observer.disconnect();
    removeEventListener('languagechange', check);
  };
}

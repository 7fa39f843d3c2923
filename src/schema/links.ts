/**
 * A link the widget renders from configuration (the recovery offer): http(s), or relative to the page. Parsed as the
 * browser would (which drops tabs and newlines, so `java\tscript:` is javascript:), never matched as text.
 */
export function isSafeHref(href: string): boolean {
  try {
    return /^https?:$/.test(new URL(href, 'https://page.invalid/').protocol);
  } catch {
    return false;
  }
}

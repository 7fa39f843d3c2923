/** The first element matching `selector`, or null when it matches nothing or does not parse (callers report it). */
export function safeQuery(selector: string): Element | null {
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}

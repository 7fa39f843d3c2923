/**
 * Loud for developers, quiet for visitors: one console warning per distinct problem, always prefixed `cx-feedback`
 * so a site owner can filter for it. Remembered per page so a re-render or a second element with the same mistake
 * does not flood the console.
 */
const seen = new Set<string>();

export function warnOnce(message: string): void {
  const text = message.startsWith('cx-feedback') ? message : `cx-feedback: ${message}`;
  if (seen.has(text)) return;
  seen.add(text);
  console.warn(text);
}

/** Test hook: forget which warnings were shown. */
export const resetWarnings = (): void => seen.clear();

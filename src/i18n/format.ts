/**
 * Fills `{name}` placeholders: `format('{n} characters left', { n: 12 })`. An unknown placeholder is left as it is,
 * so a typo in an override shows up on screen instead of vanishing.
 */
export const format = (template: string, vars: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => (Object.hasOwn(vars, key) ? String(vars[key]) : match));

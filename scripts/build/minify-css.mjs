/**
 * Minifies the CSS inside Lit's css`…` tagged templates at build time (Lit ships them verbatim, so indentation and
 * comments would otherwise cost bytes in every bundle). Deliberately conservative: comments go, runs of whitespace
 * collapse, and spaces next to `{ } ; ,` and after `:` in declarations disappear. A space before `:` is kept, because
 * in a selector it is a descendant combinator (`.a :focus`). Templates with `${…}` interpolations are left alone.
 */
export function minifyCss(source) {
  return source.replace(/\bcss`([^`]*)`/g, (whole, body) => {
    if (body.includes('${')) return whole;
    const min = body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/([{;][\w-]+):\s+/g, '$1:')
      .replace(/;}/g, '}')
      .trim();
    return `css\`${min}\``;
  });
}

/** The Vite plugin: applies minifyCss to our own TypeScript sources. */
export const minifyCssPlugin = () => ({
  name: 'cx-minify-css',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
    return { code: minifyCss(code), map: null };
  },
});

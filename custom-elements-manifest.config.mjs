// The Custom Elements Manifest (dist/custom-elements.json) and the JSX and Solid typings generated from it, by
// @custom-elements-manifest/analyzer reading the element's JSDoc (`npm run build` runs it; the Vue and Svelte
// typings are written from the manifest by scripts/build/framework-types.mjs).
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSolidJsPlugin } from 'custom-element-solidjs-integration';

const outdir = 'dist/types/frameworks';
// Paths are relative to outdir: the generated typings import the element's class from the package's declarations.
const componentTypePath = () => '../element/cx-feedback.js';

/**
 * What JSDoc cannot say: each event's detail comes from CxEventMap (src/element/events.ts), and Lit's internal
 * reactive state (`state: true`) is neither an attribute nor public.
 */
const eventsAndState = {
  name: 'cx-events-and-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        const privateNames = new Set(
          (declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name),
        );
        declaration.attributes = declaration.attributes?.filter((a) => !privateNames.has(a.fieldName));
        for (const event of declaration.events ?? []) {
          event.type = { text: `import('../element/events.js').CxEventMap['${event.name}']` };
        }
      }
    }
  },
};

export default {
  globs: ['src/element/cx-feedback.ts'],
  outdir: 'dist',
  litelement: true,
  dependencies: false,
  // package.json names the manifest itself ("customElements"); the build must not rewrite it.
  packagejson: false,
  plugins: [
    eventsAndState,
    customElementJsxPlugin({ outdir, fileName: 'jsx.d.ts', componentTypePath, hideLogs: true }),
    customElementSolidJsPlugin({ outdir, fileName: 'solid.d.ts', componentTypePath, hideLogs: true }),
  ],
};

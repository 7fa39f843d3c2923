// The plain pages' browser check: the shared check on the page with the snippet, then on the Google Tag Manager
// recipe, whose tag adds the script and the element after the page loaded.
import { checkStatic } from '../shared/check.mjs';

const app = new URL('.', import.meta.url).pathname;
await checkStatic(app);
await checkStatic(app, 'gtm.html');

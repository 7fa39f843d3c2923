// The shared check, plus what makes Angular the late-property case: it sets `[survey]` on an element that is already
// in the page (connected), which must cause no cx-error and no warning (the shared check fails on either).
import { checkStatic } from '../shared/check.mjs';

await checkStatic(new URL('.', import.meta.url).pathname, '', { surveySet: 'after it connected' });

/**
 * Case- and accent-folding for matching words: "Lieferung", "LIEFERUNG" and "lieferung" are one theme, and so are
 * "délai" and "delai". Marks are removed only after Latin, Greek and Cyrillic letters: in Japanese the voicing mark
 * of が is a combining mark too, and removing it would turn one word into another.
 */
const FOLDABLE_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

/**
 * Words repeat across comments, so folded forms are remembered (bounded: a flood of distinct words only empties
 * the cache). toLowerCase, not toLocaleLowerCase: the locale-aware one resolves its locale on every call (about ten
 * times slower here) and differs only for Turkish and Lithuanian dotted i.
 */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

export function fold(word: string): string {
  let folded = cache.get(word);
  if (folded === undefined) {
    folded = word.normalize('NFD').replace(FOLDABLE_MARKS, '$1').normalize('NFC').toLowerCase();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, folded);
  }
  return folded;
}

type DisplayForms = { lowerCase: (word: string) => string; forms: Map<string, string> };
/** The locale tag is the visitor's to choose: a flood of made-up languages only empties this cache too. */
const LANGUAGE_LIMIT = 200;
const displayCaches = new Map<string, DisplayForms>();

/**
 * How a word is shown: as the customer wrote it, accents kept, lower-cased by the rules of the comment's language
 * (Turkish "I" is "ı", not "i"), so the same word in different capitals reads as one form. The locale-aware call is
 * the slow one (see above), so forms are remembered per language, bounded like the folded ones.
 */
export function displayForm(word: string, language: string): string {
  let forLanguage = displayCaches.get(language);
  if (!forLanguage) {
    if (displayCaches.size >= LANGUAGE_LIMIT) displayCaches.clear();
    displayCaches.set(language, (forLanguage = { lowerCase: lowerCaser(language), forms: new Map() }));
  }
  let form = forLanguage.forms.get(word);
  if (form === undefined) {
    form = forLanguage.lowerCase(word.normalize('NFC'));
    if (forLanguage.forms.size >= CACHE_LIMIT) forLanguage.forms.clear();
    forLanguage.forms.set(word, form);
  }
  return form;
}

/**
 * Locales come from the widget as any 1 to 35 letters, digits or "-", and toLocaleLowerCase throws on a malformed
 * tag: such a comment is lower-cased without a language's special rules rather than failing the page.
 */
function lowerCaser(language: string): (word: string) => string {
  try {
    const [locale] = Intl.getCanonicalLocales(language);
    if (locale) return (word) => word.toLocaleLowerCase(locale);
  } catch {
    // Malformed tag: fall through to the plain rules.
  }
  return (word) => word.toLowerCase();
}

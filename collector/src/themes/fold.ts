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

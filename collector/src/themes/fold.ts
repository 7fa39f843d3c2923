/**
 * Case- and accent-folding for matching words: "Lieferung", "LIEFERUNG" and "lieferung" are one theme, and so are
 * "délai" and "delai". Marks are removed only after Latin, Greek and Cyrillic letters: in Japanese the voicing mark
 * of が is a combining mark too, and removing it would turn one word into another.
 */
const FOLDABLE_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

export const fold = (word: string): string => word.normalize('NFD').replace(FOLDABLE_MARKS, '$1').normalize('NFC').toLocaleLowerCase('und');

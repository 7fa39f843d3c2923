import { fold } from './fold.ts';
import { isStopWord, languageOf } from './stopwords.ts';

export type ThemeText = {
  id: string;
  text: string;
  locale: string;
  tone: 'negative' | 'positive' | 'neutral' | 'unrated';
};

export type Theme = {
  /** The folded word or two-word phrase ("delivery", "wrong size"; in ja/zh the words are joined without a space). */
  phrase: string;
  /** Comments mentioning it, by the tone of their response's rating. */
  negative: number;
  positive: number;
  total: number;
  /** Ids of the comments mentioning it (the page links to them). */
  ids: string[];
};

/** A theme needs at least this many comments mentioning it: a phrase said once is an anecdote, not a theme. */
export const MIN_MENTIONS = 2;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  const lang = languageOf(locale);
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(Intl.Segmenter.supportedLocalesOf([lang]).length ? lang : 'en', { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

const UNSPACED = /^(ja|zh|th|lo|km|my)$/;
const DIGITS = /^\p{N}+$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Hiragana-only segments are particles and verb endings (the meaning is in the kanji or katakana beside them). */
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;

/**
 * Words and two-word phrases of one text, each once. Word boundaries come from Intl.Segmenter (dictionary-based for
 * Japanese and Chinese, which have no spaces); a phrase is two content words that follow each other with no stop
 * word between. Numbers and one-letter words (outside Chinese and Japanese) are left out.
 */
export function termsOf(text: string, locale: string): Set<string> {
  const terms = new Set<string>();
  const joiner = UNSPACED.test(languageOf(locale)) ? '' : ' ';
  let previous: string | null = null;
  for (const seg of segmenter(locale).segment(text)) {
    if (!seg.isWordLike) {
      // Punctuation ends a phrase; plain spaces do not.
      if (seg.segment.trim()) previous = null;
      continue;
    }
    const word = fold(seg.segment);
    const meaningful =
      !DIGITS.test(word) &&
      !HIRAGANA_ONLY.test(word) &&
      (word.length > 1 || CJK.test(word)) &&
      !isStopWord(word, locale);
    if (!meaningful) {
      previous = null;
      continue;
    }
    terms.add(word);
    if (previous) terms.add(`${previous}${joiner}${word}`);
    previous = word;
  }
  return terms;
}

/**
 * The recurring words and phrases of a set of comments, counted once per comment and split by the tone of the
 * answer they came with. A word is dropped where a phrase containing it is mentioned by the very same comments
 * ("wrong size" says more than "wrong" and "size" with the same counts). Most mentioned first.
 */
export function themes(texts: readonly (ThemeText & { terms?: ReadonlySet<string> })[], limit = 12): Theme[] {
  const byTerm = new Map<string, Theme>();
  for (const t of texts) {
    for (const phrase of t.terms ?? termsOf(t.text, t.locale)) {
      let theme = byTerm.get(phrase);
      if (!theme) byTerm.set(phrase, (theme = { phrase, negative: 0, positive: 0, total: 0, ids: [] }));
      theme.total++;
      if (t.tone === 'negative') theme.negative++;
      if (t.tone === 'positive') theme.positive++;
      theme.ids.push(t.id);
    }
  }
  const recurring = [...byTerm.values()].filter((t) => t.total >= MIN_MENTIONS);
  const phrases = recurring.filter((t) => t.phrase.includes(' ') || t.phrase.length > 1);
  const covered = (word: Theme) =>
    phrases.some(
      (p) =>
        p !== word && p.total === word.total && p.phrase.length > word.phrase.length && p.phrase.includes(word.phrase),
    );
  return recurring
    .filter((t) => !covered(t))
    .sort((a, b) => b.total - a.total || b.negative - a.negative || a.phrase.localeCompare(b.phrase))
    .slice(0, limit);
}

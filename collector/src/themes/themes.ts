import { displayForm, fold } from './fold.ts';
import { isStopWord, languageOf } from './stopwords.ts';

export type ThemeText = {
  id: string;
  text: string;
  locale: string;
  tone: 'negative' | 'positive' | 'neutral' | 'unrated';
};

export type Theme = {
  /**
   * The folded word or two-word phrase ("delivery", "wrong size", "spat"; in ja/zh the words are joined without a
   * space): the key that groups mentions and that the page's theme filter matches.
   */
  phrase: string;
  /** How people read it: the form its comments wrote most often, lower-cased, accents kept ("spät"). */
  label: string;
  /** Comments mentioning it, by the tone of their response's rating. */
  negative: number;
  positive: number;
  total: number;
  /** Ids of the comments mentioning it (the page links to them). */
  ids: string[];
};

/** A theme needs at least this many comments mentioning it: a phrase said once is an anecdote, not a theme. */
export const MIN_MENTIONS = 2;

/** Whether Intl has word rules for `lang`; a stored locale that is no language tag at all ("x", "12") has none. */
function segmentable(lang: string): boolean {
  try {
    return Intl.Segmenter.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false;
  }
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  const lang = languageOf(locale);
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(segmentable(lang) ? lang : 'en', { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

const UNSPACED = /^(ja|zh|th|lo|km|my)$/;
const DIGITS = /^\p{N}+$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Hiragana-only segments are particles and verb endings (the meaning is in the kanji or katakana beside them). */
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;

/** Folded word or phrase → how one text wrote it (see displayForm), the first time it did. */
export type Terms = ReadonlyMap<string, string>;

/**
 * Words and two-word phrases of one text, each once. Word boundaries come from Intl.Segmenter (dictionary-based for
 * Japanese and Chinese, which have no spaces); a phrase is two content words that follow each other with no stop
 * word between. Numbers and one-letter words (outside Chinese and Japanese) are left out.
 */
export function termsOf(text: string, locale: string): Terms {
  const terms = new Map<string, string>();
  const language = languageOf(locale);
  const joiner = UNSPACED.test(language) ? '' : ' ';
  let previous: string | null = null;
  let previousForm = '';
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
    const form = displayForm(seg.segment, language);
    addTerm(terms, word, form);
    if (previous) addTerm(terms, `${previous}${joiner}${word}`, `${previousForm}${joiner}${form}`);
    previous = word;
    previousForm = form;
  }
  return terms;
}

/** A theme is counted once per comment, so a comment lends it one form: the first way it wrote it. */
function addTerm(terms: Map<string, string>, term: string, form: string): void {
  if (!terms.has(term)) terms.set(term, form);
}

/** A theme while it is being counted: its mentions are indexes into the texts, turned into ids at the end. */
type Tally = Omit<Theme, 'label' | 'ids'> & { mentions: number[] };

/**
 * The recurring words and phrases of a set of comments, counted once per comment and split by the tone of the
 * answer they came with. A word is dropped where a phrase containing it is mentioned by the very same comments
 * ("wrong size" says more than "wrong" and "size" with the same counts). Most mentioned first.
 */
export function themes(texts: readonly (ThemeText & { terms?: Terms })[], limit = 12): Theme[] {
  const termsByText = texts.map((t) => t.terms ?? termsOf(t.text, t.locale));
  const byTerm = new Map<string, Tally>();
  texts.forEach((t, index) => {
    for (const phrase of termsByText[index].keys()) {
      let tally = byTerm.get(phrase);
      if (!tally) byTerm.set(phrase, (tally = { phrase, negative: 0, positive: 0, total: 0, mentions: [] }));
      tally.total++;
      if (t.tone === 'negative') tally.negative++;
      if (t.tone === 'positive') tally.positive++;
      tally.mentions.push(index);
    }
  });
  const recurring = [...byTerm.values()].filter((t) => t.total >= MIN_MENTIONS);
  const phrases = recurring.filter((t) => t.phrase.includes(' ') || t.phrase.length > 1);
  const covered = (word: Tally) =>
    phrases.some(
      (p) =>
        p !== word && p.total === word.total && p.phrase.length > word.phrase.length && p.phrase.includes(word.phrase),
    );
  return recurring
    .filter((t) => !covered(t))
    .sort((a, b) => b.total - a.total || b.negative - a.negative || a.phrase.localeCompare(b.phrase))
    .slice(0, limit)
    .map(({ phrase, negative, positive, total, mentions }) => ({
      phrase,
      label: mostFrequent(mentions.map((index) => termsByText[index].get(phrase) ?? phrase)),
      negative,
      positive,
      total,
      ids: mentions.map((index) => texts[index].id),
    }));
}

/**
 * The form a theme's comments wrote most often. A tie goes to the form first in code-unit order (so "spat" before
 * "spät"): unlike "first seen", that does not depend on the order the comments were read in, so the label stays put
 * as long as the counts do.
 */
function mostFrequent(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [form, count] of counts) {
    if (count > most || (count === most && form < best)) [best, most] = [form, count];
  }
  return best;
}

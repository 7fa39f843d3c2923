/**
 * Every string the widget shows, in English: the only locale inlined in the bundle and the fallback while another
 * one loads or when it cannot be loaded. The key order is the order of docs/i18n.md and of every locale file.
 * `{n}` is a placeholder filled by `format()`; translations must keep it.
 */
export const en = {
  // Default prompts per kind (a question's own `prompt` wins).
  promptEmoji: 'How was your experience?',
  promptThumbs: 'Was this helpful?',
  promptCsat: 'How satisfied are you with your experience?',
  promptNps: 'How likely are you to recommend us to a friend or colleague?',
  promptCes: 'How easy was it to get what you needed?',
  promptReaction: 'How do you feel about this?',
  promptExpectation: 'How did this compare with what you expected?',
  promptTask: 'Did you find what you came for?',
  followUpPrompt: 'Tell us more about your experience',
  followUpPlaceholder: 'What went well? What could be better?',
  // Accessible names of the five faces (1 → 5) and of thumbs up / down.
  emoji1: 'Very unhappy',
  emoji2: 'Unhappy',
  emoji3: 'Neutral',
  emoji4: 'Happy',
  emoji5: 'Very happy',
  yes: 'Yes',
  no: 'No',
  // Visible names of the reactions, the expectation answers and task completion's middle answer.
  reactionDelighted: 'Delighted',
  reactionHappy: 'Happy',
  reactionNeutral: 'Neutral',
  reactionConfused: 'Confused',
  reactionFrustrated: 'Frustrated',
  reactionAngry: 'Angry',
  expectationWorse: 'Worse than expected',
  expectationAbout: 'About what I expected',
  expectationBetter: 'Better than expected',
  partly: 'Partly',
  // End labels of the numeric scales.
  csatMin: 'Very dissatisfied',
  csatMax: 'Very satisfied',
  npsMin: 'Not at all likely',
  npsMax: 'Extremely likely',
  cesMin: 'Very difficult',
  cesMax: 'Very easy',
  // Choice and text questions.
  other: 'Other',
  otherPlaceholder: 'Please specify',
  selectAll: 'Select all that apply',
  charsLeft: '{n} characters left',
  // Buttons.
  send: 'Send',
  next: 'Next',
  skip: 'Skip',
  close: 'Close',
  askLater: 'Ask me later',
  launcher: 'Feedback',
  // Outcome, announced in the status region.
  sending: 'Sending…',
  savedOffline: 'Saved — it will be sent when you’re back online.',
  thanks: 'Thank you!',
  thanksLine: 'Your feedback helps us improve.',
  error: 'Sorry, your feedback couldn’t be sent.',
  retry: 'Try again',
};

export type StringKey = keyof typeof en;
/** One language's strings: every key of `en`, any text. */
export type Strings = Record<StringKey, string>;

/** The keys in their documented order. */
export const KEYS = Object.keys(en) as StringKey[];

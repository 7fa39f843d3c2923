/**
 * Which <cx-feedback> widgets are on the page, for the JS API (`cxFeedback('show', 'checkout-ces')`). An element
 * registers once its survey id is known (connect, or after its config parsed) and unregisters on disconnect.
 */
export type Widget = {
  /** The effective survey id (the element's `survey-id` or its survey JSON's id). */
  readonly surveyId: string;
  readonly touchpoint: string;
  show(trigger?: string): unknown;
  hide(): unknown;
};

const widgets = new Set<Widget>();
/** Commands that named a widget before any matching one had registered (queued snippet calls replay early). */
const pending: [key: string, run: (w: Widget) => void][] = [];

const matches = (w: Widget, key: string) => w.surveyId == key || w.touchpoint == key;

/** Widgets whose survey id or touchpoint is `key`. */
export const lookup = (key: string): Widget[] => [...widgets].filter((w) => matches(w, key));

export function register(widget: Widget): () => void {
  widgets.add(widget);
  for (let i = pending.length; i--;) {
    const [key, run] = pending[i];
    if (matches(widget, key)) {
      pending.splice(i, 1);
      run(widget);
    }
  }
  return () => void widgets.delete(widget);
}

/** Runs `run` on every widget matching `key` now, or on the first one that registers later. */
export function withWidgets(key: string, run: (w: Widget) => void): void {
  const found = lookup(key);
  if (found.length) found.forEach(run);
  else pending.push([key, run]);
}

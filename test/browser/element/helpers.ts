import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { CxFeedback } from '../../../src/element/cx-feedback.ts';
import type { PayloadV1 } from '../../../src/schema/payload.ts';
import '../../../src/define.ts';

export const ENDPOINT = '/__cx/collect';
let n = 0;
/** A touchpoint no other test uses, so reading the shared test receiver's store is per test. */
export const uniqueTouchpoint = (name: string): string => `${name}-${Date.now().toString(36)}-${++n}`;

export async function mount(template: TemplateResult): Promise<CxFeedback> {
  const el = await fixture<CxFeedback>(template);
  await el.updateComplete;
  return el;
}

export const shadow = (el: HTMLElement): ShadowRoot => el.shadowRoot as ShadowRoot;
export const options = (el: HTMLElement): HTMLElement[] => [
  ...shadow(el).querySelectorAll<HTMLElement>('[part~="option"]'),
];
export const option = (el: HTMLElement, value: string | number): HTMLElement => {
  const found = shadow(el).querySelector<HTMLElement>(`[part~="option"][data-value="${value}"]`);
  if (!found) throw new Error(`no option ${value}`);
  return found;
};

export type Stored = { payload: PayloadV1; contentType: string };
export async function stored(touchpoint: string): Promise<Stored[]> {
  const res = await fetch(`/__cx/stored?touchpoint=${encodeURIComponent(touchpoint)}`);
  return res.json();
}

/** Waits until the test receiver holds `count` responses for the touchpoint (the outbox sends asynchronously). */
export async function storedCount(touchpoint: string, count: number): Promise<Stored[]> {
  let list: Stored[] = [];
  await waitUntil(
    async () => (list = await stored(touchpoint)).length >= count,
    `expected ${count} stored responses for ${touchpoint}`,
    { timeout: 5000, interval: 50 },
  );
  return list;
}

export function spyWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';

/** The engine the browser tests run in (CX_ENGINE of web-test-runner.config.mjs), read from the user agent. */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrome\//.test(navigator.userAgent) // HeadlessChrome/… when headless
    ? 'chromium'
    : 'webkit';

/**
 * Media emulation (forced colors, reduced motion, colour scheme) needs the Chrome DevTools Protocol: @web/test-runner
 * has it for Chromium only, not over WebDriver BiDi (Firefox) or classic WebDriver (WebKit). False where it cannot.
 */
export async function tryEmulateMedia(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  if (engine != 'chromium') return false;
  await emulateMedia(media);
  return true;
}

/** Resizing the viewport: Chromium and Firefox; classic WebDriver (WebKit) cannot in @web/test-runner. */
export async function trySetViewport(size: { width: number; height: number }): Promise<boolean> {
  if (engine == 'webkit') return false;
  await setViewport(size);
  return true;
}

/** WebDriver's codes for the keys our tests chord or type (classic WebDriver keeps a modifier down to the end). */
const WEBDRIVER: Record<string, string> = { Shift: '\uE008', Tab: '\uE004' };

/**
 * Presses one key or a chord (`Shift+Tab`) the same way in every launcher: Playwright takes chords and `Space`,
 * puppeteer wants the modifier held around the key and a space as ' ', and @web/test-runner's WebDriver launcher sends
 * only single keys or typed text, so there the chord is typed as WebDriver key codes.
 */
export async function press(key: string): Promise<void> {
  if (engine == 'webkit' && key.includes('+')) {
    await sendKeys({
      type: key
        .split('+')
        .map((part) => WEBDRIVER[part] ?? part)
        .join(''),
    });
    return;
  }
  const parts = key.split('+');
  const name = parts.pop()!;
  for (const modifier of parts) await sendKeys({ down: modifier });
  await sendKeys({ press: name == 'Space' ? ' ' : name });
  for (const modifier of parts.reverse()) await sendKeys({ up: modifier });
}

/**
 * Types text into the focused field. WebKitWebDriver drops repeated letters and spaces from typed text (measured:
 * "More screenshots" arrives as "More screnshots"), so in WebKit the focused field gets the text and an input event,
 * as typing would give it; focus and Tab order are still the keyboard's.
 */
export async function type(text: string): Promise<void> {
  if (engine != 'webkit') return void (await sendKeys({ type: text }));
  let field: Element | null = document.activeElement;
  while (field?.shadowRoot?.activeElement) field = field.shadowRoot.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement))
    throw new Error('type(): no focused text field');
  field.value += text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text, inputType: 'insertText' }));
}

/**
 * What the engine scenarios (test/e2e/engines.test.ts) need from a browser, and no more, so each scenario is written
 * once and runs in Chromium (playwright-core), Firefox (puppeteer-core over WebDriver BiDi) and WebKit (webdriverio
 * over classic WebDriver). Where an engine's protocol cannot do something the scenarios need, its driver says so by
 * throwing, never by quietly doing less.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** A function run in the page: it must not close over anything from Node (it is sent as source text). */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

/** A document to act in: a tab's page, or the first iframe in it. */
export interface Frame {
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** A real pointer click on `selector` inside the shadow root of the document's first `<cx-feedback>`. */
  clickInWidget(selector: string): Promise<void>;
}

export interface Tab extends Frame {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The page's first iframe (e.g. the sandboxed one of the fault server's /sandboxed.html), once it exists. */
  firstFrame(): Promise<Frame>;
  /** Console messages (`warning: …`, `error: …`) of this tab so far, across reloads. */
  console(): Promise<string[]>;
  /** Uncaught errors and unhandled rejections, as the fault server's pages record them (window.__errors). */
  errors(): Promise<string[]>;
  /** Closes the tab as a visitor does: the page gets its pagehide and may send on the way out. */
  close(): Promise<void>;
}

/** An isolated profile: its own storage, shared by all of its tabs. */
export interface Context {
  newTab(url: string): Promise<Tab>;
  close(): Promise<void>;
}

export interface Driver {
  name: EngineName;
  newContext(): Promise<Context>;
  close(): Promise<void>;
}

/** Polls `check` until it returns a truthy value; a timeout names `what`. */
export async function until<T>(check: () => T | Promise<T>, ms: number, what: string): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `fn` is truthy in the page. */
export const waitInPage = <A, R>(tab: Frame, fn: PageFunction<A, R>, arg: A, ms: number, what: string) =>
  until(() => tab.evaluate(fn, arg), ms, what);

/** In the page: one of the fault server's in-page records (see fault-server.ts), or [] on a page without it. */
export const readRecord = (name: '__errors' | '__console'): string[] =>
  (window as unknown as Partial<Record<typeof name, string[]>>)[name] ?? [];

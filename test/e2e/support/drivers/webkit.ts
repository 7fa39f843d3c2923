import { remote } from 'webdriverio';
import { startWebKitDriver } from '../../../support/engines/webkit-driver.mjs';
import { MINIBROWSER } from '../../../support/engines/webkit-launcher.mjs';
import { type Context, type Driver, type PageFunction, type Tab } from './driver.ts';

type Session = Awaited<ReturnType<typeof remote>>;

/**
 * Classic WebDriver has one current window per session and no console or page-error events: every call first
 * switches to its tab's window (calls are queued so two tabs never interleave), and the console is the page's own
 * record (window.__console on the fault server's /host.html).
 */
function tabs(session: Session, holder: string): Context['newTab'] {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  return async (url) => {
    // The W3C New Window command, then a navigation (webdriverio's newWindow() goes through window.open, which
    // left MiniBrowser's new tab on about:blank).
    const handle = await serial(async () => {
      const { handle } = await session.createWindow('tab');
      await session.switchToWindow(handle);
      await session.url(url);
      return handle;
    });
    const seen: string[] = [];
    const inTab = <T>(work: () => Promise<T>) =>
      serial(async () => {
        await session.switchToWindow(handle);
        return work();
      });
    // WebKitWebDriver returns script results through the page's own JSON serialisation, so a host page's
    // Array.prototype.toJSON (the hostile scenario) turns an array into a string: records come back as one string.
    const record = async (name: '__errors' | '__console') => {
      const joined = await session.execute(
        (key) => ((window as unknown as Partial<Record<typeof name, string[]>>)[key] ?? []).join('\u0000'),
        name,
      );
      return joined ? joined.split('\u0000') : [];
    };
    // The page's console record dies with the document: keep what it said before a reload or close.
    const keepConsole = async () => void seen.push(...(await record('__console')));
    const clickIn = async (selector: string) => {
      const target = session.$('cx-feedback').shadow$(selector);
      await target.waitForExist({ timeout: 10_000 });
      await target.click();
    };
    const tab: Tab = {
      goto: (to) => inTab(async () => void (await keepConsole(), await session.url(to))),
      reload: () => inTab(async () => (await keepConsole(), await session.refresh())),
      evaluate: <A, R>(fn: PageFunction<A, R>, arg: A) =>
        inTab(async () => (await session.execute(fn as (arg: unknown) => unknown, arg as unknown)) as R),
      clickInWidget: (selector) => inTab(() => clickIn(selector)),
      async firstFrame() {
        await inTab(() => session.$('iframe').waitForExist({ timeout: 10_000 }));
        // Classic WebDriver acts in one browsing context at a time: enter the frame for each call, then leave it.
        const inFrame = <T>(work: () => Promise<T>) =>
          inTab(async () => {
            await session.switchFrame(session.$('iframe'));
            try {
              return await work();
            } finally {
              await session.switchToParentFrame();
            }
          });
        return {
          evaluate: <A, R>(fn: PageFunction<A, R>, arg: A) =>
            inFrame(async () => (await session.execute(fn as (arg: unknown) => unknown, arg as unknown)) as R),
          clickInWidget: (selector) => inFrame(() => clickIn(selector)),
        };
      },
      console: () => inTab(async () => [...seen, ...(await record('__console'))]),
      errors: () => inTab(() => record('__errors')),
      close: () =>
        inTab(async () => {
          await keepConsole();
          await session.closeWindow();
          await session.switchToWindow(holder);
        }),
    };
    return tab;
  };
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver), under the lead's Xvfb (webkit-driver.mjs). A
 * context is a WebDriver session: its own MiniBrowser and storage. The session's first window stays open on
 * about:blank so that closing a tab is a tab closing, not the browser quitting.
 */
export async function webkitDriver(): Promise<Driver> {
  const driver = await startWebKitDriver();
  const sessions = new Set<Session>();
  return {
    name: 'webkit',
    async newContext(): Promise<Context> {
      const session = await remote({
        hostname: '127.0.0.1',
        port: driver.port,
        path: '/',
        logLevel: 'error',
        capabilities: {
          // Not in webdriverio's capability types: WebKitWebDriver's own (as in webkit-launcher.mjs).
          ...({ 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } as object),
          browserName: 'MiniBrowser',
          // WebKitWebDriver speaks classic WebDriver only.
          'wdio:enforceWebDriverClassic': true,
        },
      });
      sessions.add(session);
      const holder = await session.getWindowHandle();
      return {
        newTab: tabs(session, holder),
        async close() {
          sessions.delete(session);
          await session.deleteSession();
        },
      };
    },
    async close() {
      await Promise.all([...sessions].map((s) => s.deleteSession().catch(() => undefined)));
      driver.stop();
    },
  };
}

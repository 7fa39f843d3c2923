/**
 * Runs `fn` only if no other tab (or other copy of the script) is sending the same row; resolves whether it ran.
 * Per-row locks let tabs drain different rows side by side while each row is in flight from one place at a time
 * (matrix C01). Locks are never stolen: a dead tab's Web Lock is released by the browser, its lease expires (C02).
 */
export type Lock = (id: string, fn: () => Promise<void>) => Promise<boolean>;

const PREFIX = 'cx-feedback-send:';

export const webLock =
  (locks: LockManager): Lock =>
  async (id, fn) => {
    let ran = false;
    try {
      // Null prototype: a polluted Object.prototype.steal or .mode must not change the request (matrix H03).
      const options = { __proto__: null, ifAvailable: true } as LockOptions;
      return await locks.request(PREFIX + id, options, async (lock) => !!lock && ((ran = true), await fn(), true));
    } catch {
      // request() itself failed (e.g. SecurityError in an opaque origin): send unguarded, the receiver dedupes.
      return ran || (await fn(), true);
    }
  };

/**
 * Fallback where Web Locks are missing (plain-http pages, old Safari): a lease in localStorage, `tab expiry`. Two
 * tabs racing both write; the later write wins and the earlier one sees that after a short pause.
 */
export const leaseLock =
  (ls: Storage | undefined, tab: string, now: () => number, ms: () => number): Lock =>
  async (id, fn) => {
    const key = PREFIX + id;
    const holder = () => {
      const [who, until] = (ls?.getItem(key) || ' 0').split(' ');
      return +until > now() ? who : '';
    };
    try {
      if (holder()) return false;
      ls!.setItem(key, `${tab} ${now() + ms()}`);
      await new Promise((r) => setTimeout(r, 30));
      if (holder() != tab) return false;
    } catch {
      /* no usable localStorage: send unguarded, the receiver dedupes */
    }
    try {
      await fn();
    } finally {
      try {
        if (holder() == tab) ls!.removeItem(key);
      } catch {
        /* same */
      }
    }
    return true;
  };

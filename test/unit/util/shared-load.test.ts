import { describe, expect, it } from 'vitest';
import { sharedLoad } from '../../../src/util/shared-load.ts';

/** A load whose attempts the test settles by hand, one by one. */
function controlledLoad() {
  const attempts: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const start = () => new Promise<string>((resolve, reject) => attempts.push({ resolve, reject }));
  return { attempts, load: sharedLoad(start) };
}

describe('sharedLoad', () => {
  it('shares one attempt between the callers while it is in flight', async () => {
    const { attempts, load } = controlledLoad();
    const first = load();
    const second = load();
    expect(attempts).toHaveLength(1);
    attempts[0]!.resolve('module');
    await expect(Promise.all([first, second])).resolves.toEqual(['module', 'module']);
    await expect(load()).resolves.toBe('module');
    expect(attempts).toHaveLength(1);
  });

  it('starts again for the next caller once an attempt failed', async () => {
    const { attempts, load } = controlledLoad();
    const first = load();
    attempts[0]!.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    const next = load();
    expect(attempts).toHaveLength(2);
    attempts[1]!.resolve('module');
    await expect(next).resolves.toBe('module');
  });

  it('gives a caller that joined an earlier attempt one of its own when that attempt fails', async () => {
    const { attempts, load } = controlledLoad();
    const warmUp = load(); // e.g. a hovered launcher, while the network was still down
    const open = load(); // the card opens before the warm-up has settled
    attempts[0]!.reject(new Error('offline'));
    await expect(warmUp).rejects.toThrow('offline');
    await expect.poll(() => attempts.length).toBe(2);
    attempts[1]!.resolve('module');
    await expect(open).resolves.toBe('module');
  });

  it('lets the joined callers share the one fresh attempt, and reports its failure', async () => {
    const { attempts, load } = controlledLoad();
    load().catch(() => undefined);
    const joined = [load(), load()];
    attempts[0]!.reject(new Error('offline'));
    await expect.poll(() => attempts.length).toBe(2);
    attempts[1]!.reject(new Error('still offline'));
    for (const caller of joined) await expect(caller).rejects.toThrow('still offline');
    expect(attempts).toHaveLength(2);
  });
});

import { sharedLoad } from './shared-load.ts';

/** How long to wait before the second try: long enough for a dropped connection or a deploy in progress to pass. */
const RETRY_MS = 1000;

/**
 * A dynamic import shared by its callers (see sharedLoad) and tried twice before it rejects. Browsers fetch a module
 * again after a failed fetch, so the second try uses the same URL; after a rejection the next call starts over.
 */
export function retriedImport<T>(load: () => Promise<T>): () => Promise<T> {
  return sharedLoad(() =>
    load().catch(() => new Promise<T>((resolve, reject) => setTimeout(() => load().then(resolve, reject), RETRY_MS))),
  );
}

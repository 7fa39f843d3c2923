/** Where the core leaves what it lends the survey UI (src/core/lend.ts, borrowed.ts). Symbol.for: both halves agree. */
export const LENT = Symbol.for('cx-feedback:lent');

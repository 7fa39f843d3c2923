/**
 * A v1 payload nests four levels (payload → answers → answer → value list); 5,000 levels of arrays are an attack on
 * every recursive step after parsing (validation, error wording, logging). Measured without recursion, so the
 * check itself cannot overflow the stack, and it stops as soon as the limit is passed.
 */
export const MAX_NESTING = 8;

export function nestingDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length) {
    const next = pending.pop();
    if (!next || next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

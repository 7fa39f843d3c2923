import type { Facets } from './types.ts';

export type FacetColumn = 'touchpoint' | 'survey_id' | 'locale';

/**
 * Facets from two store queries: the `limit` most answered values of a column (shown sorted by name), and, only
 * when a list was cut, how many distinct values the column has (so the page can offer "N more").
 */
export async function collectFacets(
  limit: number,
  top: (column: FacetColumn) => string[] | Promise<string[]>,
  count: (column: FacetColumn) => number | Promise<number>,
): Promise<Facets> {
  const shown = {
    touchpoints: [...(await top('touchpoint'))].sort(),
    surveys: [...(await top('survey_id'))].sort(),
    locales: [...(await top('locale'))].sort(),
  };
  if (Object.values(shown).every((list) => list.length < limit)) return shown;
  const hidden = {
    touchpoints: (await count('touchpoint')) - shown.touchpoints.length,
    surveys: (await count('survey_id')) - shown.surveys.length,
    locales: (await count('locale')) - shown.locales.length,
  };
  return { ...shown, hidden };
}

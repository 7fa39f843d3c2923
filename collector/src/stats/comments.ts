import type { CommentRow, RootRatingRow } from '../store/types.ts';
import type { RatingKind } from '../../../src/schema/scales.ts';

export type Score = { questionId: string; type: RatingKind; value: number };
export type Comment = Omit<CommentRow, 'rootId'> & { scores: Score[] };

/**
 * A comment usually arrives in a follow-up payload (`followUpOf` = the first response's id) while its rating came
 * in the first one. Both share a root id, so a comment is shown with every rating given under that root.
 */
export function attachScores(comments: readonly CommentRow[], ratings: readonly RootRatingRow[]): Comment[] {
  const byRoot = new Map<string, Score[]>();
  for (const r of ratings) {
    const list = byRoot.get(r.rootId) ?? [];
    list.push({ questionId: r.questionId, type: r.type, value: r.value });
    byRoot.set(r.rootId, list);
  }
  return comments.map(({ rootId, ...c }) => ({ ...c, scores: (byRoot.get(rootId) ?? []).slice().sort((a, b) => a.questionId.localeCompare(b.questionId)) }));
}

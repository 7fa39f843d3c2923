import type { Answer, Metadata, PayloadV1, RedactionKind } from '../schema/payload.ts';
import { scrub } from '../privacy/scrub.ts';
import { pageUrl } from '../privacy/url.ts';
import { wantsPrivacy } from '../privacy/signals.ts';
import { LIMITS } from '../schema/limits.ts';

export type PayloadInput = {
  id: string;
  surveyId: string;
  touchpoint: string;
  answers: Answer[];
  metadata: Metadata;
  locale: string;
  followUpOf?: string;
  placement?: 'inline' | 'popover' | 'floating';
  trigger?: string;
  /** Query parameters the site chose to keep in context.url (everything else is dropped). */
  keepParams?: readonly string[];
  /** Free-text scrubbing of e-mails, phones, cards, IBANs; on unless the site turned it off. */
  scrubText?: boolean;
  now?: Date;
  location?: Pick<Location, 'href'>;
  navigator?: Navigator;
  viewport?: { width: number; height: number };
};

/**
 * Builds a v1 payload: free text scrubbed, URL trimmed, optional context only without privacy signals. Text that
 * could outgrow a schema limit is cut to it here (scrubbing can lengthen an answer; a click trigger's selector is the
 * site's), because a payload over a limit is refused when queued and the answer would be lost.
 */
export function buildPayload(input: PayloadInput): PayloadV1 {
  const redacted = new Set<RedactionKind>();
  const clean = (text: string): string => {
    if (input.scrubText === false) return text;
    const result = scrub(text);
    result.kinds.forEach((k) => redacted.add(k));
    return result.text.slice(0, LIMITS.textLength);
  };
  const answers = input.answers.map((a): Answer => {
    const out: Answer = { questionId: a.questionId, type: a.type, value: typeof a.value === 'string' && a.type !== 'choice' ? clean(a.value) : a.value };
    if (a.other !== undefined) out.other = clean(a.other);
    return out;
  });
  const nav = input.navigator ?? navigator;
  const payload: PayloadV1 = {
    v: 1,
    id: input.id,
    surveyId: input.surveyId,
    touchpoint: input.touchpoint,
    answers,
    context: { url: pageUrl((input.location ?? location).href, input.keepParams), locale: input.locale },
    metadata: input.metadata,
    createdAt: (input.now ?? new Date()).toISOString(),
  };
  if (input.followUpOf) payload.followUpOf = input.followUpOf;
  if (input.placement) payload.context.placement = input.placement;
  if (input.trigger) payload.context.trigger = input.trigger.slice(0, LIMITS.triggerLength);
  // Global Privacy Control / Do Not Track: send nothing optional about the device.
  if (!wantsPrivacy(nav)) {
    payload.context.userAgent = nav.userAgent.slice(0, 400);
    const vp = input.viewport ?? { width: innerWidth, height: innerHeight };
    payload.context.viewport = `${Math.round(vp.width)}x${Math.round(vp.height)}`;
  }
  if (redacted.size) payload.context.redacted = [...redacted];
  return payload;
}

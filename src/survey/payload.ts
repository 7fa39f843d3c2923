import type { Answer, Metadata, PayloadV1, RedactionKind } from '../schema/payload.ts';
import { scrub } from '../privacy/scrub.ts';
import { pageUrl } from '../privacy/url.ts';
import { wantsPrivacy } from '../privacy/signals.ts';
import { LIMITS } from '../schema/limits.ts';
import { cutText, wellFormed } from './text.ts';

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
  /** The journey stage of the touchpoint (context.stage), when the site names one. */
  stage?: string;
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
 * site's), because a payload over a limit is refused when queued and the answer would be lost. Free text also loses
 * what the schema refuses (NUL, lone surrogates), and is cut between graphemes, never inside a surrogate pair.
 */
export function buildPayload(input: PayloadInput): PayloadV1 {
  const redacted = new Set<RedactionKind>();
  const clean = (text: string): string => {
    let out = wellFormed(text);
    if (input.scrubText !== false) {
      const result = scrub(out);
      result.kinds.forEach((k) => redacted.add(k));
      out = result.text;
    }
    return cutText(out, LIMITS.textLength);
  };
  const answers = input.answers.map((a): Answer => {
    const out: Answer = {
      questionId: a.questionId,
      type: a.type,
      value: typeof a.value === 'string' && a.type !== 'choice' ? clean(a.value) : a.value,
    };
    if (a.other !== undefined) out.other = clean(a.other);
    if (a.level) out.level = a.level;
    if (a.valence) out.valence = a.valence;
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
  if (input.trigger) payload.context.trigger = cutText(wellFormed(input.trigger), LIMITS.triggerLength);
  if (input.stage) payload.context.stage = input.stage;
  // Global Privacy Control / Do Not Track: send nothing optional about the device.
  if (!wantsPrivacy(nav)) {
    payload.context.userAgent = cutText(wellFormed(nav.userAgent), 400);
    const vp = input.viewport ?? { width: innerWidth, height: innerHeight };
    payload.context.viewport = `${Math.round(vp.width)}x${Math.round(vp.height)}`;
  }
  if (redacted.size) payload.context.redacted = [...redacted];
  return payload;
}

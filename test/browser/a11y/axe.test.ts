import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { CxFeedback } from '../../../src/element/cx-feedback.ts';
import {
  arabicLocales,
  CHOICE_SURVEY,
  ENDPOINT,
  expectAccessible,
  FAILING_ENDPOINT,
  mount,
  option,
  settled,
  shadow,
  uniqueTouchpoint,
  untilArabic,
  untilError,
  untilPlaced,
} from './helpers.ts';

const KINDS = ['emoji', 'thumbs', 'csat', 'nps', 'ces', 'reaction', 'expectation', 'task'] as const;
/** An answer that is not the first option, so arrow keys, clicks and "selected" styles all show. */
const PICK = { emoji: 4, thumbs: 0, csat: 4, nps: 9, ces: 6, reaction: 'confused', expectation: 1, task: 1 } as const;

type Kind = (typeof KINDS)[number];
const widget = (kind: Kind, extra: { endpoint?: string; followUp?: string; theme?: string } = {}) =>
  mount(html`<cx-feedback endpoint=${extra.endpoint ?? ENDPOINT} touchpoint=${uniqueTouchpoint(`a11y-${kind}`)} question=${kind}
    follow-up=${extra.followUp ?? ''} theme=${extra.theme ?? 'light'} lang="en"></cx-feedback>`);

/** Every visual state of a one-tap kind, reached the way a customer reaches it. */
const STATES: Record<string, (kind: Kind, theme: string) => Promise<CxFeedback>> = {
  initial: (kind, theme) => widget(kind, { theme }),
  // Arrow keys select without answering: the selected style stays on screen.
  selected: async (kind, theme) => {
    const el = await widget(kind, { theme });
    shadow(el).querySelector('input')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settled(el);
    expect(shadow(el).querySelector('[part~="option-selected"]'), 'an option is selected').to.not.equal(null);
    return el;
  },
  'follow-up': async (kind, theme) => {
    const el = await widget(kind, { theme, followUp: 'What could we do better?' });
    option(el, PICK[kind]).click();
    await settled(el);
    expect(shadow(el).querySelector('textarea'), 'the follow-up is shown').to.not.equal(null);
    return el;
  },
  thanks: async (kind, theme) => {
    const el = await widget(kind, { theme });
    option(el, PICK[kind]).click();
    await settled(el);
    expect(shadow(el).querySelector('.thanks')).to.not.equal(null);
    return el;
  },
  error: async (kind, theme) => {
    const el = await widget(kind, { theme, endpoint: FAILING_ENDPOINT });
    option(el, PICK[kind]).click();
    await untilError(el);
    return el;
  },
};

describe('axe: every kind in every state (inline)', () => {
  for (const theme of ['light', 'dark'])
    for (const kind of KINDS)
      for (const [state, reach] of Object.entries(STATES)) {
        it(`${kind} · ${state} · ${theme}`, async () => {
          const el = await reach(kind, theme);
          await expectAccessible(el, `${kind} ${state} ${theme}`);
        });
      }
});

describe('axe: saved for later (endpoint outage, answer kept in the outbox)', () => {
  for (const theme of ['light', 'dark']) {
    it(`csat · ${theme}`, async () => {
      const tp = uniqueTouchpoint('a11y-outage');
      const el = await mount(
        html`<cx-feedback endpoint=${`${ENDPOINT}?outage=${tp}`} touchpoint=${tp} question="csat" theme=${theme} lang="en"></cx-feedback>`,
      );
      try {
        option(el, 4).click();
        await waitUntil(
          () => shadow(el).querySelector('.status')?.textContent?.trim().startsWith('Saved'),
          'expected the "saved, will be sent" status',
          { timeout: 8000 },
        );
        await expectAccessible(el, `saved ${theme}`);
      } finally {
        await fetch(`/__cx/heal?key=${tp}`); // let the outbox deliver it, so no retries outlive the test
      }
    });
  }
});

describe('axe: a choice + text survey', () => {
  const survey = (endpoint = ENDPOINT, theme = 'light') =>
    mount(
      html`<cx-feedback endpoint=${endpoint} touchpoint=${uniqueTouchpoint('a11y-choice')} theme=${theme} lang="en"><script type="application/json">${CHOICE_SURVEY}</script></cx-feedback>`,
    );
  const send = async (el: CxFeedback) => {
    shadow(el).querySelector<HTMLButtonElement>('button.primary')!.click();
    await settled(el);
  };

  for (const theme of ['light', 'dark']) {
    it(`initial · ${theme}`, async () => {
      await expectAccessible(await survey(ENDPOINT, theme), 'choice initial');
    });

    it(`"Other" selected, its text field shown · ${theme}`, async () => {
      const el = await survey(ENDPOINT, theme);
      option(el, 'other').click();
      await settled(el);
      expect(shadow(el).querySelector('input.other')).to.not.equal(null);
      await expectAccessible(el, 'choice selected');
    });

    it(`follow-up text question · ${theme}`, async () => {
      const el = await survey(ENDPOINT, theme);
      option(el, 'Docs').click();
      await send(el);
      expect(shadow(el).querySelector('textarea')).to.not.equal(null);
      await expectAccessible(el, 'choice follow-up');
    });

    it(`thanks · ${theme}`, async () => {
      const el = await survey(ENDPOINT, theme);
      option(el, 'Docs').click();
      await send(el);
      await send(el);
      expect(shadow(el).querySelector('.thanks')).to.not.equal(null);
      await expectAccessible(el, 'choice thanks');
    });

    it(`error · ${theme}`, async () => {
      const el = await survey(FAILING_ENDPOINT, theme);
      option(el, 'Pricing').click();
      await send(el);
      await untilError(el);
      await expectAccessible(el, 'choice error');
    });
  }
});

/** A page with an anchor button and a popover or floating widget that opens when told (debug: no frequency caps). */
async function interrupting(
  mode: 'popover' | 'floating',
  kind: Kind,
  theme: string,
  endpoint = ENDPOINT,
): Promise<CxFeedback> {
  const page = await fixture<HTMLElement>(html`<div style="padding: 120px 40px">
    <button id="a11y-anchor">Place order</button>
    <cx-feedback endpoint=${endpoint} touchpoint=${uniqueTouchpoint(`a11y-${mode}`)} question=${kind} mode=${mode} anchor="#a11y-anchor"
      trigger="manual" theme=${theme} lang="en" debug></cx-feedback>
  </div>`);
  const el = page.querySelector('cx-feedback') as CxFeedback;
  await el.updateComplete;
  return el;
}

describe('axe: popover and floating', () => {
  for (const theme of ['light', 'dark']) {
    for (const mode of ['popover', 'floating'] as const) {
      for (const kind of KINDS) {
        it(`${mode} · ${kind} · open card · ${theme}`, async () => {
          const el = await interrupting(mode, kind, theme);
          expect(el.show()).to.equal(true);
          await untilPlaced(el);
          await expectAccessible(el, `${mode} ${kind} ${theme}`);
        });
      }

      it(`${mode} · thanks · ${theme}`, async () => {
        const el = await interrupting(mode, 'csat', theme);
        el.show();
        await untilPlaced(el);
        option(el, 4).click();
        await settled(el);
        await expectAccessible(el, `${mode} thanks ${theme}`);
      });

      it(`${mode} · error · ${theme}`, async () => {
        const el = await interrupting(mode, 'thumbs', theme, FAILING_ENDPOINT);
        el.show();
        await untilPlaced(el);
        option(el, 1).click();
        await untilError(el);
        await expectAccessible(el, `${mode} error ${theme}`);
      });
    }

    it(`floating · launcher alone · ${theme}`, async () => {
      const el = await interrupting('floating', 'nps', theme);
      expect(shadow(el).querySelector('.launcher')).to.not.equal(null);
      await expectAccessible(el, `launcher ${theme}`);
    });
  }
});

describe('axe: right to left (Arabic)', () => {
  const arabic = (body: (locales: string) => TemplateResult) => mount(body(arabicLocales()));

  for (const kind of KINDS) {
    it(`${kind} · initial and thanks`, async () => {
      const el = await arabic(
        (locales) =>
          html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('a11y-ar')} question=${kind} lang="ar" locales=${locales}></cx-feedback>`,
      );
      await untilArabic(el);
      await expectAccessible(el, `ar ${kind} initial`);
      option(el, PICK[kind]).click();
      await settled(el);
      await expectAccessible(el, `ar ${kind} thanks`);
    });
  }

  it('floating card, dark', async () => {
    const locales = arabicLocales();
    const page = await fixture<HTMLElement>(html`<div dir="rtl" lang="ar">
      <cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('a11y-ar-float')} question="nps" mode="floating" theme="dark" locales=${locales} debug></cx-feedback>
    </div>`);
    const el = page.querySelector('cx-feedback') as CxFeedback;
    await el.updateComplete;
    el.show();
    await untilArabic(el);
    await untilPlaced(el);
    await expectAccessible(el, 'ar floating dark');
  });
});

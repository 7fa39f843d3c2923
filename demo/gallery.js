// Lays out demo/gallery.html: every kind × placement × theme, a right-to-left language and the compact density.
// Built with DOM calls only (the demo's CSP enforces Trusted Types: no innerHTML, no script text). When everything is
// open and placed, <html data-gallery="ready"> tells scripts/screenshots.mjs to shoot.

const KINDS = ['emoji', 'thumbs', 'csat', 'nps', 'ces', 'reaction', 'expectation', 'task'];
const ENDPOINT = '/responses';

/** A full survey: a choice with "Other" (not one tap: it has a Send button), then a free-text question. */
const CHOICE = {
  id: 'gallery-choice',
  questions: [
    {
      id: 'reason',
      type: 'choice',
      prompt: 'What brought you here today?',
      options: ['Pricing', 'Support', 'Docs'],
      other: true,
    },
    { id: 'more', type: 'text', prompt: 'Anything else?' },
  ],
};

/** What gallery.js does to a widget once it is on the page, to show a state other than the first question. */
const PICK = {
  /** Clicks an option (the customer's tap): thanks, or the follow-up when the widget has one. */
  answer: (value) => (el) => el.shadowRoot.querySelector(`[part~="option"][data-value="${value}"] input`)?.click(),
};

let serial = 0;

function make(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs))
    if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  node.append(...children);
  return node;
}

/** One widget. `kind` is a question kind or 'choice' (the full survey above, set as a property). */
function widget(kind, { section, ...attrs }) {
  const el = make('cx-feedback', {
    endpoint: ENDPOINT,
    touchpoint: `gallery-${section}-${kind}-${++serial}`,
    question: kind == 'choice' ? null : kind,
    debug: true,
    ...attrs,
  });
  if (kind == 'choice') el.survey = { ...CHOICE, id: `gallery-choice-${serial}` };
  return el;
}

/** An inline widget in a slot; the slot reserves space the way a site should (docs/theming.md). */
function inline(kind, opts) {
  return { caption: opts.caption ?? kind, node: make('div', { class: 'slot' }, widget(kind, opts)) };
}

/**
 * A small frame standing in for a page: `transform` makes it the containing block of the widget's fixed-position
 * card and launcher, so many of them can be open side by side. A popover points at the frame's button.
 */
function framed(kind, mode, opts) {
  const anchorId = `gallery-anchor-${++serial}`;
  const page = make(
    'div',
    { class: 'mock' },
    make('span', { class: 'bar wide' }),
    make('span', { class: 'bar' }),
    make('span', { class: 'bar short' }),
  );
  if (mode == 'popover') page.append(make('button', { class: 'shop', id: anchorId, type: 'button' }, 'Place order'));
  const el = widget(kind, { mode, trigger: 'manual', anchor: mode == 'popover' ? `#${anchorId}` : null, ...opts });
  return {
    caption: opts.caption ?? `${mode} · ${kind}`,
    node: make('div', { class: `frame frame-${mode}` }, page, el),
    open: true,
  };
}

/** A floating widget left closed: only its launcher shows, in a short frame. */
function launcherOnly(kind, opts) {
  const item = framed(kind, 'floating', opts);
  item.node.classList.add('frame-closed');
  return { ...item, open: false };
}

/** The gallery's rows: a title, a backdrop (light, dark, or auto = the page's), attributes shared by the row, items. */
const SECTIONS = [
  {
    id: 'inline-light',
    title: 'Inline · light',
    backdrop: 'light',
    items: [...KINDS, 'choice'].map((k) => inline(k, { section: 'inline', theme: 'light' })),
  },
  {
    id: 'inline-dark',
    title: 'Inline · dark',
    backdrop: 'dark',
    items: [...KINDS, 'choice'].map((k) => inline(k, { section: 'inline', theme: 'dark' })),
  },
  {
    id: 'states-light',
    title: 'After an answer · light',
    backdrop: 'light',
    items: [
      {
        ...inline('thumbs', {
          section: 'state',
          theme: 'light',
          caption: 'thumbs · follow-up',
          'follow-up': 'What was missing?',
        }),
        after: PICK.answer(0),
      },
      {
        ...inline('choice', { section: 'state', theme: 'light', caption: 'choice · "Other" picked' }),
        after: PICK.answer('other'),
      },
      { ...inline('csat', { section: 'state', theme: 'light', caption: 'csat · thanks' }), after: PICK.answer(4) },
      {
        ...framed('ces', 'popover', { section: 'state', theme: 'light', caption: 'popover · ces · thanks' }),
        after: PICK.answer(6),
      },
      {
        ...framed('thumbs', 'floating', {
          section: 'state',
          theme: 'light',
          caption: 'floating · thumbs · follow-up',
          'follow-up': 'What was missing?',
        }),
        after: PICK.answer(0),
      },
    ],
  },
  {
    id: 'states-dark',
    title: 'After an answer · dark',
    backdrop: 'dark',
    items: [
      {
        ...inline('nps', {
          section: 'state',
          theme: 'dark',
          caption: 'nps · follow-up',
          'follow-up': 'What is the main reason for your score?',
        }),
        after: PICK.answer(6),
      },
      {
        ...inline('choice', { section: 'state', theme: 'dark', caption: 'choice · "Other" picked' }),
        after: PICK.answer('other'),
      },
      { ...inline('emoji', { section: 'state', theme: 'dark', caption: 'emoji · thanks' }), after: PICK.answer(5) },
      {
        ...framed('nps', 'floating', { section: 'state', theme: 'dark', caption: 'floating · nps · thanks' }),
        after: PICK.answer(10),
      },
      {
        ...framed('choice', 'popover', {
          section: 'state',
          theme: 'dark',
          caption: 'popover · choice · "Other" picked',
        }),
        after: PICK.answer('other'),
      },
    ],
  },
  {
    id: 'compact',
    title: 'Compact density · light',
    backdrop: 'light',
    items: [...KINDS, 'choice'].map((k) => inline(k, { section: 'compact', theme: 'light', density: 'compact' })),
  },
  {
    id: 'compact-dark',
    title: 'Compact density · dark',
    backdrop: 'dark',
    items: ['emoji', 'nps', 'ces'].map((k) => inline(k, { section: 'compact', theme: 'dark', density: 'compact' })),
  },
  {
    id: 'auto',
    title: 'theme="auto" (follows the visitor’s colour scheme)',
    backdrop: 'auto',
    items: ['emoji', 'nps'].map((k) => inline(k, { section: 'auto', theme: 'auto' })),
  },
  {
    id: 'popover-light',
    title: 'Popover anchored to a button · light',
    backdrop: 'light',
    items: [...KINDS, 'choice'].map((k) => framed(k, 'popover', { section: 'popover', theme: 'light' })),
  },
  {
    id: 'popover-dark',
    title: 'Popover anchored to a button · dark',
    backdrop: 'dark',
    items: [...KINDS, 'choice'].map((k) => framed(k, 'popover', { section: 'popover', theme: 'dark' })),
  },
  {
    id: 'floating-light',
    title: 'Floating launcher, card open · light',
    backdrop: 'light',
    items: [...KINDS, 'choice'].map((k) => framed(k, 'floating', { section: 'floating', theme: 'light' })),
  },
  {
    id: 'floating-dark',
    title: 'Floating launcher, card open · dark',
    backdrop: 'dark',
    items: [...KINDS, 'choice'].map((k) => framed(k, 'floating', { section: 'floating', theme: 'dark' })),
  },
  {
    id: 'launchers',
    title: 'Floating launcher, closed',
    backdrop: 'light',
    items: [
      launcherOnly('nps', { section: 'launcher', theme: 'light', caption: 'light' }),
      launcherOnly('nps', { section: 'launcher', theme: 'dark', caption: 'dark' }),
      launcherOnly('nps', {
        section: 'launcher',
        theme: 'light',
        density: 'compact',
        caption: 'compact, bottom-left',
        position: 'bottom-left',
      }),
      launcherOnly('nps', {
        section: 'launcher',
        theme: 'light',
        caption: 'side tab, position="right"',
        position: 'right',
      }),
    ],
  },
  {
    id: 'rtl',
    title: 'Right to left · Arabic',
    backdrop: 'light',
    lang: 'ar',
    items: [
      ...KINDS.map((k) => inline(k, { section: 'rtl', theme: 'light' })),
      inline('nps', { section: 'rtl', theme: 'dark', caption: 'nps · dark' }),
      framed('ces', 'popover', { section: 'rtl', theme: 'light' }),
      framed('nps', 'floating', { section: 'rtl', theme: 'dark', caption: 'floating · nps · dark' }),
    ],
  },
  {
    id: 'rtl-he',
    title: 'Right to left · Hebrew, compact',
    backdrop: 'dark',
    lang: 'he',
    items: ['nps', 'thumbs'].map((k) => inline(k, { section: 'rtl-he', theme: 'dark', density: 'compact' })),
  },
];

function render() {
  const main = document.querySelector('main');
  for (const s of SECTIONS) {
    const grid = make('div', { class: s.items.some((i) => i.node.matches('.frame')) ? 'grid frames' : 'grid' });
    for (const item of s.items)
      grid.append(make('figure', { class: 'item' }, make('figcaption', {}, item.caption), item.node));
    const lang = s.lang ? { lang: s.lang, dir: s.lang == 'ar' || s.lang == 'he' ? 'rtl' : 'ltr' } : {};
    main.append(
      make('section', { id: s.id, class: `row backdrop-${s.backdrop}`, ...lang }, make('h2', {}, s.title), grid),
    );
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function openAll() {
  const jobs = SECTIONS.flatMap((s) => s.items).map(async (item) => {
    const el = item.node.matches('cx-feedback') ? item.node : item.node.querySelector('cx-feedback');
    await el.updateComplete;
    if (item.open) {
      // 'launcher' is how a visitor opens a card, and it skips the page's one-interruption-at-a-time queue, which is
      // what a gallery needs. A plain el.show() would open these one after another as each is closed.
      el.show('launcher');
      await el.updateComplete;
      const card = el.shadowRoot.querySelector('.card');
      for (let i = 0; i < 120 && card && !card.dataset.placement; i++) await frame();
    }
    if (item.after) {
      item.after(el);
      await el.updateComplete;
    }
  });
  await Promise.all(jobs);
  // Opening by 'launcher' moves focus into each card; the gallery is for looking, so give focus back to the page.
  for (const el of document.querySelectorAll('cx-feedback')) el.shadowRoot?.activeElement?.blur();
  scrollTo(0, 0);
  await frame();
  document.documentElement.dataset.gallery = 'ready';
}

render();
void openAll();

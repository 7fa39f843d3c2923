import { describe, expect, it } from 'vitest';
import { parseStrings } from '../../../src/i18n/parse.ts';

describe('parseStrings', () => {
  it.each([
    [{}, {}],
    [{ send: 'Submit' }, { send: 'Submit' }],
    [
      { send: 'Submit', npsMin: 'Never' },
      { send: 'Submit', npsMin: 'Never' },
    ],
    ['{"send":"Abschicken"}', { send: 'Abschicken' }],
  ])('accepts %j', (input, value) => {
    expect(parseStrings(input)).toEqual({ value, problems: [] });
  });

  it.each([
    [{ sned: 'Submit' }, {}, ['cx-feedback: strings: unknown key "sned"; the keys are listed in docs/i18n.md']],
    [
      { Send: 'Submit', skip: 'Later' },
      { skip: 'Later' },
      ['cx-feedback: strings: unknown key "Send" (did you mean "send"?); the keys are listed in docs/i18n.md'],
    ],
    [
      { send: 42, skip: 'Later' },
      { skip: 'Later' },
      ['cx-feedback: strings.send: expected a non-empty string, got 42'],
    ],
    [{ send: '' }, {}, ['cx-feedback: strings.send: expected a non-empty string, got ""']],
    [{ send: null }, {}, ['cx-feedback: strings.send: expected a non-empty string, got null']],
    [['Send'], {}, ['cx-feedback: strings: expected an object of strings, got ["Send"]']],
    [null, {}, ['cx-feedback: strings: expected an object of strings, got null']],
    [7, {}, ['cx-feedback: strings: expected an object of strings, got 7']],
    [
      '{send: "x"}',
      {},
      ['cx-feedback: strings: not valid JSON ("{send: \\"x\\"}"); expected an object such as {"send":"Submit"}'],
    ],
    ['"Send"', {}, ['cx-feedback: strings: expected an object of strings, got "Send"']],
  ])('reports %j and keeps the valid entries', (input, value, problems) => {
    expect(parseStrings(input)).toEqual({ value, problems });
  });

  it('reports every problem, one message each, naming the key', () => {
    const { value, problems } = parseStrings({ a: 'x', b: 'y', send: 1, close: 'Done' });
    expect(value).toEqual({ close: 'Done' });
    expect(problems).toHaveLength(3);
    for (const p of problems) expect(p).toMatch(/^cx-feedback: /);
    expect(problems.join('\n')).toMatch(/"a"[\s\S]*"b"|"b"[\s\S]*"a"/);
    expect(problems.join('\n')).toContain('strings.send');
  });
});

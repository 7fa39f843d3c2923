import { describe, expect, it } from 'vitest';
import {
  describeTrigger,
  isProblem,
  parseDays,
  parseFrequency,
  parsePriority,
  parseSample,
  parseTrigger,
  parseUrl,
} from '../../../src/triggers/parse.ts';

describe('parseTrigger', () => {
  it.each([
    ['load', { kind: 'load' }],
    [' visible ', { kind: 'visible' }],
    ['exit', { kind: 'exit' }],
    ['manual', { kind: 'manual' }],
    ['delay:5', { kind: 'delay', value: 5 }],
    ['delay: 0.5', { kind: 'delay', value: 0.5 }],
    ['delay:0', { kind: 'delay', value: 0 }],
    ['idle:30', { kind: 'idle', value: 30 }],
    ['scroll:50', { kind: 'scroll', value: 50 }],
    ['scroll:100', { kind: 'scroll', value: 100 }],
    ['event:order-complete', { kind: 'event', value: 'order-complete' }],
    ['event:app:ready', { kind: 'event', value: 'app:ready' }],
    ['click:#help, .faq a', { kind: 'click', value: '#help, .faq a' }],
    ['click:a:hover', { kind: 'click', value: 'a:hover' }],
  ])('%j parses', (input, expected) => {
    expect(parseTrigger(input)).toEqual(expected);
  });

  it.each([
    '',
    'loud',
    'load:1',
    'delay',
    'delay:',
    'delay:-1',
    'delay:abc',
    'delay:1e3',
    'delay:90000',
    'scroll:101',
    'scroll:-5',
    'event:',
    'event: ',
    'click:',
    'idle:x',
    'Load',
  ])('%j is a problem naming the value and the allowed forms', (input) => {
    const result = parseTrigger(input);
    expect(isProblem(result)).toBe(true);
    if (!isProblem(result)) return;
    expect(result.problem).toContain(`trigger="${input}"`);
    for (const form of [
      'load',
      'delay:<seconds>',
      'scroll:<percent>',
      'visible',
      'exit',
      'event:<name>',
      'click:<selector>',
      'idle:<seconds>',
      'manual',
    ]) {
      expect(result.problem).toContain(form);
    }
  });

  it.each(['load', 'delay:5', 'scroll:25', 'event:order-complete', 'click:#buy', 'idle:10', 'manual'])(
    '%j describes itself back',
    (text) => {
      const t = parseTrigger(text);
      expect(isProblem(t) ? t.problem : describeTrigger(t)).toBe(text);
    },
  );
});

describe('parseUrl', () => {
  it.each([
    ['/checkout', { match: 'contains', value: '/checkout' }],
    ['contains:/checkout', { match: 'contains', value: '/checkout' }],
    ['exact:https://shop.example/cart', { match: 'exact', value: 'https://shop.example/cart' }],
    ['regex:^/orders/\\d+$', { match: 'regex', value: '^/orders/\\d+$' }],
  ])('%j parses', (input, expected) => {
    expect(parseUrl(input)).toEqual(expected);
  });

  it.each(['', 'regex:(', 'regex:', 'exact:', 'contains:'])('%j is a problem', (input) => {
    const result = parseUrl(input);
    expect(isProblem(result) && result.problem).toMatch(
      new RegExp(`^url="${input.replace(/[()]/g, '\\$&')}" is not valid; expected contains:`),
    );
  });
});

describe('parseFrequency', () => {
  it.each([
    ['once', 'once'],
    ['until-answered', 'until-answered'],
    [' always ', 'always'],
    ['max:3', 3],
    ['max:1', 1],
  ] as const)('%j parses to %j', (input, expected) => {
    expect(parseFrequency(input)).toBe(expected);
  });

  it.each(['', 'never', 'max:', 'max:0', 'max:-1', 'max:1.5', 'max:x', 'ONCE'])('%j is a problem', (input) => {
    expect(parseFrequency(input)).toEqual({
      problem: `frequency="${input}" is not valid; expected once, until-answered, always or max:<n>`,
    });
  });
});

describe('numbers', () => {
  it.each([
    [parseDays.bind(null, 'recontact-days'), '30', 30],
    [parseDays.bind(null, 'cooldown-days'), '0', 0],
    [parseDays.bind(null, 'cooldown-days'), '0.5', 0.5],
    [parseSample, '25', 25],
    [parseSample, '25%', 25],
    [parseSample, '0', 0],
    [parseSample, '100', 100],
    [parsePriority, '10', 10],
    [parsePriority, '-2', -2],
  ])('%#: %j → %j', (parse, input, expected) => {
    expect(parse(input)).toBe(expected);
  });

  it.each([
    [parseDays.bind(null, 'recontact-days'), '', 'recontact-days=""'],
    [parseDays.bind(null, 'cooldown-days'), '-1', 'cooldown-days="-1"'],
    [parseDays.bind(null, 'cooldown-days'), 'week', 'cooldown-days="week"'],
    [parseSample, '101', 'sample="101"'],
    [parseSample, 'half', 'sample="half"'],
    [parsePriority, '1.5', 'priority="1.5"'],
    [parsePriority, 'high', 'priority="high"'],
  ])('%#: %j is a problem naming %s', (parse, input, named) => {
    const result = parse(input);
    expect(isProblem(result) && result.problem).toContain(named);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePosition } from '../../../src/placement/position.ts';
import { touchpointSettings } from '../../../src/touchpoint/settings.ts';

const read = (attributes: Record<string, string>) => {
  const problems: string[] = [];
  const settings = touchpointSettings(
    (attr) => attributes[attr] ?? '',
    (p, attr) => problems.push(`${attr}: ${p.problem}`),
  );
  return { settings, problems };
};

describe('touchpointSettings: one reading for the entry module and the element', () => {
  it('defaults: inline on load, always; floating waits for the launcher', () => {
    expect(read({}).settings).toEqual({
      mode: 'inline',
      trigger: { kind: 'load' },
      url: undefined,
      rules: { frequency: 'always' },
      priority: 0,
      anchor: '',
    });
    expect(read({ mode: 'floating' }).settings).toMatchObject({
      mode: 'floating',
      trigger: { kind: 'manual' },
      rules: { frequency: undefined },
    });
  });

  it('a popover with every attribute', () => {
    const { settings, problems } = read({
      mode: 'popover',
      trigger: 'delay:5',
      url: 'contains:/checkout',
      frequency: 'once',
      'cooldown-days': '3',
      sample: '20%',
      priority: '2',
      anchor: ' #buy ',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      mode: 'popover',
      trigger: { kind: 'delay', value: 5 },
      url: { match: 'contains', value: '/checkout' },
      rules: { frequency: 'once', recontactDays: undefined, cooldownDays: 3, snoozeDays: undefined, sample: 20 },
      priority: 2,
      anchor: '#buy',
    });
  });

  it('each bad value is reported with its attribute and read as the default', () => {
    const { settings, problems } = read({
      mode: 'sideways',
      trigger: 'sometimes',
      url: 'regex:(',
      frequency: 'often',
      priority: 'high',
    });
    expect(settings).toMatchObject({
      mode: 'inline',
      trigger: { kind: 'load' },
      url: undefined,
      rules: { frequency: 'always' },
      priority: 0,
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['mode', 'trigger', 'url', 'frequency', 'priority']);
  });
});

describe('parsePosition', () => {
  it.each([
    ['floating', '', 'top-end'],
    ['floating', 'bottom-left', 'top-start'],
    ['floating', 'left', 'right'],
    ['popover', '', 'bottom'],
    ['popover', 'top-start', 'top-start'],
  ])('%s position="%s" places the card %s', (mode, position, placement) => {
    expect(parsePosition(mode, position)).toEqual({ placement });
  });

  it('a popover position that is not a side is a problem, and the default', () => {
    expect(parsePosition('popover', 'middle')).toEqual({
      placement: 'bottom',
      problem: expect.stringContaining('position="middle" is not valid'),
    });
  });
});

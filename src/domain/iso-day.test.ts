import { describe, expect, it } from 'vitest';
import { addDays, endOfMonth, isIsoDay, startOfIsoWeek, weekdayOf } from './iso-day.ts';
import { describeInterval } from './date-display.ts';

describe('iso-day', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDay('2020-02-29')).toBe(true);
    expect(isIsoDay('2021-02-29')).toBe(false);
    expect(isIsoDay('2021-13-01')).toBe(false);
    expect(isIsoDay('2021-9-1')).toBe(false);
    // Years below 100 are not the 1900s (a classic Date.UTC trap).
    expect(isIsoDay('0000-02-29')).toBe(true);
    expect(addDays('0050-01-01', 0)).toBe('0050-01-01');
  });
  it('does calendar arithmetic in UTC', () => {
    expect(addDays('2021-09-28', 4)).toBe('2021-10-02');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(weekdayOf('2021-09-29')).toBe('wednesday');
    expect(startOfIsoWeek('2021-09-26')).toBe('2021-09-20');
    expect(endOfMonth('2021-02-10')).toBe('2021-02-28');
  });
});

describe('describeInterval', () => {
  it.each([
    [['2021-09-29', '2021-09-29', 'day', null], 'Wednesday 29 September 2021'],
    [['2021-09-18', '2021-09-30', 'days', null], '18–30 September 2021'],
    [['2019-04-21', '2019-08-27', 'days', 'approximate'], 'c. 21 April – 27 August 2019'],
    [['2021-09-20', '2021-09-26', 'week', null], 'week of 20 September 2021'],
    [['2020-03-01', '2020-03-31', 'month', null], 'March 2020'],
    [['2020-01-01', '2020-12-31', 'year', null], '2020'],
    [['2015-09-01', '2021-09-28', 'years', null], '2015–2021'],
    [['2021-09-28', '2021-09-28', 'day', 'uncertain'], 'Tuesday 28 September 2021 (uncertain)'],
  ] as const)('%j → %s', ([earliest, latest, precision, qualifier], text) => {
    expect(describeInterval({ earliest, latest, precision, qualifier })).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { expectedDay, parseDateInterval, parseDay } from './dates.ts';

describe('parseDay', () => {
  it.each([
    ['05 March 2020', '2020-03-05'],
    ['5 March 2020', '2020-03-05'],
    ['05-March-2020', '2020-03-05'],
    ['05-Mar-2020', '2020-03-05'],
    ['5 mar 2020', '2020-03-05'],
    ['March 5, 2020', '2020-03-05'],
    ['Mar 5 2020', '2020-03-05'],
    ['2020-03-05', '2020-03-05'],
    ['  29 February 2020 ', '2020-02-29'],
    ['1 Sept 2021', '2021-09-01'],
    // A day held as a date-time at midnight, as spreadsheet programs, databases and APIs write it.
    ['2020-03-05 00:00:00', '2020-03-05'],
    ['2020-03-05 00:00', '2020-03-05'],
    ['2020-03-05T00:00:00.000Z', '2020-03-05'],
    ['2020-03-05T00:00:00+00:00', '2020-03-05'],
  ])('reads "%s" as %s', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it.each([
    '31 Febuary 2020',
    '30 February 2020',
    '29 February 2021',
    '2020-13-01',
    '05/03/2020',
    '2020',
    'March 2020',
    '',
    // Another time of day, or another time zone, may be another day.
    '2020-03-05 14:30:00',
    '2020-03-05T00:00:00+03:00',
    // Names of Object.prototype members are no months.
    '05 constructor 2020',
    '05 __proto__ 2020',
    'toString 5, 2020',
  ])('refuses "%s"', (text) => {
    expect(parseDay(text)).toBeNull();
  });

  it('says why a numeric day/month date is refused', () => {
    expect(expectedDay('05/03/2020')).toContain('the order of day and month is not known');
    expect(expectedDay('5.3.2020')).toContain('the order of day and month is not known');
    expect(expectedDay('31 Febuary 2020')).toBe('a day such as "05 March 2020" or "2020-03-05"');
    expect(expectedDay('2020-03-05 14:30')).toContain('without a time of day');
  });
});

describe('parseDateInterval', () => {
  it('reads a day, a month or a year as an interval of days', () => {
    expect(parseDateInterval('2020-03-05')).toEqual({ earliest: '2020-03-05', latest: '2020-03-05', precision: 'day' });
    expect(parseDateInterval('2020-02')).toEqual({ earliest: '2020-02-01', latest: '2020-02-29', precision: 'month' });
    expect(parseDateInterval('March 2020')).toEqual({
      earliest: '2020-03-01',
      latest: '2020-03-31',
      precision: 'month',
    });
    expect(parseDateInterval('2020')).toEqual({ earliest: '2020-01-01', latest: '2020-12-31', precision: 'year' });
  });

  it('refuses what is none of them', () => {
    expect(parseDateInterval('2020-13')).toBeNull();
    expect(parseDateInterval('Smarch 2020')).toBeNull();
    expect(parseDateInterval('03/2020')).toBeNull();
    expect(parseDateInterval('constructor 2020')).toBeNull();
    expect(expectedDay('03/2020', true)).toContain('a month "2020-03"');
  });
});

import { describe, expect, it } from 'vitest';
import { isNoFinerThan, resolveTemporalExpression, toEdtf, type Reading } from './temporal.ts';

function readings(expression: string, anchor: string): Reading[] {
  const result = resolveTemporalExpression(expression, anchor);
  if (!result.ok) throw new Error(result.message);
  return result.readings;
}

function only(expression: string, anchor: string): Reading {
  const all = readings(expression, anchor);
  expect(all, `"${expression}" should have one reading`).toHaveLength(1);
  return all[0]!;
}

// Anchors are real publication days of the bundled articles.
const TUE_2021_09_28 = '2021-09-28';
const SAT_2021_09_18 = '2021-09-18';
const TUE_2019_08_27 = '2019-08-27';
const MON_2018_09_17 = '2018-09-17';

describe('resolveTemporalExpression', () => {
  it.each([
    // expression, anchor, earliest, latest, precision, qualifier
    ['today', TUE_2021_09_28, '2021-09-28', '2021-09-28', 'day', null],
    ['tomorrow', TUE_2021_09_28, '2021-09-29', '2021-09-29', 'day', null],
    ['yesterday', TUE_2021_09_28, '2021-09-27', '2021-09-27', 'day', null],
    ['tomorrow, Wednesday', TUE_2021_09_28, '2021-09-29', '2021-09-29', 'day', null],
    ['today, Tuesday', TUE_2021_09_28, '2021-09-28', '2021-09-28', 'day', null],
    ['last Thursday', TUE_2021_09_28, '2021-09-23', '2021-09-23', 'day', null],
    ['next Monday', TUE_2021_09_28, '2021-10-04', '2021-10-04', 'day', null],

    ['29 September 2021', SAT_2021_09_18, '2021-09-29', '2021-09-29', 'day', null],
    ['last week', MON_2018_09_17, '2018-09-10', '2018-09-16', 'week', null],
    ['this week', TUE_2019_08_27, '2019-08-26', '2019-09-01', 'week', null],
    ['next week', SAT_2021_09_18, '2021-09-20', '2021-09-26', 'week', null],
    ['later this month', SAT_2021_09_18, '2021-09-18', '2021-09-30', 'days', null],
    ['earlier this month', SAT_2021_09_18, '2021-09-01', '2021-09-18', 'days', null],
    ['towards the end of the month', MON_2018_09_17, '2018-09-21', '2018-09-30', 'days', 'approximate'],
    ['18 months ago', SAT_2021_09_18, '2020-03-01', '2020-03-31', 'month', 'approximate'],
    ['eighteen months ago', SAT_2021_09_18, '2020-03-01', '2020-03-31', 'month', 'approximate'],
    ['two years ago', SAT_2021_09_18, '2019-01-01', '2019-12-31', 'year', null],
    ['last year', SAT_2021_09_18, '2020-01-01', '2020-12-31', 'year', null],
    ['earlier this year', SAT_2021_09_18, '2021-01-01', '2021-09-18', 'months', null],
    ['March 2020', SAT_2021_09_18, '2020-03-01', '2020-03-31', 'month', null],
    ['in September 2015', TUE_2021_09_28, '2015-09-01', '2015-09-30', 'month', null],
    ['2015', TUE_2021_09_28, '2015-01-01', '2015-12-31', 'year', null],
    ['late April', TUE_2019_08_27, '2019-04-21', '2019-04-30', 'days', 'approximate'],
    ['mid-March', TUE_2019_08_27, '2019-03-11', '2019-03-20', 'days', 'approximate'],
    ['since late April', TUE_2019_08_27, '2019-04-21', '2019-08-27', 'days', 'approximate'],
    ['Since the beginning of September', MON_2018_09_17, '2018-09-01', '2018-09-17', 'days', 'approximate'],
    ['since 2015', TUE_2021_09_28, '2015-01-01', '2021-09-28', 'years', null],
    ['During the past few days', TUE_2021_09_28, '2021-09-21', '2021-09-28', 'days', 'approximate'],
  ])('"%s" from %s → %s..%s (%s, %s)', (expression, anchor, earliest, latest, precision, qualifier) => {
    expect(only(expression, anchor)).toEqual({ earliest, latest, precision, qualifier });
  });

  it('reads a bare weekday as the last or the next one, and today when it is that day', () => {
    // "said Monday" in an article of Tuesday 27 August 2019 is the 26th; "meeting Wednesday" may be ahead.
    expect(readings('Monday', TUE_2019_08_27).map((r) => r.earliest)).toEqual(['2019-08-26', '2019-09-02']);
    expect(readings('on Saturday', SAT_2021_09_18).map((r) => r.earliest)).toEqual([
      '2021-09-18',
      '2021-09-11',
      '2021-09-25',
    ]);
  });

  it('reads a day without a year as this year or the neighbouring one, this year first', () => {
    expect(readings('on September 29', TUE_2021_09_28).map((r) => r.earliest)).toEqual(['2021-09-29', '2020-09-29']);
    expect(readings('on 16 September', TUE_2019_08_27).map((r) => r.earliest)).toEqual(['2019-09-16', '2018-09-16']);
    expect(readings('29 December', '2022-01-05').map((r) => r.earliest)).toEqual(['2022-12-29', '2021-12-29']);
    expect(readings('3 January', '2021-12-30').map((r) => r.earliest)).toEqual(['2021-01-03', '2022-01-03']);
  });

  it('refuses parts that contradict each other', () => {
    const result = resolveTemporalExpression('tomorrow, Thursday', TUE_2021_09_28);
    expect(result).toMatchObject({ ok: false, reason: 'contradiction' });
  });

  it('says plainly when no rule reads an expression', () => {
    expect(resolveTemporalExpression('for months', TUE_2021_09_28)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(resolveTemporalExpression('on February 30', TUE_2021_09_28)).toMatchObject({ ok: false });
  });

  it('refuses "since" a time after the anchor', () => {
    expect(resolveTemporalExpression('since next week', TUE_2021_09_28)).toMatchObject({
      ok: false,
      reason: 'contradiction',
    });
  });
});

describe('isNoFinerThan', () => {
  it('orders precisions from day to years', () => {
    expect(isNoFinerThan('month', 'day')).toBe(true);
    expect(isNoFinerThan('day', 'month')).toBe(false);
    expect(isNoFinerThan('week', 'week')).toBe(true);
  });
});

describe('toEdtf', () => {
  it.each([
    [{ earliest: '2021-09-29', latest: '2021-09-29', precision: 'day', qualifier: null }, '2021-09-29'],
    [{ earliest: '2020-03-01', latest: '2020-03-31', precision: 'month', qualifier: 'approximate' }, '2020-03~'],
    [{ earliest: '2020-01-01', latest: '2020-12-31', precision: 'year', qualifier: null }, '2020'],
    [{ earliest: '2021-09-18', latest: '2021-09-30', precision: 'days', qualifier: null }, '2021-09-18/2021-09-30'],
  ] as const)('%j → %s', (interval, edtf) => {
    expect(toEdtf(interval)).toBe(edtf);
  });
});

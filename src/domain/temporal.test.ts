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
// The day after Erdoğan and Putin agreed the Idlib ceasefire in Moscow (Thursday 5 March 2020): wire copy of
// Friday 6 March 2020 dates it the agency way.
const FRI_2020_03_06 = '2020-03-06';

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
    // Stretches up to the day of writing: "few" weeks read as up to four, "few" months as up to three.
    ['in recent weeks', TUE_2021_09_28, '2021-08-31', '2021-09-28', 'days', 'approximate'],
    ['The past few weeks', TUE_2021_09_28, '2021-08-31', '2021-09-28', 'days', 'approximate'],
    ['over the past two months', TUE_2021_09_28, '2021-07-28', '2021-09-28', 'months', 'approximate'],
  ])('"%s" from %s → %s..%s (%s, %s)', (expression, anchor, earliest, latest, precision, qualifier) => {
    expect(only(expression, anchor)).toEqual({ earliest, latest, precision, qualifier });
  });

  it.each([
    // Agency style (AP, Reuters): month first, comma before the year, abbreviated months, weekdays beside dates.
    ['March 5, 2020', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['on March 5, 2020', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['Thursday, March 5, 2020', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['Thursday, March 5', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['on Thursday, March 5', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['Mar 5 2020', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['Feb. 27, 2020', FRI_2020_03_06, '2020-02-27', '2020-02-27', 'day', null],
    ['Sept. 17, 2018', TUE_2021_09_28, '2018-09-17', '2018-09-17', 'day', null],
    ['Sept. 2015', TUE_2021_09_28, '2015-09-01', '2015-09-30', 'month', null],
    ['5 March 2020', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['March 5th, 2020', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['the 5th of March 2020', FRI_2020_03_06, '2020-03-05', '2020-03-05', 'day', null],
    ['June, 2019', FRI_2020_03_06, '2019-06-01', '2019-06-30', 'month', null],
    ['last week', FRI_2020_03_06, '2020-02-24', '2020-03-01', 'week', null],
    ['earlier this month', FRI_2020_03_06, '2020-03-01', '2020-03-06', 'days', null],
    ['late February', FRI_2020_03_06, '2020-02-21', '2020-02-29', 'days', 'approximate'],
    ['in early March', FRI_2020_03_06, '2020-03-01', '2020-03-10', 'days', 'approximate'],
    // A part of a year is a third of it, approximately: honest about how little "mid-2019" says.
    ['in mid-2019', FRI_2020_03_06, '2019-05-01', '2019-08-31', 'months', 'approximate'],
    ['early 2020', FRI_2020_03_06, '2020-01-01', '2020-04-30', 'months', 'approximate'],
    ['late 2019', FRI_2020_03_06, '2019-09-01', '2019-12-31', 'months', 'approximate'],
    ['late last year', FRI_2020_03_06, '2019-09-01', '2019-12-31', 'months', 'approximate'],
    // "since" keeps the qualifier of its start; a month later than the anchor's is last year's.
    ['since late April', FRI_2020_03_06, '2019-04-21', '2020-03-06', 'days', 'approximate'],
    ['since Feb. 27', FRI_2020_03_06, '2020-02-27', '2020-03-06', 'days', null],
    // Ranges: a span of days (never one day), each end completed from the other.
    ['Feb. 27-28, 2020', FRI_2020_03_06, '2020-02-27', '2020-02-28', 'days', null],
    ['27–28 February 2020', FRI_2020_03_06, '2020-02-27', '2020-02-28', 'days', null],
    ['February 27 to March 2, 2020', FRI_2020_03_06, '2020-02-27', '2020-03-02', 'days', null],
    ['from 27 February to 2 March 2020', FRI_2020_03_06, '2020-02-27', '2020-03-02', 'days', null],
    ['between 3 and 5 March 2020', FRI_2020_03_06, '2020-03-03', '2020-03-05', 'days', null],
    ['28 December to 3 January 2020', FRI_2020_03_06, '2019-12-28', '2020-01-03', 'days', null],
    ['Feb. 27 - March 2, 2020', FRI_2020_03_06, '2020-02-27', '2020-03-02', 'days', null],
    ['February–March 2020', FRI_2020_03_06, '2020-02-01', '2020-03-31', 'months', null],
    ['from 2015 to 2018', FRI_2020_03_06, '2015-01-01', '2018-12-31', 'years', null],
    ['late February to early March 2020', FRI_2020_03_06, '2020-02-21', '2020-03-10', 'days', 'approximate'],
  ])('agency style: "%s" from %s → %s..%s (%s, %s)', (expression, anchor, earliest, latest, precision, qualifier) => {
    expect(only(expression, anchor)).toEqual({ earliest, latest, precision, qualifier });
  });

  it('reads agency dates without a year as this year or the neighbouring one, this year first', () => {
    const starts = (expression: string) => readings(expression, FRI_2020_03_06).map((r) => [r.earliest, r.latest]);
    expect(starts('Feb. 27')).toEqual([
      ['2020-02-27', '2020-02-27'],
      ['2021-02-27', '2021-02-27'],
    ]);
    expect(starts('5 March')).toEqual([
      ['2020-03-05', '2020-03-05'],
      ['2021-03-05', '2021-03-05'],
    ]);
    // Ranges pair this year's start with this year's end, never with next year's.
    expect(starts('27–28 February')).toEqual([
      ['2020-02-27', '2020-02-28'],
      ['2021-02-27', '2021-02-28'],
    ]);
    expect(starts('Feb. 27-28')).toEqual(starts('27–28 February'));
    expect(starts('27 February to 2 March')).toEqual([
      ['2020-02-27', '2020-03-02'],
      ['2021-02-27', '2021-03-02'],
    ]);
    // "on Thursday" on a Friday: yesterday or next week's.
    expect(starts('on Thursday')).toEqual([
      ['2020-03-05', '2020-03-05'],
      ['2020-03-12', '2020-03-12'],
    ]);
  });

  it('reads a range of weekdays as the nearest span, never one running into next week', () => {
    const spans = (expression: string, anchor: string) =>
      readings(expression, anchor).map((r) => [r.earliest, r.latest, r.precision]);
    expect(spans('Monday and Tuesday', TUE_2021_09_28)).toEqual([
      ['2021-09-27', '2021-09-28', 'days'],
      ['2021-10-04', '2021-10-05', 'days'],
    ]);
    expect(spans('from Thursday to Saturday', FRI_2020_03_06)[0]).toEqual(['2020-03-05', '2020-03-07', 'days']);
    // Ends in the wrong order are refused, not stretched to next year's day.
    expect(resolveTemporalExpression('28–27 February', FRI_2020_03_06)).toMatchObject({ ok: false });
  });

  it('checks a weekday beside a date against that date, even far from the publication day', () => {
    // Written in January 2021, "Thursday, March 5" can only be 2020's (5 March 2021 was a Friday).
    expect(only('Thursday, March 5', '2021-01-10')).toMatchObject({ earliest: '2020-03-05', latest: '2020-03-05' });
  });

  it('does not mistake hyphenated words or ISO days for ranges', () => {
    expect(only('mid-March', FRI_2020_03_06)).toMatchObject({ earliest: '2020-03-11', qualifier: 'approximate' });
    expect(only('2020-03-05', FRI_2020_03_06)).toMatchObject({ earliest: '2020-03-05', latest: '2020-03-05' });
    expect(resolveTemporalExpression('28-27 February 2020', FRI_2020_03_06)).toMatchObject({ ok: false });
  });

  it('says which reading disagrees with which', () => {
    expect(resolveTemporalExpression('Friday, March 5, 2020', FRI_2020_03_06)).toEqual({
      ok: false,
      reason: 'contradiction',
      message:
        'the parts of "Friday, March 5, 2020" disagree: "March 5, 2020" reads as 2020-03-05 (Thursday), not a Friday as "Friday" says (against the publication day 2020-03-06, a Friday)',
    });
    expect(resolveTemporalExpression('yesterday, March 4', FRI_2020_03_06)).toEqual({
      ok: false,
      reason: 'contradiction',
      message:
        'the parts of "yesterday, March 4" disagree: "yesterday" reads as 2020-03-05 (Thursday), but "March 4" reads as 2020-03-04 (Wednesday) or 2021-03-04 (Thursday) (against the publication day 2020-03-06, a Friday)',
    });
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
    expect(result).toMatchObject({
      ok: false,
      reason: 'contradiction',
      message: expect.stringContaining('"tomorrow" reads as 2021-09-29 (Wednesday), not a Thursday as "Thursday" says'),
    });
  });

  it('reads seasons as the meteorological months, and the weekend as Saturday and Sunday', () => {
    const read = (e: string, anchor: string) => {
      const r = resolveTemporalExpression(e, anchor);
      return r.ok ? r.readings.map((x) => `${x.earliest}..${x.latest} ${x.precision}`) : r.message;
    };
    // Written in December, "this summer" and "last summer" are the one just passed.
    expect(read('this summer', '2016-12-20')).toEqual(['2016-06-01..2016-08-31 season']);
    expect(read('last summer', '2016-12-20')).toEqual(['2016-06-01..2016-08-31 season']);
    // Written in July, last summer is a year back.
    expect(read('last summer', '2016-07-20')).toEqual(['2015-06-01..2015-08-31 season']);
    // In January, the summer just passed.
    expect(read('last summer', '2020-01-08')).toEqual(['2019-06-01..2019-08-31 season']);
    expect(read('the summer of 2016', '2019-01-01')).toEqual(['2016-06-01..2016-08-31 season']);
    expect(read('last winter', '2016-12-20')).toEqual(['2015-12-01..2016-02-29 season']);
    expect(read('this winter', '2016-10-20')).toEqual(['2016-12-01..2017-02-28 season']);
    // A Tuesday: the weekend passed, or the coming one; written on a Saturday, that weekend.
    expect(read('last weekend', '2016-12-20')).toEqual(['2016-12-17..2016-12-18 days']);
    expect(read('over the weekend', '2016-12-20')).toEqual([
      '2016-12-17..2016-12-18 days',
      '2016-12-24..2016-12-25 days',
    ]);
    expect(read('the weekend', '2016-12-17')).toEqual(['2016-12-17..2016-12-18 days']);
  });

  it('reads the spans of wire copy around the day of writing', () => {
    const read = (e: string) => {
      const r = resolveTemporalExpression(e, '2020-02-04');
      return r.ok ? r.readings.map((x) => `${x.earliest}..${x.latest}`) : r.message;
    };
    expect(read('in the coming days')).toEqual(['2020-02-05..2020-02-11']);
    expect(read('in recent days')).toEqual(['2020-01-28..2020-02-04']);
    expect(read('late last month')).toEqual(['2020-01-21..2020-01-31']);
    expect(read('early next month')).toEqual(['2020-03-01..2020-03-10']);
    // The end of a month: its last ten days, of the month last passed unless a year says otherwise.
    expect(read('the end of October')).toEqual(['2019-10-21..2019-10-31']);
    expect(read('end of January 2020')).toEqual(['2020-01-21..2020-01-31']);
    expect(read('last night')).toEqual(['2020-02-03..2020-02-04']);
    expect(read('Monday night')).toEqual(['2020-02-03..2020-02-03', '2020-02-10..2020-02-10']);
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

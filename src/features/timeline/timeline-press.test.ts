import { describe, expect, it } from 'vitest';
import { TimelinePress } from './timeline-press.ts';

describe('TimelinePress', () => {
  it('counts a click that ends a press without a pan', () => {
    const press = new TimelinePress();
    press.press();
    expect(press.isDown).toBe(true);
    press.release();
    expect(press.isDown).toBe(false);
    expect(press.clickCounts).toBe(true);
  });

  it('ignores the click that ends a drag, until the next press', () => {
    const press = new TimelinePress();
    press.press();
    press.moved();
    press.release();
    expect(press.clickCounts).toBe(false);
    press.press();
    press.release();
    expect(press.clickCounts).toBe(true);
  });

  it('does not count the app moving the window (no press) as a drag', () => {
    const press = new TimelinePress();
    press.moved();
    press.press();
    press.release();
    expect(press.clickCounts).toBe(true);
  });
});

import {
  barLayout,
  DEFAULT_FRAME,
  frameWithLegend,
  legendLayout,
  linearScale,
  lineLayout,
  niceStep,
  percentage,
  plotHeight,
  polylinePoints,
} from './chart-geometry';

const frame = DEFAULT_FRAME;
const bottom = frame.top + plotHeight(frame);

describe('chart geometry', () => {
  it('rounds a step up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(1.2)).toBe(2);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(42_000_000)).toBe(50_000_000);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });

  it('puts zero at the bottom and the nice maximum at the top, with whole ticks', () => {
    const scale = linearScale(7, frame);

    expect(scale.max).toBe(8);
    expect(scale.ticks).toEqual([0, 2, 4, 6, 8]);
    expect(scale.y(0)).toBe(bottom);
    expect(scale.y(8)).toBe(frame.top);
    expect(scale.y(4)).toBe(frame.top + plotHeight(frame) / 2);
    // A step of 2.5 would label a count 2.5: it becomes 5.
    expect(linearScale(10, frame).ticks).toEqual([0, 5, 10, 15, 20]);
  });

  it('draws nothing as a scale of 0 to 4 and never a bar below the axis', () => {
    const scale = linearScale(0, frame);

    expect(scale.ticks).toEqual([0, 1, 2, 3, 4]);
    expect(scale.length(-5)).toBe(0);
    expect(scale.length(1_000)).toBe(plotHeight(frame));
  });

  it('makes bar heights proportional to the values', () => {
    const layout = barLayout([[10, 20, 40]], 3, 'grouped');

    expect(layout.scale.max).toBe(40);
    expect(layout.rects.map((rect) => rect.height)).toEqual([
      plotHeight(frame) / 4,
      plotHeight(frame) / 2,
      plotHeight(frame),
    ]);
    expect(layout.rects.every((rect) => rect.y + rect.height === bottom)).toBe(true);
    expect(layout.centres[1]! - layout.centres[0]!).toBeCloseTo(
      layout.centres[2]! - layout.centres[1]!,
    );
  });

  it('stacks segments on each other up to the total, the scale reaching the largest total', () => {
    const layout = barLayout(
      [
        [30, 0],
        [10, 5],
      ],
      2,
      'stacked',
    );

    expect(layout.scale.max).toBe(40);
    const [first, second] = layout.rects.filter((rect) => rect.category === 0);
    expect(first!.y + first!.height).toBe(bottom);
    expect(second!.y + second!.height).toBeCloseTo(first!.y);
    expect(first!.height + second!.height).toBeCloseTo(plotHeight(frame));
    expect(layout.totals.map((total) => total.value)).toEqual([40, 5]);
  });

  it('keeps very large rupiah amounts exact and in proportion', () => {
    const trillions = 9_000_042_000_000;
    const layout = barLayout([[trillions, trillions / 2]], 2, 'grouped');

    expect(layout.scale.max).toBe(10_000_000_000_000);
    expect(layout.scale.ticks[4]).toBe(10_000_000_000_000);
    expect(layout.rects[0]!.height).toBeCloseTo(plotHeight(frame) * 0.9000042);
    expect(layout.rects[1]!.height).toBeCloseTo(layout.rects[0]!.height / 2);
    expect(layout.totals[0]!.value).toBe(trillions);
  });

  it('lays out no bars for no categories, and treats missing values as zero', () => {
    expect(barLayout([], 0, 'stacked').rects).toEqual([]);
    const layout = barLayout([[5], []], 1, 'grouped');
    expect(layout.rects.map((rect) => rect.value)).toEqual([5, 0]);
    expect(layout.rects[1]!.height).toBe(0);
  });

  it('puts a line’s points above their categories at their values', () => {
    const layout = lineLayout([[0, 50, 100]], 3);

    expect(layout.points[0]!.map((point) => point.y)).toEqual([
      bottom,
      frame.top + plotHeight(frame) / 2,
      frame.top,
    ]);
    expect(
      polylinePoints([
        { x: 1.234, y: 5.678 },
        { x: 2, y: 3 },
      ]),
    ).toBe('1.2,5.7 2,3');
  });

  it('gives a percentage with one decimal, none of nothing', () => {
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(0, 4)).toBe(0);
    expect(percentage(1, 0)).toBeNull();
  });

  it('wraps a legend too wide for one row and grows the frame by the extra rows', () => {
    const short = legendLayout(['A', 'B']);
    expect(short.rows).toBe(1);
    expect(short.items[1]!.x).toBeGreaterThan(short.items[0]!.x);

    const long = legendLayout(
      Array.from({ length: 5 }, (_, i) => `Belum dibayar, lewat batas ${i}`),
    );
    expect(long.rows).toBeGreaterThan(1);
    expect(long.items.every((item) => item.x + 34 <= frame.width - frame.right)).toBe(true);
    expect(legendLayout([]).rows).toBe(0);

    const grown = frameWithLegend(frame, 3);
    expect(grown.top).toBe(frame.top + 40);
    expect(plotHeight(grown)).toBe(plotHeight(frame));
  });
});

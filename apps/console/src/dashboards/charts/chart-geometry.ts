// Chart geometry: pure arithmetic from values to SVG coordinates, tested on its own. The
// drawing (chart.tsx) only places what this computes.

/** The canvas of every chart: a viewBox the SVG scales to its container's width. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Room for the value axis on the left, category labels below, the top label above. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const DEFAULT_FRAME: Frame = {
  width: 720,
  height: 300,
  left: 88,
  right: 16,
  top: 44,
  bottom: 56,
};

export const plotWidth = (frame: Frame): number => frame.width - frame.left - frame.right;
export const plotHeight = (frame: Frame): number => frame.height - frame.top - frame.bottom;

const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest "nice" step (1, 2, 2.5 or 5 × a power of ten) at least `raw`; 1 for nothing. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of STEPS) {
    // A little tolerance: 0.1 + 0.2 must not round a step up.
    if (step * power >= raw * (1 - 1e-12)) return step * power;
  }
  return 10 * power;
}

/** A value axis from 0 to a nice maximum, with `tickCount` equal steps. */
export interface Scale {
  readonly max: number;
  readonly ticks: readonly number[];
  /** The y coordinate of `value` (0 at the plot's bottom edge, `max` at its top). */
  y(value: number): number;
  /** The length of a bar of `value`, never negative, never more than the plot. */
  length(value: number): number;
}

export function linearScale(maxValue: number, frame: Frame, tickCount = 4): Scale {
  const height = plotHeight(frame);
  // Counts and rupiah are whole: no tick at 0.25 or 2.5 (a step of 2.5 becomes 5).
  const nice = niceStep(Math.max(0, maxValue) / tickCount);
  const step = nice < 1 ? 1 : Number.isInteger(nice) ? nice : 5;
  const max = step * tickCount;
  const ticks = Array.from({ length: tickCount + 1 }, (_, index) => index * step);
  const length = (value: number): number => Math.min(height, (Math.max(0, value) / max) * height);
  return {
    max,
    ticks,
    length,
    y: (value: number) => frame.top + height - length(value),
  };
}

/** One rectangle: a bar, or a segment of a stacked bar. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly value: number;
  /** Which series (0-based) and which category it draws. */
  readonly series: number;
  readonly category: number;
}

export interface BarLayout {
  readonly scale: Scale;
  readonly rects: readonly Rect[];
  /** The centre of each category on the x axis (for its label). */
  readonly centres: readonly number[];
  /** Where each category's total label goes (top of its bar or stack). */
  readonly totals: readonly { readonly x: number; readonly y: number; readonly value: number }[];
}

/**
 * Bars for `values[series][category]`: side by side per category (`grouped`), or one on top
 * of the other (`stacked`, the scale reaching the largest total). Missing values count as 0.
 */
export function barLayout(
  values: readonly (readonly number[])[],
  categoryCount: number,
  mode: 'grouped' | 'stacked',
  frame: Frame = DEFAULT_FRAME,
): BarLayout {
  const seriesCount = Math.max(1, values.length);
  const value = (series: number, category: number): number =>
    Math.max(0, values[series]?.[category] ?? 0);
  const totalOf = (category: number): number =>
    values.reduce((sum, _, series) => sum + value(series, category), 0);
  const categories = Array.from({ length: categoryCount }, (_, index) => index);
  const largest =
    mode === 'stacked'
      ? Math.max(0, ...categories.map(totalOf))
      : Math.max(0, ...values.flatMap((_, s) => categories.map((c) => value(s, c))));
  const scale = linearScale(largest, frame);
  const band = categoryCount === 0 ? 0 : plotWidth(frame) / categoryCount;
  const inner = band * 0.7;
  const centres = categories.map((category) => frame.left + band * category + band / 2);
  const rects: Rect[] = [];
  const totals: { x: number; y: number; value: number }[] = [];
  for (const category of categories) {
    const start = centres[category]! - inner / 2;
    if (mode === 'stacked') {
      let base = 0;
      values.forEach((_, series) => {
        const v = value(series, category);
        const top = scale.y(base + v);
        rects.push({
          x: start,
          y: top,
          width: inner,
          height: scale.y(base) - top,
          value: v,
          series,
          category,
        });
        base += v;
      });
      totals.push({ x: centres[category]!, y: scale.y(base), value: base });
    } else {
      const width = inner / seriesCount;
      values.forEach((_, series) => {
        const v = value(series, category);
        rects.push({
          x: start + width * series,
          y: scale.y(v),
          width,
          height: scale.length(v),
          value: v,
          series,
          category,
        });
      });
      totals.push({
        x: centres[category]!,
        y: scale.y(Math.max(...values.map((_, s) => value(s, category)), 0)),
        value: totalOf(category),
      });
    }
  }
  return { scale, rects, centres, totals };
}

export interface LineLayout {
  readonly scale: Scale;
  readonly centres: readonly number[];
  /** Per series, its points in category order. */
  readonly points: readonly (readonly {
    readonly x: number;
    readonly y: number;
    readonly value: number;
  }[])[];
}

/** Lines through `values[series][category]`, each point above its category's centre. */
export function lineLayout(
  values: readonly (readonly number[])[],
  categoryCount: number,
  frame: Frame = DEFAULT_FRAME,
): LineLayout {
  const categories = Array.from({ length: categoryCount }, (_, index) => index);
  const largest = Math.max(0, ...values.flatMap((series) => categories.map((c) => series[c] ?? 0)));
  const scale = linearScale(largest, frame);
  const band = categoryCount === 0 ? 0 : plotWidth(frame) / categoryCount;
  const centres = categories.map((category) => frame.left + band * category + band / 2);
  return {
    scale,
    centres,
    points: values.map((series) =>
      categories.map((category) => {
        const value = Math.max(0, series[category] ?? 0);
        return { x: centres[category]!, y: scale.y(value), value };
      }),
    ),
  };
}

/** `points` as an SVG polyline's `points` attribute, rounded to tenths. */
export function polylinePoints(
  points: readonly { readonly x: number; readonly y: number }[],
): string {
  return points.map((point) => `${round(point.x)},${round(point.y)}`).join(' ');
}

export const round = (value: number): number => Math.round(value * 10) / 10;

/** A percentage with one decimal, or null when there is nothing to divide by. */
export function percentage(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Where each legend entry goes: left to right, wrapping to a new row of 20 units when full. */
export interface LegendLayout {
  readonly items: readonly { readonly x: number; readonly y: number }[];
  readonly rows: number;
}

export const LEGEND_ROW = 20;

/** `names` side by side from the plot's left edge, about 7 units a character plus the swatch. */
export function legendLayout(names: readonly string[], frame: Frame = DEFAULT_FRAME): LegendLayout {
  const right = frame.width - frame.right;
  let x = frame.left;
  let row = 0;
  const items = names.map((name) => {
    const width = 34 + name.length * 7;
    if (x > frame.left && x + width > right) {
      row += 1;
      x = frame.left;
    }
    const item = { x, y: row * LEGEND_ROW };
    x += width;
    return item;
  });
  return { items, rows: names.length === 0 ? 0 : row + 1 };
}

/** The frame grown by the legend's extra rows, so the plot keeps its height below them. */
export function frameWithLegend(frame: Frame, rows: number): Frame {
  const extra = Math.max(0, rows - 1) * LEGEND_ROW;
  return { ...frame, top: frame.top + extra, height: frame.height + extra };
}

import {
  barLayout,
  DEFAULT_FRAME,
  frameWithLegend,
  legendLayout,
  lineLayout,
  plotHeight,
  polylinePoints,
  round,
  type Frame,
  type Scale,
} from './chart-geometry';

// Charts drawn on the server as SVG: no script, no style attribute (the CSP forbids inline
// styles), only presentation attributes. Each is an image with a title and a description for
// screen readers, tells its series apart by pattern, dash and marker as well as colour, and
// carries the same numbers as a table in a <details> (which opens without JavaScript).

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}

export type ChartKind = 'bars' | 'stacked' | 'lines';

export interface ChartProps {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly kind: ChartKind;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Short numbers for the axis and the labels on the bars (`Rp1,2 M`). */
  readonly axisLabel: (value: number) => string;
  /** Full numbers for the table (`Rp1.200.000.000`). */
  readonly valueLabel: (value: number) => string;
  /** Whether the table's values are amounts (right-aligned). */
  readonly amounts?: boolean;
  readonly categoryHeading: string;
  readonly showTable: string;
  readonly empty: string;
  /** A stacked chart's table gets a total column with this heading. */
  readonly totalHeading?: string;
  readonly frame?: Frame;
}

/** Dark enough for 3:1 against white (graphics) and for white hatching on top. */
export const SERIES_STYLES = [
  { colour: '#1d4e89', pattern: 'solid', dash: undefined, marker: 'circle' },
  { colour: '#a34f05', pattern: 'hatch', dash: '8 4', marker: 'square' },
  { colour: '#2d6a4f', pattern: 'dots', dash: '2 4', marker: 'triangle' },
  { colour: '#6a3d9a', pattern: 'cross', dash: '12 4 3 4', marker: 'diamond' },
  { colour: '#7a1f2b', pattern: 'vertical', dash: '4 2', marker: 'circle' },
] as const;

const INK = '#1a1a1a';
const AXIS = '#595959';
const GRID = '#d0d0d0';

const styleOf = (series: number) => SERIES_STYLES[series % SERIES_STYLES.length]!;

function fillOf(id: string, series: number): string {
  return styleOf(series).pattern === 'solid' ? styleOf(series).colour : `url(#${id}-s${series})`;
}

function Patterns({ id, count }: { id: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, series) => {
        const { colour, pattern } = styleOf(series);
        if (pattern === 'solid') return null;
        return (
          <pattern
            key={series}
            id={`${id}-s${series}`}
            patternUnits="userSpaceOnUse"
            width="8"
            height="8"
          >
            <rect width="8" height="8" fill={colour} />
            {pattern === 'hatch' ? (
              <path d="M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6" stroke="#ffffff" strokeWidth="2" />
            ) : pattern === 'dots' ? (
              <circle cx="4" cy="4" r="1.6" fill="#ffffff" />
            ) : pattern === 'cross' ? (
              <path d="M0,4 L8,4 M4,0 L4,8" stroke="#ffffff" strokeWidth="1.5" />
            ) : (
              <path d="M4,0 L4,8" stroke="#ffffff" strokeWidth="2" />
            )}
          </pattern>
        );
      })}
    </defs>
  );
}

function Marker({ series, x, y }: { series: number; x: number; y: number }) {
  const { colour, marker } = styleOf(series);
  const [cx, cy] = [round(x), round(y)];
  switch (marker) {
    case 'square':
      return <rect x={cx - 4} y={cy - 4} width="8" height="8" fill={colour} />;
    case 'triangle':
      return (
        <path d={`M${cx},${cy - 5} L${cx + 5},${cy + 4} L${cx - 5},${cy + 4} Z`} fill={colour} />
      );
    case 'diamond':
      return (
        <path
          d={`M${cx},${cy - 5} L${cx + 5},${cy} L${cx},${cy + 5} L${cx - 5},${cy} Z`}
          fill={colour}
        />
      );
    case 'circle':
      return <circle cx={cx} cy={cy} r="4" fill={colour} />;
  }
}

function Legend({ id, props, frame }: { id: string; props: ChartProps; frame: Frame }) {
  if (props.series.length < 2) return null;
  const { items } = legendLayout(
    props.series.map((series) => series.name),
    frame,
  );
  return (
    <g>
      {props.series.map((series, index) => {
        const at = items[index]!.x;
        const dy = items[index]!.y;
        return (
          <g key={index}>
            {props.kind === 'lines' ? (
              <>
                <line
                  x1={at}
                  y1={10 + dy}
                  x2={at + 20}
                  y2={10 + dy}
                  stroke={styleOf(index).colour}
                  strokeWidth="2.5"
                  strokeDasharray={styleOf(index).dash}
                />
                <Marker series={index} x={at + 10} y={10 + dy} />
              </>
            ) : (
              <rect
                x={at}
                y={3 + dy}
                width="14"
                height="14"
                fill={fillOf(id, index)}
                stroke={INK}
                strokeWidth="0.5"
              />
            )}
            <text x={at + (props.kind === 'lines' ? 24 : 18)} y={14 + dy} fill={INK} fontSize="12">
              {series.name}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Axis({
  scale,
  frame,
  axisLabel,
}: {
  scale: Scale;
  frame: Frame;
  axisLabel: (value: number) => string;
}) {
  return (
    <g>
      {scale.ticks.map((tick) => {
        const y = round(scale.y(tick));
        return (
          <g key={tick}>
            <line
              x1={frame.left}
              y1={y}
              x2={frame.width - frame.right}
              y2={y}
              stroke={GRID}
              strokeWidth="1"
            />
            <text x={frame.left - 6} y={y + 4} fill={INK} fontSize="12" textAnchor="end">
              {axisLabel(tick)}
            </text>
          </g>
        );
      })}
      <line
        x1={frame.left}
        y1={frame.top + plotHeight(frame)}
        x2={frame.width - frame.right}
        y2={frame.top + plotHeight(frame)}
        stroke={AXIS}
        strokeWidth="1"
      />
    </g>
  );
}

function CategoryLabels({
  centres,
  categories,
  frame,
}: {
  centres: readonly number[];
  categories: readonly string[];
  frame: Frame;
}) {
  const slanted = categories.length > 6;
  const y = frame.top + plotHeight(frame) + 16;
  return (
    <g>
      {categories.map((label, index) => {
        const x = round(centres[index]!);
        return (
          <text
            key={index}
            x={x}
            y={y}
            fill={INK}
            fontSize="12"
            textAnchor={slanted ? 'end' : 'middle'}
            transform={slanted ? `rotate(-35 ${x} ${y})` : undefined}
          >
            {label}
          </text>
        );
      })}
    </g>
  );
}

function Plot({ props, frame }: { props: ChartProps; frame: Frame }) {
  const values = props.series.map((series) => series.values);
  const count = props.categories.length;
  if (props.kind === 'lines') {
    const layout = lineLayout(values, count, frame);
    return (
      <>
        <Axis scale={layout.scale} frame={frame} axisLabel={props.axisLabel} />
        {layout.points.map((points, series) => (
          <g key={series}>
            <polyline
              points={polylinePoints(points)}
              fill="none"
              stroke={styleOf(series).colour}
              strokeWidth="2.5"
              strokeDasharray={styleOf(series).dash}
            />
            {points.map((point, index) => (
              <Marker key={index} series={series} x={point.x} y={point.y} />
            ))}
          </g>
        ))}
        <CategoryLabels centres={layout.centres} categories={props.categories} frame={frame} />
      </>
    );
  }
  const layout = barLayout(values, count, props.kind === 'stacked' ? 'stacked' : 'grouped', frame);
  const labelled = props.kind === 'stacked' || props.series.length === 1;
  return (
    <>
      <Axis scale={layout.scale} frame={frame} axisLabel={props.axisLabel} />
      {layout.rects.map((rect, index) =>
        rect.height <= 0 ? null : (
          <rect
            key={index}
            x={round(rect.x)}
            y={round(rect.y)}
            width={round(rect.width)}
            height={round(rect.height)}
            fill={fillOf(props.id, rect.series)}
            stroke="#ffffff"
            strokeWidth="1"
          />
        ),
      )}
      {labelled
        ? layout.totals.map((total, index) => (
            <text
              key={index}
              x={round(total.x)}
              y={round(total.y) - 5}
              fill={INK}
              fontSize="12"
              textAnchor="middle"
            >
              {props.axisLabel(total.value)}
            </text>
          ))
        : null}
      <CategoryLabels centres={layout.centres} categories={props.categories} frame={frame} />
    </>
  );
}

/** The chart's numbers as a table: a row per category, a column per series. */
export function ChartTable(props: ChartProps) {
  const totals = props.kind === 'stacked' && props.totalHeading !== undefined;
  const cell = (value: number, key: number | string) => (
    <td key={key} class={props.amounts === true ? 'amount' : undefined}>
      {props.valueLabel(value)}
    </td>
  );
  return (
    <table id={`${props.id}-table`}>
      <caption>{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">{props.categoryHeading}</th>
          {props.series.map((series, index) => (
            <th key={index} scope="col" class={props.amounts === true ? 'amount' : undefined}>
              {series.name}
            </th>
          ))}
          {totals ? (
            <th scope="col" class={props.amounts === true ? 'amount' : undefined}>
              {props.totalHeading}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {props.categories.map((category, row) => (
          <tr key={row}>
            <th scope="row">{category}</th>
            {props.series.map((series, index) => cell(series.values[row] ?? 0, index))}
            {totals
              ? cell(
                  props.series.reduce((sum, series) => sum + (series.values[row] ?? 0), 0),
                  'total',
                )
              : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A chart and, below it, its table view; a sentence instead when there is nothing to draw. */
export function Chart(props: ChartProps) {
  const base = props.frame ?? DEFAULT_FRAME;
  const legendRows =
    props.series.length < 2
      ? 0
      : legendLayout(
          props.series.map((series) => series.name),
          base,
        ).rows;
  const frame = frameWithLegend(base, legendRows);
  const headingId = `${props.id}-heading`;
  if (props.categories.length === 0 || props.series.length === 0) {
    return (
      <section class="chart" aria-labelledby={headingId}>
        <h3 id={headingId}>{props.title}</h3>
        <p>{props.empty}</p>
      </section>
    );
  }
  return (
    <section class="chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.title}</h3>
      <svg
        id={props.id}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        <Patterns id={props.id} count={props.series.length} />
        <Legend id={props.id} props={props} frame={frame} />
        <Plot props={props} frame={frame} />
      </svg>
      <details>
        <summary>{props.showTable}</summary>
        <ChartTable {...props} />
      </details>
    </section>
  );
}

import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { useId } from "react";

/**
 * Charts for the gemeente report, drawn on the server as SVG (d3 computes the scales and paths, React writes the
 * markup), so they need no JavaScript and print as they are. Each is an image (role="img", its parts presentational)
 * with a title and a description for screen readers; the page puts a table with the same figures beside it. Series differ in colour (each at least
 * 3:1 against white) and in line pattern, so colour is never the only difference.
 */
const SERIES_STYLES = [
  { color: "#01689b", dash: undefined },
  { color: "#8b1a5b", dash: "8 4" },
  { color: "#275937", dash: "2 4" },
  { color: "#6b4200", dash: "12 4 2 4" },
] as const;

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 44 };

export type ChartSeries = { name: string; values: readonly (number | null)[] };

function styleOf(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length] as (typeof SERIES_STYLES)[number];
}

function Legend({ series }: { series: readonly { name: string }[] }) {
  return (
    <ul className="kp-chart__legend">
      {series.map((entry, index) => {
        const style = styleOf(index);
        return (
          <li key={entry.name}>
            <svg width="32" height="12" aria-hidden="true" focusable="false">
              <line x1="0" y1="6" x2="32" y2="6" stroke={style.color} strokeWidth="3" strokeDasharray={style.dash} />
            </svg>{" "}
            {entry.name}
          </li>
        );
      })}
    </ul>
  );
}

function YAxis({ y, label }: { y: ReturnType<typeof scaleLinear<number, number>>; label: string }) {
  return (
    <g>
      {y.ticks(5).map((tick) => (
        <g key={tick} transform={`translate(0, ${y(tick)})`}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} stroke="#d0d0d0" />
          <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" className="kp-chart__tick">
            {String(tick).replace(".", ",")}
          </text>
        </g>
      ))}
      <text
        x={12}
        y={MARGIN.top + (HEIGHT - MARGIN.top - MARGIN.bottom) / 2}
        className="kp-chart__axis-label"
        transform={`rotate(-90, 12, ${MARGIN.top + (HEIGHT - MARGIN.top - MARGIN.bottom) / 2})`}
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
}

/** A line per series over the categories (periods); a missing value breaks the line. */
export function LineChart(props: {
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  yLabel: string;
}) {
  const id = useId();
  const max = Math.max(1, ...props.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = scalePoint<string>()
    .domain(props.categories)
    // Room for half a date label at either end.
    .range([MARGIN.left + 40, WIDTH - MARGIN.right - 40]);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<number | null>()
    .defined((value) => value !== null)
    .x((_, index) => x(props.categories[index] ?? "") ?? 0)
    .y((value) => y(value ?? 0));
  return (
    <figure className="kp-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="kp-chart__svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        <YAxis y={y} label={props.yLabel} />
        <g>
          {props.categories.map((category) => (
            <text
              key={category}
              x={x(category)}
              y={HEIGHT - MARGIN.bottom + 18}
              textAnchor="middle"
              className="kp-chart__tick"
            >
              {category}
            </text>
          ))}
          {props.series.map((series, index) => {
            const style = styleOf(index);
            return (
              <g key={series.name}>
                <path
                  d={path(series.values) ?? ""}
                  fill="none"
                  stroke={style.color}
                  strokeWidth="3"
                  strokeDasharray={style.dash}
                />
                {series.values.map((value, at) =>
                  value === null ? null : (
                    <circle
                      key={props.categories[at]}
                      cx={x(props.categories[at] ?? "")}
                      cy={y(value)}
                      r="4"
                      fill={style.color}
                    />
                  ),
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <Legend series={props.series} />
    </figure>
  );
}

/** Grouped horizontal bars: per group (a region) one bar per series; a missing value draws no bar. */
export function BarChart(props: {
  title: string;
  description: string;
  groups: readonly string[];
  series: readonly ChartSeries[];
  valueLabel: (value: number) => string;
}) {
  const id = useId();
  const rowHeight = 22 * props.series.length + 18;
  const height = MARGIN.top + rowHeight * props.groups.length + 24;
  const left = 180;
  const max = Math.max(1, ...props.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([left, WIDTH - MARGIN.right - 90]);
  const band = scaleBand<string>()
    .domain(props.groups)
    .range([MARGIN.top, MARGIN.top + rowHeight * props.groups.length])
    .paddingInner(0.2);
  const bar = scaleBand<number>()
    .domain(props.series.map((_, index) => index))
    .range([0, band.bandwidth()])
    .padding(0.15);
  return (
    <figure className="kp-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="kp-chart__svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        <g>
          {props.groups.map((group, groupIndex) => (
            <g key={group} transform={`translate(0, ${band(group) ?? 0})`}>
              <text x={left - 8} y={band.bandwidth() / 2} dy="0.32em" textAnchor="end" className="kp-chart__tick">
                {group}
              </text>
              {props.series.map((series, index) => {
                const value = series.values[groupIndex] ?? null;
                const style = styleOf(index);
                const top = bar(index) ?? 0;
                return (
                  <g key={series.name}>
                    {value === null ? null : (
                      <rect
                        x={left}
                        y={top}
                        width={Math.max(1, x(value) - left)}
                        height={bar.bandwidth()}
                        fill={style.color}
                      />
                    )}
                    <text
                      x={value === null ? left + 4 : x(value) + 6}
                      y={top + bar.bandwidth() / 2}
                      dy="0.32em"
                      className="kp-chart__tick"
                    >
                      {value === null ? "–" : props.valueLabel(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </g>
      </svg>
      <Legend series={props.series} />
    </figure>
  );
}

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: number[];
  /** A CSS custom property of the theme (`--accent`), read when drawing, so both themes work. */
  colorVar: string;
  format?: (value: number) => string;
}

const HEIGHT = 200;

function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888888';
}

/**
 * One uPlot line chart over days. Loaded lazily (only the Insights tab pulls uPlot in);
 * the canvas is decoration for sighted readers: the caller renders the same numbers as a table.
 */
export default function UplotChart({ days, series, label }: { days: string[]; series: ChartSeries[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let plot: uPlot | null = null;
    const draw = () => {
      plot?.destroy();
      const text = themeColor('--text-muted');
      const grid = themeColor('--border');
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      try {
        plot = new uPlot(
          {
            width: Math.max(280, el.clientWidth),
            height: HEIGHT,
            legend: { show: true },
            scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
            axes: [
              axis,
              {
                ...axis,
                ...(series[0]?.format
                  ? { values: (_u: uPlot, ticks: number[]) => ticks.map((t) => series[0]!.format!(t)) }
                  : {}),
              },
            ],
            series: [
              {},
              ...series.map((s) => ({
                label: s.label,
                stroke: themeColor(s.colorVar),
                width: 2,
                points: { show: true, size: 4 },
              })),
            ],
          },
          [days.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000), ...series.map((s) => s.values)],
          el,
        );
      } catch {
        // No canvas (an old browser, a test DOM): the table beside the chart carries the numbers.
        plot = null;
      }
    };
    draw();
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => plot?.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }));
    resize?.observe(el);
    // The theme can change while the tab is open (Whop's light/dark): redraw with its colours.
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    scheme?.addEventListener?.('change', draw);
    const observer = new MutationObserver(draw);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
    return () => {
      resize?.disconnect();
      scheme?.removeEventListener?.('change', draw);
      observer.disconnect();
      plot?.destroy();
    };
  }, [days, series]);

  return <div ref={host} className="activity-chart" role="img" aria-label={label} />;
}

/**
 * Charts as server-rendered SVG (no script, no chart library): horizontal bars (grouped or stacked) and
 * grouped columns. Each SVG is `role="img"` named by its `<title>` and described by its `<desc>`; colours come
 * from classes in the console stylesheet (`.s1`–`.s4`), so the strict CSP needs no inline style. A chart
 * never stands alone: the page puts the same figures in a table beside it (`figuresTable`).
 */
import { html, raw } from 'hono/html';
import type { Html } from '../console-html.ts';

/** One row of a bar chart (or one column group): its label and one value per series (null: no figure). */
export interface ChartRow {
  label: string;
  values: readonly (number | null)[];
}

export interface ChartOptions {
  /** Unique on the page: the `<title>`/`<desc>` ids derive from it. */
  id: string;
  title: string;
  /** The figures in words (the SVG's description). */
  summary: string;
  /** Series names, shown in the legend when there are several; series i is drawn with class `s{i+1}`. */
  series: readonly string[];
  rows: readonly ChartRow[];
  /** How a value is written beside its bar (default: the number). */
  format?: (n: number) => string;
}

const width = 320;
const font = 11;

/** Rounds up to 1, 2 or 5 × 10^k: the top of a value axis. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((m) => m * p).find((v) => v >= max) ?? 10 * p);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The legend (HTML, so it wraps at 320 px); nothing for a single series. */
function legend(series: readonly string[]): Html | '' {
  if (series.length < 2) return '';
  return html`<ul class="legend" aria-hidden="true">${series.map((s, i) => html`<li><span class="swatch s${i + 1}"></span>${s}</li>`)}</ul>`;
}

function frame(o: ChartOptions, height: number, body: Html | Html[]): Html {
  return html`<figure class="chart">${legend(o.series)}<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-desc" focusable="false"><title id="${o.id}-title">${o.title}</title><desc id="${o.id}-desc">${o.summary}</desc>${body}</svg></figure>`;
}

/**
 * Horizontal bars: each row's label on its own line, then one bar per series (grouped) or one bar of
 * segments (stacked), with the value (or the stacked total) written at the bar's end.
 */
export function barChart(o: ChartOptions & { stacked?: boolean }): Html {
  const fmt = o.format ?? String;
  const valueRoom = 76;
  const span = width - valueRoom;
  const barH = o.stacked || o.series.length === 1 ? 14 : 10;
  const per = o.stacked ? 1 : o.series.length;
  const rowH = font + 4 + per * (barH + 2) + 8;
  const totals = o.rows.map((r) => (o.stacked ? r.values.reduce<number>((a, v) => a + (v ?? 0), 0) : Math.max(0, ...r.values.map((v) => v ?? 0))));
  const top = niceMax(Math.max(0, ...totals));
  const scale = (v: number) => r1((v / top) * span);
  const parts = o.rows.map((row, i) => {
    const y0 = i * rowH;
    const barsY = y0 + font + 4;
    const label = html`<text class="label" x="0" y="${y0 + font}">${row.label}</text>`;
    const axis = html`<line class="axis" x1="0.5" x2="0.5" y1="${barsY - 1}" y2="${barsY + per * (barH + 2) - 1}"></line>`;
    if (o.stacked) {
      let x = 0;
      const segs = row.values.map((v, s) => {
        const w = scale(v ?? 0);
        const seg = w > 0 ? html`<rect class="s${s + 1}" x="${r1(x)}" y="${barsY}" width="${w}" height="${barH}"></rect>` : '';
        x += w;
        return seg;
      });
      return html`<g>${label}${segs}${axis}<text class="value" x="${r1(x + 4)}" y="${barsY + barH - 3}">${fmt(totals[i]!)}</text></g>`;
    }
    const bars = row.values.map((v, s) => {
      const y = barsY + s * (barH + 2);
      const w = scale(v ?? 0);
      return html`${w > 0 ? html`<rect class="s${s + 1}" x="0" y="${y}" width="${w}" height="${barH}"></rect>` : ''}<text class="value" x="${r1(w + 4)}" y="${y + barH - 2}">${v === null ? '—' : fmt(v)}</text>`;
    });
    return html`<g>${label}${bars}${axis}</g>`;
  });
  return frame(o, Math.max(rowH * o.rows.length, rowH), parts);
}

/** Grouped columns over a value axis with gridlines (e.g. months × opened/confirmed). */
export function columnChart(o: ChartOptions & { tickLabel?: (row: ChartRow) => string }): Html {
  const height = 200;
  const left = 30;
  const bottom = 18;
  const plotH = height - bottom - 8;
  const max = Math.max(0, ...o.rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const top = niceMax(max);
  const ticks = [0, top / 2, top].filter((v, i, a) => a.indexOf(v) === i && Number.isInteger(v));
  const y = (v: number) => r1(8 + plotH - (v / top) * plotH);
  const slot = (width - left) / Math.max(1, o.rows.length);
  const barW = r1(Math.min(12, (slot - 4) / Math.max(1, o.series.length)));
  const grid = ticks.map((t) => html`<line class="grid" x1="${left}" x2="${width}" y1="${y(t)}" y2="${y(t)}"></line><text class="tick" x="${left - 4}" y="${y(t) + 4}" text-anchor="end">${t}</text>`);
  const cols = o.rows.map((row, i) => {
    const x0 = left + i * slot + (slot - barW * o.series.length) / 2;
    const bars = row.values.map((v, s) => ((v ?? 0) > 0 ? html`<rect class="s${s + 1}" x="${r1(x0 + s * barW)}" y="${y(v!)}" width="${barW}" height="${r1(y(0) - y(v!))}"></rect>` : ''));
    return html`<g>${bars}<text class="tick" x="${r1(left + i * slot + slot / 2)}" y="${height - 4}" text-anchor="middle">${o.tickLabel ? o.tickLabel(row) : row.label}</text></g>`;
  });
  return frame(o, height, [...grid, ...cols, raw(`<line class="axis" x1="${left}" x2="${width}" y1="${y(0) + 0.5}" y2="${y(0) + 0.5}"></line>`)]);
}

/** The figures of a chart as a table: a row header per row, a column per series; `scroll`: wrap it in a labelled region that scrolls sideways (wide tables at 320 px). */
export function figuresTable(o: { caption: string; head: readonly string[]; rows: readonly ChartRow[]; format?: (n: number) => string; scroll?: string }): Html {
  const fmt = o.format ?? String;
  const table = html`<table class="figures"><caption>${o.caption}</caption><thead><tr>${o.head.map((h, i) => html`<th scope="col"${i > 0 ? raw(' class="num"') : ''}>${h}</th>`)}</tr></thead><tbody>${o.rows.map(
    (r) => html`<tr><th scope="row">${r.label}</th>${r.values.map((v) => html`<td class="num">${v === null ? '—' : fmt(v)}</td>`)}</tr>`,
  )}</tbody></table>`;
  return o.scroll ? html`<div class="table-scroll" role="region" aria-labelledby="${o.scroll}" tabindex="0"><span id="${o.scroll}" class="skip">${o.caption} (scrolls sideways)</span>${table}</div>` : table;
}

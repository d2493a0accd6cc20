// The SVG charts as markup: bars in proportion to their values on a 1-2-5 axis, nothing drawn for zero,
// labels escaped, every chart a named and described image.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, columnChart, figuresTable, niceMax } from './svg-charts.ts';

const widths = (svg: string) => [...svg.matchAll(/<rect class="(s\d)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({ cls: m[1], x: Number(m[2]), w: Number(m[3]) }));

test('niceMax rounds up to 1, 2 or 5 × 10^k', () => {
  assert.deepEqual([0, 1, 3, 7, 10, 11, 40, 51, 999].map(niceMax), [1, 1, 5, 10, 10, 20, 50, 100, 1000]);
});

test('grouped bars: widths in proportion, zero draws nothing, null is a dash, labels escaped', async () => {
  const svg = String(await barChart({ id: 'c1', title: 'Title <b>', summary: 'Sum & more', series: ['Opened', 'Confirmed'], rows: [{ label: 'A <script>', values: [4, 2] }, { label: 'B', values: [0, null] }] }));
  assert.match(svg, /<svg class="chart" viewBox="0 0 320 \d+"[^>]* role="img" aria-labelledby="c1-title" aria-describedby="c1-desc"/);
  assert.match(svg, /<title id="c1-title">Title &lt;b&gt;<\/title><desc id="c1-desc">Sum &amp; more<\/desc>/);
  assert.match(svg, /A &lt;script&gt;/);
  assert.doesNotMatch(svg, /<script>|style=/);
  const bars = widths(svg);
  assert.equal(bars.length, 2, 'no rect for 0 or null');
  assert.deepEqual(bars.map((b) => b.cls), ['s1', 's2']);
  assert.equal(bars[0]!.w, 2 * bars[1]!.w, '4 is twice 2');
  assert.equal(bars[0]!.w, 195.2, 'on an axis to 5: 4/5 of the 244 units left of the value text');
  assert.match(svg, />—<\/text>/);
  assert.match(svg, /<ul class="legend"[^>]*><li><span class="swatch s1"><\/span>Opened<\/li>/);
});

test('stacked bars: segments side by side, the total at the end; one series has no legend', async () => {
  const svg = String(await barChart({ id: 'c2', title: 't', summary: 's', series: ['F', 'M', 'B', 'U'], rows: [{ label: 'r', values: [1, 0, 2, 1] }], stacked: true }));
  const segs = widths(svg);
  assert.deepEqual(segs.map((s) => s.cls), ['s1', 's3', 's4']);
  assert.equal(segs[1]!.x, segs[0]!.w);
  assert.ok(Math.abs(segs[2]!.x - (segs[0]!.w + segs[1]!.w)) < 0.11);
  assert.match(svg, /<text class="value"[^>]*>4<\/text>/, 'the total');
  assert.doesNotMatch(String(await barChart({ id: 'c3', title: 't', summary: 's', series: ['only'], rows: [{ label: 'r', values: [1] }] })), /class="legend"/);
});

test('columns: heights in proportion above the axis, a tick per 0, half and top', async () => {
  const svg = String(await columnChart({ id: 'c4', title: 't', summary: 's', series: ['a'], rows: [{ label: 'Jan', values: [10] }, { label: 'Feb', values: [5] }, { label: 'Mar', values: [0] }], tickLabel: (r) => r.label.slice(0, 1) }));
  const h = [...svg.matchAll(/<rect class="s1" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.equal(h.length, 2);
  assert.ok(Math.abs(h[0]! - 2 * h[1]!) < 0.2, `${h}`);
  assert.deepEqual([...svg.matchAll(/<text class="tick"[^>]*text-anchor="end">(\d+)<\/text>/g)].map((m) => m[1]), ['0', '5', '10']);
  assert.deepEqual([...svg.matchAll(/text-anchor="middle">(\w)<\/text>/g)].map((m) => m[1]), ['J', 'F', 'M']);
});

test('the table: a row header per row, a number cell per series, an optional scrolling region', async () => {
  const t = String(await figuresTable({ caption: 'Cap', head: ['Band', 'F'], rows: [{ label: '11-13', values: [3] }, { label: 'x', values: [null] }], scroll: 'tbl' }));
  assert.match(t, /<div class="table-scroll" role="region" aria-labelledby="tbl" tabindex="0">/);
  assert.match(t, /<caption>Cap<\/caption><thead><tr><th scope="col">Band<\/th><th scope="col" class="num">F<\/th>/);
  assert.match(t, /<tr><th scope="row">11-13<\/th><td class="num">3<\/td><\/tr><tr><th scope="row">x<\/th><td class="num">—<\/td>/);
});

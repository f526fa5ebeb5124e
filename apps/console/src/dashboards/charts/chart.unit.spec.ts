import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { Chart, type ChartProps } from './chart';

const base: ChartProps = {
  id: 'test-chart',
  title: 'Klaim terbuka',
  description: 'Klaim terbuka per manfaat',
  kind: 'stacked',
  categories: ['JKM <meninggal>', 'JKK'],
  series: [
    { name: 'Terbuka', values: [2, 1] },
    { name: 'Menunggu', values: [1, 0] },
  ],
  axisLabel: (value) => String(value),
  valueLabel: (value) => `${value} klaim`,
  categoryHeading: 'Manfaat',
  showTable: 'Tampilkan sebagai tabel',
  empty: 'Belum ada data.',
  totalHeading: 'Jumlah',
};

describe('Chart', () => {
  it('is an image with a title and description, and no style attribute', () => {
    const html = render(h(Chart, base));

    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="test-chart-title test-chart-desc"');
    expect(html).toContain('<title id="test-chart-title">Klaim terbuka</title>');
    expect(html).toContain('<desc id="test-chart-desc">Klaim terbuka per manfaat</desc>');
    expect(html).not.toMatch(/style=/);
    expect(html).not.toContain('<script');
    // Presentation attributes in their SVG spelling.
    expect(html).toContain('stroke-width="1"');
    expect(html).toContain('text-anchor="end"');
  });

  it('escapes labels and tells series apart by a pattern as well as colour', () => {
    const html = render(h(Chart, base));

    expect(html).toContain('JKM &lt;meninggal>');
    expect(html).toContain('<pattern id="test-chart-s1"');
    expect(html).toContain('fill="url(#test-chart-s1)"');
  });

  it('has a table view with the same numbers and a total per row', () => {
    const html = render(h(Chart, base));

    expect(html).toContain('<details><summary>Tampilkan sebagai tabel</summary>');
    expect(html).toMatch(
      /<th scope="row">JKM &lt;meninggal><\/th><td>2 klaim<\/td><td>1 klaim<\/td><td>3 klaim<\/td>/,
    );
    expect(html).toMatch(
      /<th scope="row">JKK<\/th><td>1 klaim<\/td><td>0 klaim<\/td><td>1 klaim<\/td>/,
    );
  });

  it('says so instead of drawing when there is no data', () => {
    const html = render(h(Chart, { ...base, categories: [] }));

    expect(html).toContain('<p>Belum ada data.</p>');
    expect(html).not.toContain('<svg');
  });

  it('draws lines with dashes and markers', () => {
    const html = render(h(Chart, { ...base, kind: 'lines' }));

    expect(html).toContain('<polyline');
    expect(html).toContain('stroke-dasharray="8 4"');
    expect(html).toContain('<rect x="');
  });
});

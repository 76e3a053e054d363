/**
 * A few lines of SVG-as-text for the report's charts, written by hand on purpose.
 *
 * Observable Plot was the alternative. It draws through a DOM (`document`), so rendering it in Node means jsdom,
 * and with d3 a few dozen packages, for three simple charts (stacked bars, a strip of cells, small bars). Its
 * output also carries `style` attributes and a `<style>` element, which the app's Content-Security-Policy
 * (no inline styles) would strip in the report view. These helpers emit only elements, presentation attributes
 * and class names that the report's stylesheet colours, for light and dark alike.
 */

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A number for an SVG coordinate: short, never exponent notation. */
export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

export type Attrs = Readonly<Record<string, string | number | undefined>>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return out;
}

/** An element with attributes and (already escaped) content. */
export function el(name: string, a: Attrs, content = ''): string {
  return content === '' && name !== 'a' && name !== 'text' && name !== 'title'
    ? `<${name}${attrs(a)}/>`
    : `<${name}${attrs(a)}>${content}</${name}>`;
}

/**
 * A chart: a scalable SVG with a role of image, a title and a description screen readers announce. The table
 * that carries the same figures as text is the caller's, beside the chart.
 */
export function chart(id: string, width: number, height: number, title: string, description: string, content: string): string {
  return (
    `<svg class="rl-chart" viewBox="0 0 ${num(width)} ${num(height)}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" ` +
    `aria-labelledby="${esc(id)}-t ${esc(id)}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${esc(id)}-t">${esc(title)}</title><desc id="${esc(id)}-d">${esc(description)}</desc>${content}</svg>`
  );
}

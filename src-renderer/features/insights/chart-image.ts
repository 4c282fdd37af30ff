import uPlot from 'uplot';
import { chartConfig, type ChartSpec } from './chart-options';
import type { ChartTheme } from './chart-theme';

/** Reports are printed on white paper whatever the screen's theme: always the light colours. */
export const PRINT_THEME: ChartTheme = {
  fg: '#1d1f23',
  muted: '#5d636e',
  grid: '#d9dad6',
  accent: '#3451b2',
  warn: '#a15c00',
  sev: ['#b42318', '#c2410c', '#8a5300', '#4b5563'],
};

/** Draws a chart off screen and returns it as a PNG data: URL on a white background. */
export async function chartImage(spec: ChartSpec, width = 800, height = 280): Promise<string> {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;';
  document.body.append(host);
  const { options, data } = chartConfig(spec, PRINT_THEME, width, height);
  const plot = new uPlot(options, data, host);
  try {
    // uPlot draws on its next commit.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const source = plot.ctx.canvas;
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw chart images.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    return canvas.toDataURL('image/png');
  } finally {
    plot.destroy();
    host.remove();
  }
}

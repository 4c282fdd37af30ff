/** Chart colours from the app's theme variables, so charts follow light and dark mode. */
export interface ChartTheme {
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  warn: string;
  sev: [string, string, string, string];
}

export function readChartTheme(element: Element = document.documentElement): ChartTheme {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#1d1f23'),
    muted: v('--muted', '#5d636e'),
    grid: v('--border', '#d9dad6'),
    accent: v('--accent', '#3451b2'),
    warn: v('--warn', '#a15c00'),
    sev: [v('--sev1', '#b42318'), v('--sev2', '#c2410c'), v('--sev3', '#8a5300'), v('--sev4', '#4b5563')],
  };
}

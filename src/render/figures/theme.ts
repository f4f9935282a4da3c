/** Colours and patterns of the figures, from templates/figures/palette.json. */
import palette from '../../../templates/figures/palette.json';

export type PatternName = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'backdiagonal' | 'grid' | 'vertical';

export interface Theme {
  name: 'light' | 'dark';
  background: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  panel: string;
  series: string[];
  categories: string[];
}

export interface Fill {
  color: string;
  pattern: PatternName;
  /** The colour the pattern is drawn in: the background, so it reads as texture over any fill. */
  ink: string;
}

/** Images have no surrounding page to follow, so `auto` means light. */
export function themeFor(name: 'auto' | 'light' | 'dark'): Theme {
  const key = name === 'dark' ? 'dark' : 'light';
  return { name: key, ...palette[key] };
}

const PATTERNS = palette.patterns as PatternName[];

/**
 * The fill of the i-th category: colour and pattern both cycle, offset so that no two of the
 * first 64 categories share both.
 */
export function categoryFill(theme: Theme, index: number): Fill {
  const colors = theme.categories;
  const color = colors[index % colors.length];
  const pattern = PATTERNS[(index + Math.floor(index / colors.length)) % PATTERNS.length];
  return { color, pattern, ink: theme.background };
}

/** The fill of the i-th bar series (previous year / budget, then this year / actual). */
export function seriesFill(theme: Theme, index: number): Fill {
  return {
    color: theme.series[index % theme.series.length],
    pattern: (palette.seriesPatterns as PatternName[])[index % palette.seriesPatterns.length],
    ink: theme.background,
  };
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

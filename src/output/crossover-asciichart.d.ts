// asciichart ships no types; this is the part of its API lambda-cost uses (asciichart 1.5).
declare module "asciichart" {
  export interface PlotConfig {
    height?: number;
    offset?: number;
    padding?: string;
    min?: number;
    max?: number;
    colors?: string[];
    format?: (value: number, index: number) => string;
  }
  export function plot(series: number[] | number[][], config?: PlotConfig): string;
  export const blue: string;
  export const green: string;
  export const yellow: string;
  export const magenta: string;
  export const reset: string;
}

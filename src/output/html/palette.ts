/**
 * Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008: eight colours told apart
 * under protanopia, deuteranopia and tritanopia), in the order the charts use them. Charts also
 * differ by marker shape and line dash, so no series is told apart by colour alone.
 */
export const OKABE_ITO = {
  blue: "#0072B2",
  orange: "#E69F00",
  bluishGreen: "#009E73",
  vermillion: "#D55E00",
  skyBlue: "#56B4E9",
  reddishPurple: "#CC79A7",
  yellow: "#F0E442",
  black: "#000000",
} as const;

/** Series colours in order (yellow last: it is faint on white). */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** The grey of "everything else" (the report's rest-of-functions bar). */
export const REST_GREY = "#999999";

/** The i-th series colour, cycling. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] as string;
}

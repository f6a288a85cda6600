// The picture being drawn, shared by the drawing steps in ./svg.ts and ./rows.ts.
import type { Dataset } from "../data/build.js";
import type { Lang, Messages } from "../i18n/index.js";
import type { Placed, Range, TimelineOptions } from "./layout.js";
import type { Used } from "./legend.js";

/** The picture being drawn: its geometry, and its layers, painted in the order listed. */
export interface Canvas {
  ds: Dataset;
  options: TimelineOptions;
  lang: Lang;
  L: Messages["timeline"];
  width: number;
  left: number;
  right: number;
  chartW: number;
  chartTop: number;
  rowsH: number;
  laneTop: number;
  axisY: number;
  range: Range;
  rows: Placed[];
  /** The x of the start of a day number. */
  X: (n: number) => number;
  clampX: (n: number) => number;
  pxPerDay: number;
  detailedDates: boolean;
  layers: Record<
    "defs" | "back" | "boxes" | "bands" | "bars" | "highlightLine" | "labels" | "front",
    string[]
  >;
  used: Used;
  patterns: Set<string>;
  vacancyDrawn: boolean;
  outsideDrawn: boolean;
}

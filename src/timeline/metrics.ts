// Advance widths of the committed DejaVu Sans fonts (units per em: 2048), for laying out labels
// without reading the font files. Generated once from assets/fonts/*.ttf (hmtx via cmap).

const CHARS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё†–—·…’«» →";
const REGULAR = [
  651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303,
  1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577,
  1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401,
  2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569,
  569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,
  1303, 1716, 1401, 1405, 1405, 1249, 1600, 1294, 2206, 1313, 1532, 1532, 1454, 1540, 1767, 1540, 1612, 1540,
  1235, 1430, 1251, 1248, 1763, 1403, 1590, 1404, 2190, 2240, 1705, 1807, 1405, 1430, 2211, 1423, 1255, 1263,
  1207, 1076, 1416, 1260, 1845, 1089, 1331, 1331, 1237, 1309, 1545, 1339, 1253, 1339, 1300, 1126, 1193, 1212,
  1751, 1212, 1394, 1210, 1874, 1929, 1447, 1617, 1207, 1124, 1724, 1232, 1294, 1260, 1024, 1024, 2048, 651,
  2048, 651, 1253, 1253, 651, 1716,
];
const BOLD = [
  713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425,
  1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700,
  1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741, 1577, 1475, 1397, 1663, 1585,
  2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702,
  702, 1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458,
  748, 1458, 1716, 1585, 1561, 1561, 1305, 1824, 1399, 2507, 1455, 1714, 1714, 1674, 1701, 2038, 1714, 1741,
  1714, 1501, 1503, 1397, 1579, 2031, 1579, 1900, 1655, 2530, 2715, 1924, 2122, 1561, 1503, 2404, 1577, 1382,
  1430, 1296, 1070, 1654, 1389, 2038, 1190, 1435, 1435, 1390, 1500, 1674, 1415, 1407, 1415, 1466, 1214, 1187,
  1335, 2032, 1321, 1518, 1406, 2175, 2264, 1539, 1852, 1295, 1214, 1991, 1315, 1399, 1389, 1024, 1024, 2048,
  778, 2048, 778, 1323, 1323, 713, 1716,
];

const UNITS_PER_EM = 2048;

function table(widths: readonly number[]): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  let i = 0;
  for (const ch of CHARS) map.set(ch, widths[i++] ?? UNITS_PER_EM * 0.62);
  return map;
}

let regular: ReadonlyMap<string, number> | undefined;
let bold: ReadonlyMap<string, number> | undefined;

/** Width in pixels of `text` set in DejaVu Sans at `size` px (unknown characters count as an "M"). */
export function textWidth(text: string, size: number, weight: "normal" | "bold" = "normal"): number {
  regular ??= table(REGULAR);
  bold ??= table(BOLD);
  const widths = weight === "bold" ? bold : regular;
  const fallback = widths.get("M") ?? UNITS_PER_EM;
  let units = 0;
  for (const ch of text) units += widths.get(ch) ?? fallback;
  return (units / UNITS_PER_EM) * size;
}

/** Characters of `text` that have no recorded width (so are laid out as if they were an "M"). */
export function unmeasured(text: string): string[] {
  regular ??= table(REGULAR);
  return [...new Set([...text].filter((ch) => !regular?.has(ch)))];
}

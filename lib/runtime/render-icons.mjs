// Renders app/icon.svg to app/apple-icon.png (180 px) and app/favicon.ico (PNG-in-ICO, 16/32/48) in headless
// Chromium, so the app ships icons drawn here rather than downloaded. Run after editing the SVG:
//   node lib/runtime/render-icons.mjs
import { chromium } from "playwright-core";
import sparticuz from "@sparticuz/chromium";
import fs from "node:fs";
const svg = fs.readFileSync("app/icon.svg", "utf8");
const browser = await chromium.launch({
  executablePath: await sparticuz.executablePath(),
  args: [...sparticuz.args.filter((a) => !a.startsWith("--single-process")), "--no-sandbox"],
  headless: true,
});
async function png(size, pad = 0, bg = null) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * pad;
  await page.setContent(
    `<html><body style="margin:0;background:${bg ?? "transparent"}"><div style="padding:${pad}px">${svg.replace('width="64" height="64"', `width="${inner}" height="${inner}"`)}</div></body></html>`,
  );
  const buf = await page.screenshot({ omitBackground: bg === null, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return buf;
}
// Apple touch icon: opaque (iOS fills transparency with black anyway), the tile a little inset.
fs.writeFileSync("app/apple-icon.png", await png(180, 0, "#05070a"));
const sizes = [16, 32, 48];
const images = [];
for (const s of sizes) images.push(await png(s));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(sizes.length, 4);
const dir = Buffer.alloc(16 * sizes.length);
let offset = 6 + dir.length;
sizes.forEach((s, i) => {
  const e = i * 16;
  dir.writeUInt8(s, e);
  dir.writeUInt8(s, e + 1);
  dir.writeUInt8(0, e + 2);
  dir.writeUInt8(0, e + 3);
  dir.writeUInt16LE(1, e + 4);
  dir.writeUInt16LE(32, e + 6);
  dir.writeUInt32LE(images[i].length, e + 8);
  dir.writeUInt32LE(offset, e + 12);
  offset += images[i].length;
});
fs.writeFileSync("app/favicon.ico", Buffer.concat([header, dir, ...images]));
await browser.close();

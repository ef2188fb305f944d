/**
 * Initial-JavaScript budget: everything index.html loads before the first render (the entry
 * chunk and its static imports, which Vite modulepreloads), gzipped. Lazy routes are not
 * counted: that is the point of them. Run after `vite build`.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 130;
const AIM_KB = 110;

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const manifest = JSON.parse(await readFile('dist/.vite/manifest.json', 'utf8')) as Record<string, Chunk>;
const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
if (!entry) throw new Error('No entry in dist/.vite/manifest.json — run `vite build` first');

const seen = new Set<string>();
const visit = (key: string) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) visit(dep);
};
visit(entry[0]);

const gzipKb = async (file: string) => gzipSync(await readFile(`dist/${file}`), { level: 9 }).length / 1024;
let js = 0;
const rows: string[] = [];
for (const key of seen) {
  const chunk = manifest[key] as Chunk;
  const kb = await gzipKb(chunk.file);
  js += kb;
  rows.push(`  ${chunk.file.padEnd(40)} ${kb.toFixed(1).padStart(6)} KB`);
}
const css = (await Promise.all([...seen].flatMap((k) => manifest[k]?.css ?? []).map(gzipKb))).reduce((a, b) => a + b, 0);

console.log(rows.join('\n'));
console.log(`Initial JS: ${js.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB, aim ${AIM_KB} KB); CSS ${css.toFixed(1)} KB gzip`);
if (js > BUDGET_KB) {
  console.error(`Initial JavaScript is over budget by ${(js - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
if (js > AIM_KB) console.warn(`Above the ${AIM_KB} KB aim: look for something to make lazy.`);

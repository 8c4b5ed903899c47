// Throughput of Recognizers-Text for JavaScript (culture zh-cn) on the seed texts: numbers, percentages, currency,
// dimensions and date-times, the work PolicyLedger's QuantityReader + TimeReader do. Reads line by line (the same
// units QuantityBenchmarks reads) until the corpus ends or the time budget runs out; prints characters per second.
// Usage: node quantities.js [seconds]   (default 20)
'use strict';
const fs = require('fs');
const path = require('path');
const R = require('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const { DateTimeRecognizer } = require('@microsoft/recognizers-text-date-time');

const budget = Number(process.argv[2] || 20) * 1000;
const root = path.resolve(__dirname, '..', '..');
const seeds = path.resolve(root, '..', 'shared', 'seeds');
const folder = fs.existsSync(seeds) ? seeds : path.join(root, 'samples');
const files = fs.readdirSync(folder).filter(f => f.endsWith('.txt')).sort();
const lines = files.flatMap(f => fs.readFileSync(path.join(folder, f), 'utf8').split(/\r?\n/)).filter(l => l.trim().length > 0);

const culture = R.Culture.Chinese;
const models = [
  new NumberRecognizer(culture).getNumberModel(),
  new NumberRecognizer(culture).getPercentageModel(),
  new NumberWithUnitRecognizer(culture).getCurrencyModel(),
  new NumberWithUnitRecognizer(culture).getDimensionModel(),
  new DateTimeRecognizer(culture).getDateTimeModel(),
];

// warm up
for (const l of lines.slice(0, 20)) for (const m of models) m.parse(l);

let chars = 0, found = 0, n = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
for (const line of lines) {
  for (const m of models) found += m.parse(line).length;
  chars += line.length;
  n++;
  elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (elapsed > budget) break;
}
const perSecond = chars / (elapsed / 1000);
console.log(JSON.stringify({ peer: '@microsoft/recognizers-text-suite ' + require('@microsoft/recognizers-text-suite/package.json').version, culture: 'zh-cn', lines: n, of: lines.length, chars, ms: Math.round(elapsed), found, charsPerSecond: Math.round(perSecond) }));

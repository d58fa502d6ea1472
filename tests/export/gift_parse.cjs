// Parse GIFT from standard input with gift-pegjs, a parser independent of ours, and print
// what it found as JSON. A syntax error exits 1 with the line and column.
"use strict";
const { parse } = require("gift-pegjs");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(input)));
  } catch (error) {
    const at = error.location ? `${error.location.start.line}:${error.location.start.column}: ` : "";
    process.stderr.write(`${at}${error.name}: ${error.message}\n`);
    process.exit(1);
  }
});

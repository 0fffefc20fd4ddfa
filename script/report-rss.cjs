// Preloaded (node -r) by the benchmark into each measured process: prints the process's peak
// resident set size when it exits, so every command is measured the same way.
process.on('exit', () => process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`))

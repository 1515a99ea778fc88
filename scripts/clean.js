// Cross-platform `rm -rf` for the build script (no dependency needed).
const fs = require('node:fs');

for (const target of process.argv.slice(2)) fs.rmSync(target, { recursive: true, force: true });

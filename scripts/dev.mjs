// `npm run start:dev`: recompile on change (tsc --watch) and restart the server after each successful build.
import { spawn } from 'node:child_process';

// The server runs with the V8 flag and the malloc setting `npm start` gives it (ADRs 20 and 21 in docs/architecture.md).
let server;
function restart() {
  server?.kill('SIGTERM');
  server = spawn(process.execPath, ['--no-allocation-site-pretenuring', 'dist/apps/api/src/main.js'], { stdio: 'inherit', env: { MALLOC_ARENA_MAX: '2', ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' } });
}

const compiler = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
compiler.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Found 0 errors/.test(text)) restart();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server?.kill(signal);
    compiler.kill(signal);
    process.exit(0);
  });
}

// `npm start`: runs scripts/start.ts with tsx, which the e2e harness it uses is written for.
import { spawn } from 'node:child_process';
import process from 'node:process';

const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches both processes; the child closes the browser and the server, then exits.
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

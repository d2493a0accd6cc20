#!/usr/bin/env node
// Entry point of the `lifeguard` CLI: loads the TypeScript sources through tsx and runs a command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

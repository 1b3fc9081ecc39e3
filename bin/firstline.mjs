#!/usr/bin/env node
// Entry point of the `firstline` command: loads ./.env when present (without overriding the environment),
// then runs the TypeScript CLI through tsx's loader.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (existsSync('.env') && typeof process.loadEnvFile === 'function') process.loadEnvFile('.env');
register();
await import('../src/cli/main.ts');

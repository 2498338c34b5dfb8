// placeholder replaced below
import type { Command } from 'commander';
import type { CommandHost } from './command-host.js';
export function addCompletion(_program: Command, _host: CommandHost): void {}

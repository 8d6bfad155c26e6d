/**
 * Production entry point: configuration from the environment only (see docs/configuration.md), no simulator.
 */
import { ConfigError, loadConfig } from './config/config';
import { start } from './start';

try {
  const config = loadConfig(process.env);
  await start(config);
} catch (error) {
  // For the operator: what stopped the start (a bad setting, a store that does not answer), then exit 1.
  console.error(error instanceof ConfigError ? error.message : `Sesali could not start: ${String(error)}`);
  process.exit(1);
}

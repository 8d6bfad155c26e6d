/**
 * Production entry point: configuration from the environment only (see docs/configuration.md), no simulator.
 */
import { ConfigError, loadConfig } from './config/config';
import { start } from './start';

try {
  const config = loadConfig(process.env);
  await start(config);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

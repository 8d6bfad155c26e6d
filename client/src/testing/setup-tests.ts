import '@testing-library/jest-dom/jest-globals';
import './msw-server';

// An unexpected console.error (React warnings, failed prop types, act() misuse) fails the test.
const originalError = console.error;
beforeEach(() => {
  console.error = (...args: unknown[]) => {
    originalError(...args);
    throw new Error(`console.error was called: ${String(args[0])}`);
  };
});
afterEach(() => {
  console.error = originalError;
});

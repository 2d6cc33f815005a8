// Jest applies `testTimeout` only from the root config, never from a project's, so the
// integration and e2e projects set theirs here (setupFilesAfterEnv is per project).
import { jest } from '@jest/globals';

jest.setTimeout(Number(process.env.JEST_SLOW_TEST_TIMEOUT_MS ?? 120_000));

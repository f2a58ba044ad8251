import { vi } from 'vitest';
import type { Logger } from '../../src/logger.js';

/**
 * A logger whose `error` is a spy (the only level the error paths write): what a masked error
 * logs, and how often, read from `error.mock.calls` (`[fields, message]`). Ours.
 */
export function captureLogger(): { logger: Logger; error: ReturnType<typeof vi.fn> } {
  const error = vi.fn();
  return { logger: { error } as unknown as Logger, error };
}

/** A random (version 4) UUID (RFC 9562), as an `errorId` is. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

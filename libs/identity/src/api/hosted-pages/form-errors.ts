import type { NextFunction, Request, Response } from 'express';
import { INTERACTION_PATH } from '../../infrastructure/oauth/oauth-constants.js';
import { PAGE_HEADERS } from './html.js';
import { messagePage } from './interaction-pages.js';

/**
 * Express error handler for the form reader: a hosted-page form it refuses
 * (too large, a NUL character) is answered as a page for the browser that
 * posted it. Everything else goes on to the problem+json answer.
 */
export function hostedPageFormErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
  const status = (error as { status?: unknown } | null)?.status;
  if (!request.path.startsWith(`${INTERACTION_PATH}/`) || typeof status !== 'number' || status < 400 || status >= 500 || response.headersSent) return next(error);
  const page =
    status === 413
      ? messagePage('Too much to send', 'The form was larger than this page accepts. Go back, shorten what you entered, and try again.')
      : messagePage('The form could not be read', 'Go back and try again.');
  response.status(status).set(PAGE_HEADERS).send(page);
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';

/** Placeholder until the provider lands in this session's next step. */
@Injectable()
export class OAuthHttpHandler {
  handles(_request: IncomingMessage): boolean {
    return false;
  }

  handle(_request: IncomingMessage, response: ServerResponse): void {
    response.statusCode = 404;
    response.end();
  }
}

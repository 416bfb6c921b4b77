import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '#kernel';
import { BearerChallenge } from '../auth/bearer-challenge.js';
import { currentRequestId } from '../context/request-context.js';
import { requestPath } from '../http/request-path.js';
import { statusForCode } from './error-status.registry.js';
import { type FieldError, PROBLEM_CONTENT_TYPE, type Problem, problemType } from './problem.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

function fromHttpException(exception: HttpException): { status: number; code: string; detail: string } {
  const status = exception.getStatus();
  const byStatus: Record<number, string> = {
    400: 'platform.validation_failed',
    401: 'platform.unauthorized',
    403: 'platform.forbidden',
    404: 'platform.not_found',
    405: 'platform.method_not_allowed',
    413: 'platform.payload_too_large',
    415: 'platform.unsupported_media_type',
    429: 'platform.rate_limited',
  };
  return { status, code: byStatus[status] ?? `http.${status}`, detail: exception.message };
}

/** What the answer needs of the request: Express's `originalUrl` when there is one, else the raw `url`. */
type ProblemRequest = Pick<IncomingMessage, 'method' | 'url'> & { originalUrl?: string };

const logger = new Logger('ProblemFilter');

/**
 * The one place errors become HTTP answers: RFC 9457 problem+json, never a
 * stack trace. Express routes reach it through ProblemFilter; routes the HTTP
 * server serves itself (OAuth aside) call it directly.
 */
export function sendProblem(response: ServerResponse, exception: unknown, request: ProblemRequest): void {
  const problem = toProblem(exception, request);
  if (problem.status >= 500) logger.error(exception instanceof Error ? exception.stack : String(exception));
  if (response.headersSent) return;
  if (exception instanceof BearerChallenge) response.setHeader('WWW-Authenticate', exception.challenge);
  else if (problem.status === 401 && !response.getHeader('WWW-Authenticate')) response.setHeader('WWW-Authenticate', 'Bearer realm="nexinid"');
  const body = JSON.stringify(problem);
  response.statusCode = problem.status;
  response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}

function pathOf(request: ProblemRequest): string {
  return requestPath(request.originalUrl ?? request.url);
}

function toProblem(exception: unknown, request: ProblemRequest): Problem {
  let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
  let code = 'platform.internal';
  let detail = 'An unexpected error occurred.';
  let errors: FieldError[] | undefined;
  let extensions: Record<string, unknown> = {};

  if (exception instanceof DomainError) {
    code = exception.code;
    status = statusForCode(code) ?? HttpStatus.INTERNAL_SERVER_ERROR;
    detail = status >= 500 ? detail : exception.message;
    const { errors: fieldErrors, ...rest } = exception.details as { errors?: FieldError[] };
    errors = fieldErrors;
    extensions = rest;
  } else if (exception instanceof HttpException && (exception.cause as BodyParserError | undefined)?.type === 'entity.parse.failed') {
    // Nest wraps body-parser's SyntaxError in a BadRequestException.
    status = 400;
    code = 'platform.malformed_json';
    detail = 'The request body is not valid JSON.';
  } else if (exception instanceof HttpException) {
    ({ status, code, detail } = fromHttpException(exception));
    if (status === 404 && code === 'platform.not_found') detail = `No route for ${request.method} ${pathOf(request)}.`;
  } else if ((exception as BodyParserError | null)?.type === 'entity.parse.failed') {
    status = 400;
    code = 'platform.malformed_json';
    detail = 'The request body is not valid JSON.';
  } else if ((exception as BodyParserError | null)?.type === 'entity.too.large') {
    status = 413;
    code = 'platform.payload_too_large';
    detail = 'The request body is larger than the limit.';
  } else if ((exception as BodyParserError | null)?.expose && (exception as BodyParserError).status) {
    status = (exception as BodyParserError).status!;
    code = status === 415 ? 'platform.unsupported_media_type' : 'platform.validation_failed';
    detail = (exception as Error).message;
  }

  // Extensions first: a detail named like a standard member must not replace it.
  return {
    ...extensions,
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: pathOf(request),
    requestId: currentRequestId(),
    ...(errors ? { errors } : {}),
  };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendProblem(host.switchToHttp().getResponse<ServerResponse>(), exception, host.switchToHttp().getRequest<ProblemRequest>());
  }
}

import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { RpcError, type RpcErrorKind } from '@cs/messaging';
import { InvalidTokenError } from '../auth/jwt-actor.js';
import { ProblemException, RPC_KIND_STATUS, problemType, toProblem } from './problem.js';

describe('Problem mapping', () => {
  describe('when a service refuses with an RpcError', () => {
    it.each<[RpcErrorKind, number]>([
      ['validation', 400],
      ['unauthenticated', 401],
      ['forbidden', 403],
      ['not_found', 404],
      ['conflict', 409],
      ['precondition', 412],
      ['rule', 422],
      ['unavailable', 503],
      ['timeout', 504],
      ['internal', 500],
    ])('should map %s to %d', (kind, status) => {
      const { problem, unexpected } = toProblem(new RpcError(kind, 'SOME_CODE', 'message'));
      expect(problem.status).toBe(status);
      expect(RPC_KIND_STATUS[kind]).toBe(status);
      expect(unexpected).toBe(false);
    });

    it('should keep code, message, field errors and details', () => {
      const { problem } = toProblem(
        new RpcError('conflict', 'MOBILE_ALREADY_REGISTERED', 'Mobile belongs to M7', [{ field: 'mobile', message: 'taken' }], { memberId: 'M7' }),
      );
      expect(problem).toEqual({
        type: 'https://errors.cs-platform.example/mobile-already-registered',
        title: 'Conflict',
        status: 409,
        detail: 'Mobile belongs to M7',
        code: 'MOBILE_ALREADY_REGISTERED',
        errors: [{ field: 'mobile', message: 'taken' }],
        details: { memberId: 'M7' },
      });
    });

    it('should not leak the detail of an internal failure', () => {
      const { problem } = toProblem(new RpcError('internal', 'INTERNAL', 'stack trace here', undefined, { secret: 1 }));
      expect(problem.detail).not.toContain('stack');
      expect(problem.details).toBeUndefined();
    });
  });

  describe('when the gateway refuses', () => {
    it('should map its own problems and token errors', () => {
      expect(toProblem(ProblemException.badRequest('INVALID_IF_MATCH', 'bad', [{ field: 'If-Match', message: 'x' }])).problem).toMatchObject({
        status: 400,
        code: 'INVALID_IF_MATCH',
        errors: [{ field: 'If-Match', message: 'x' }],
      });
      expect(toProblem(new InvalidTokenError('TOKEN_EXPIRED', 'expired')).problem).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    });

    it('should map Nest HTTP exceptions by status', () => {
      expect(toProblem(new NotFoundException('Cannot GET /x')).problem).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'Cannot GET /x' });
      expect(toProblem(new BadRequestException()).problem).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    });

    it('should map Fastify body errors to 400 INVALID_JSON and 413', () => {
      const media = Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
      expect(toProblem(new HttpException('x', 415, { cause: media })).problem).toMatchObject({ status: 400, code: 'INVALID_JSON' });
      const empty = Object.assign(new Error('empty'), { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 });
      expect(toProblem(empty).problem).toMatchObject({ status: 400, code: 'INVALID_JSON' });
      const large = Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
      expect(toProblem(new HttpException('x', 413, { cause: large })).problem).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });
  });

  describe('when handling the request overflowed the stack', () => {
    it('should answer 400 INVALID_JSON naming (body), not 500', () => {
      const overflow = (): number => overflow() + 1;
      let caught: unknown;
      try {
        overflow();
      } catch (error) {
        caught = error;
      }
      expect((caught as Error).name).toBe('RangeError');
      const { problem, unexpected } = toProblem(caught);
      expect(problem).toMatchObject({ status: 400, code: 'INVALID_JSON', errors: [{ field: '(body)' }] });
      expect(unexpected).toBe(false);
      expect(toProblem(new HttpException('x', 500, { cause: caught })).problem).toMatchObject({ status: 400, code: 'INVALID_JSON' });
    });

    it('should still treat other RangeErrors as bugs', () => {
      const { problem, unexpected } = toProblem(new RangeError('Invalid time value'));
      expect(problem.status).toBe(500);
      expect(unexpected).toBe(true);
    });
  });

  describe('when the error is unknown', () => {
    it('should answer 500 INTERNAL, flag it for logging and hide the message', () => {
      const { problem, unexpected } = toProblem(new TypeError('cannot read x of undefined'));
      expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
      expect(problem.detail).not.toContain('undefined');
      expect(unexpected).toBe(true);
    });
  });

  it('should build the type URI from the code', () => {
    expect(problemType('WRONG_EXPECTED_VERSION')).toBe('https://errors.cs-platform.example/wrong-expected-version');
  });
});

import { DomainError } from '@cs/eventstore';
import { toRpcErrorBody } from './rpc-error.js';

const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('classifying what a handler threw', () => {
  it.each([
    ['connection refused', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection terminated', pgError('Connection terminated unexpectedly')],
    ['server shutting down', pgError('terminating connection due to administrator command', '57P01')],
    ['server starting up', pgError('the database system is starting up', '57P03')],
    ['connection exception', pgError('connection failure', '08006')],
    ['too many connections', pgError('sorry, too many clients already', '53300')],
    ['wrapped by TypeORM', Object.assign(new Error('Query failed'), { driverError: pgError('Connection terminated unexpectedly') })],
  ])('a lost database (%s) is unavailable: retry later', (_, error) => {
    expect(toRpcErrorBody(error, false)).toMatchObject({ kind: 'unavailable', code: 'DATABASE_UNAVAILABLE' });
  });

  it.each([
    ['statement timeout', pgError('canceling statement due to statement timeout', '57014')],
    ['no pooled connection in time', pgError('timeout exceeded when trying to connect')],
  ])('a slow database (%s) is a timeout', (_, error) => {
    expect(toRpcErrorBody(error, false)).toMatchObject({ kind: 'timeout', code: 'DATABASE_TIMEOUT' });
  });

  it('a bug stays internal, with no detail', () => {
    expect(toRpcErrorBody(new TypeError('x is undefined'), false)).toEqual({
      code: 'INTERNAL',
      kind: 'internal',
      message: 'The service failed to handle the request',
    });
  });

  it('refusals keep their own kind', () => {
    expect(toRpcErrorBody(new DomainError('NOPE', 'no', 'conflict'), false)).toMatchObject({ kind: 'conflict', code: 'NOPE' });
  });
});

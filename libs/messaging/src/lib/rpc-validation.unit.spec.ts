import { IsOptional, IsString, Length } from 'class-validator';
import { validatePayload } from './rpc-validation.js';
import { toRpcErrorBody, RpcError } from './rpc-error.js';

class Body {
  @IsString() @Length(1, 20) name: string;
  @IsOptional() @IsString() note?: string;
}

describe('validatePayload', () => {
  it('returns an instance for valid input', async () => {
    await expect(validatePayload(Body, { name: 'Li' })).resolves.toBeInstanceOf(Body);
  });

  it.each([null, [], 'text', 3])('refuses a body that is not an object: %p', async (payload) => {
    await expect(validatePayload(Body, payload)).rejects.toMatchObject({ kind: 'validation', code: 'INVALID_BODY' });
  });

  it('names every offending field, including unknown ones', async () => {
    const error = (await validatePayload(Body, { name: '', extra: 1 }).catch((e) => e)) as RpcError;
    expect(error.errors!.map((e) => e.field).sort()).toEqual(['extra', 'name']);
  });

  it('refuses deeply nested input before validating it', async () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    await expect(validatePayload(Body, { name: 'Li', note: deep })).rejects.toMatchObject({ kind: 'validation', code: 'INVALID_BODY' });
  });

  it('refuses NUL characters anywhere, which Postgres cannot store, naming the field', async () => {
    const error = (await validatePayload(Body, { name: 'Li', note: 'a\u0000b' }).catch((e) => e)) as RpcError;
    expect(error).toMatchObject({ kind: 'validation' });
    expect(error.errors).toEqual([{ field: 'note', message: 'note must not contain NUL characters' }]);
  });
});

describe('toRpcErrorBody', () => {
  it('classifies a Postgres data exception as bad input, not a service fault', () => {
    expect(toRpcErrorBody(Object.assign(new Error('invalid input syntax for type timestamp'), { code: '22007' }), false)).toMatchObject({
      kind: 'validation',
    });
  });

  it('hides the detail of anything unexpected', () => {
    expect(toRpcErrorBody(new Error('connection refused at 10.0.0.3'), false)).toEqual({
      code: 'INTERNAL',
      kind: 'internal',
      message: 'The service failed to handle the request',
    });
  });
});

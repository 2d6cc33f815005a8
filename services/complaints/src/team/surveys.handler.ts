import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CreateSurveyRequest, SurveyResponseCommand, SurveyResultsQuery } from '@cs/contracts';
import { handleCommand } from '@cs/eventstore';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { previousReply, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { surveyNotFound } from '../survey/survey.errors.js';
import type { SurveyChannel, SurveyTrigger } from '../survey/survey.values.js';
import { requireStaff, storeScope } from './team-access.js';
import { surveyResponseStream, surveyStream } from './team-streams.js';

interface ResultRow {
  key: string | null;
  invited: string;
  answered: string;
  rated: string;
  satisfied: string;
}

const figures = (r: ResultRow) => {
  const invited = Number(r.invited);
  const answered = Number(r.answered);
  const rated = Number(r.rated);
  return {
    invited,
    answered,
    responseRate: invited ? Math.round((answered / invited) * 10_000) / 10_000 : null,
    csat: rated ? Math.round((Number(r.satisfied) / rated) * 10_000) / 10_000 : null,
  };
};

/** Satisfaction surveys (§1.7.3): templates with questions, consent first, results per store, agent and channel. */
@Injectable()
export class SurveysHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  async create(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(CreateSurveyRequest, payload);
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const surveyId = randomUUID();
    const command = {
      type: 'CreateSurvey' as const,
      surveyId,
      title: request.title,
      trigger: request.trigger as SurveyTrigger,
      channels: request.channels as SurveyChannel[] | undefined,
      questions: request.questions.map((q) => ({ questionId: q.questionId, text: q.text, kind: q.kind, options: q.options, required: q.required ?? false })),
      now: this.host.clock.now().toISOString(),
      actor,
    };
    return runCommand(this.host, surveyId, surveyStream.spec(surveyId), command, ctx, { request, toResult: (s) => ({ status: s?.status }) });
  }

  /** One response, by phone, SMS or e-mail: the invitation and, with consent, the answers (a refusal is recorded as declined). */
  async respond(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireActor(ctx);
    const request = await validatePayload(SurveyResponseCommand, payload);
    const { state: survey } = await surveyStream.load(this.host, request.surveyId);
    if (!survey) throw surveyNotFound(request.surveyId);
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const responseId = randomUUID();
    const now = this.host.clock.now().toISOString();
    const memberId = actor.role === 'customer' ? actor.id : request.memberId;
    await handleCommand(
      this.host.store,
      surveyResponseStream.spec(responseId),
      {
        type: 'SendSurveyInvitation',
        responseId,
        surveyId: survey.surveyId,
        channel: request.channel,
        storeId: request.storeId,
        agentId: request.agentId,
        memberId,
        caseRef: request.caseRef,
        surveyOpen: survey.status === 'open',
        now,
        actor,
      },
      { metadata: { actor, occurredAt: now, correlationId: ctx.correlationId } },
    );
    const answer = { type: 'RecordSurveyAnswers' as const, responseId, consent: request.consent, answers: request.answers, questions: survey.questions, now, actor };
    return runCommand(this.host, responseId, surveyResponseStream.spec(responseId), answer, ctx, {
      request,
      toResult: (s) => ({ status: s?.status, satisfaction: s?.satisfaction ?? null }),
    });
  }

  /** CSAT = ratings of 4–5 / ratings; response rate = answered / invited; overall and per store, agent and channel. */
  async results(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(SurveyResultsQuery, payload);
    if (!(await surveyStream.load(this.host, q.surveyId)).state) throw surveyNotFound(q.surveyId);
    const params: unknown[] = [q.surveyId];
    const where = ['survey_id = $1', storeScope(this.org, actor, 'store_id', params)];
    if (q.storeId) {
      params.push(q.storeId);
      where.push(`store_id = $${params.length}`);
    }
    const by = async (column: string | null) =>
      (await this.host.dataSource.query(
        `select ${column ?? 'null'} as key, count(*) as invited, count(answered_at) as answered, count(satisfaction) as rated,
                count(*) filter (where satisfaction >= 4) as satisfied
           from survey_response_v1 where ${where.join(' and ')} ${column ? `group by ${column} order by ${column}` : ''}`,
        params,
      )) as ResultRow[];
    const [overall] = await by(null);
    const group = async (column: string) => Object.fromEntries((await by(column)).map((r) => [r.key ?? 'unknown', figures(r)]));
    return {
      surveyId: q.surveyId,
      ...figures(overall!),
      byStore: await group('store_id'),
      byAgent: await group('agent_id'),
      byChannel: await group('channel'),
    };
  }
}

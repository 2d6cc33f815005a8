import { Inject, Injectable } from '@nestjs/common';
import { birthdayGiftDueV1, ComplaintsTeamRpc, memberChurnedV1, membershipExpiringV1 } from '@cs/contracts';
import type { Processor, Timer } from '@cs/eventstore';
import type { RpcHandler } from '@cs/messaging';
import { consumersPerSubject, type OrmTx, type ServiceConsumer } from '@cs/nest-common';
import { AFTER_SALES_CALLBACKS_CONSUMER, CallbackSourcesConsumer, MEMBER_CALLBACKS_CONSUMER } from '../inbound/callback-sources/callback-sources.consumer.js';
import { NOTIFICATION_LOG_CONSUMER, NOTIFICATION_WEBHOOK_CONSUMER, NotificationAdapters } from '../notifications/notification-adapters.js';
import { notificationOutboxProjection } from '../notifications/notification-outbox.projection.js';
import { ComplaintFollowUp } from '../processes/complaint-follow-up.process.js';
import { callbackListProjection } from '../projections/team/callback-list.projection.js';
import { caseLibraryProjection } from '../projections/team/case-library.projection.js';
import { staffComplaintListProjection } from '../projections/team/staff-complaint-list.projection.js';
import { surveyResponseProjection } from '../projections/team/survey-response.projection.js';
import { composedProjection } from '../projections/team/team-read-models.projection.js';
import { teamTimersProcessor } from '../projections/team/team-timers.processor.js';
import { TeamTimerHandler } from '../timers/team-timer.handler.js';
import { COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';
import { CallbacksHandler } from './callbacks.handler.js';
import { CasesHandler } from './cases.handler.js';
import { ComplaintTeamActionsHandler } from './complaint-team-actions.handler.js';
import { QueuesHandler } from './queues.handler.js';
import { ReportsHandler } from './reports.handler.js';
import { StaffComplaintsHandler } from './staff-complaints.handler.js';
import { SurveysHandler } from './surveys.handler.js';

/** The providers of the team features. */
export const TEAM_PROVIDERS = [
  CallbacksHandler,
  CasesHandler,
  ComplaintTeamActionsHandler,
  QueuesHandler,
  ReportsHandler,
  StaffComplaintsHandler,
  SurveysHandler,
  ComplaintFollowUp,
  CallbackSourcesConsumer,
  NotificationAdapters,
  TeamTimerHandler,
];

/**
 * What the team features run on the complaints host (issue 11): their RPC subjects, read models
 * and processes over the log, consumers of other services' events and of the notification event
 * (the adapters), and their timers.
 */
@Injectable()
export class TeamWiring {
  constructor(
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly config: ComplaintsTeamConfig,
    private readonly callbacks: CallbacksHandler,
    private readonly cases: CasesHandler,
    private readonly actions: ComplaintTeamActionsHandler,
    private readonly queues: QueuesHandler,
    private readonly reports: ReportsHandler,
    private readonly staff: StaffComplaintsHandler,
    private readonly surveys: SurveysHandler,
    private readonly followUp: ComplaintFollowUp,
    private readonly sources: CallbackSourcesConsumer,
    private readonly adapters: NotificationAdapters,
    private readonly timers: TeamTimerHandler,
  ) {}

  rpc(): Record<string, RpcHandler> {
    const R = ComplaintsTeamRpc;
    return {
      [R.MergeComplaint]: (p, c) => this.actions.merge(p, c),
      [R.SplitComplaint]: (p, c) => this.actions.split(p, c),
      [R.KeepPromise]: (p, c) => this.actions.keepPromise(p, c),
      [R.ListCallbacks]: (p, c) => this.callbacks.list(p, c),
      [R.GetCallback]: (p, c) => this.callbacks.get(p, c),
      [R.RecordCallbackAttempt]: (p, c) => this.callbacks.attempt(p, c),
      [R.CompleteCallback]: (p, c) => this.callbacks.complete(p, c),
      [R.RunCallbackSampling]: (p, c) => this.callbacks.samplingRun(p, c),
      [R.ListNotifications]: (p, c) => this.queues.notifications(p, c),
      [R.MyQueue]: (p, c) => this.queues.mine(p, c),
      [R.TeamQueue]: (p, c) => this.queues.team(p, c),
      [R.FileStaffComplaint]: (p, c) => this.staff.file(p, c),
      [R.StaffComplaintAction]: (p, c) => this.staff.act(p, c),
      [R.GetStaffComplaint]: (p, c) => this.staff.get(p, c),
      [R.ListStaffComplaints]: (p, c) => this.staff.list(p, c),
      [R.StaffComplaintHistory]: (p, c) => this.staff.history(p, c),
      [R.CreateSurvey]: (p, c) => this.surveys.create(p, c),
      [R.RecordSurveyResponse]: (p, c) => this.surveys.respond(p, c),
      [R.SurveyResults]: (p, c) => this.surveys.results(p, c),
      [R.DraftCase]: (p, c) => this.cases.draft(p, c),
      [R.PublishCase]: (p, c) => this.cases.publish(p, c),
      [R.SearchCases]: (p, c) => this.cases.search(p, c),
      [R.ComplaintReport]: (p, c) => this.reports.complaints(p, c),
    };
  }

  processors(): Processor<OrmTx>[] {
    const readModels = composedProjection('projection:complaint-team:v1', [
      callbackListProjection,
      staffComplaintListProjection,
      surveyResponseProjection,
      caseLibraryProjection,
      notificationOutboxProjection(() => this.config.roster),
      teamTimersProcessor,
    ]);
    return [readModels, this.followUp.processor()];
  }

  /** Consumers: `producer` names the event stream they read. */
  consumers(): ServiceConsumer[] {
    const adapters = [{ consumerId: NOTIFICATION_LOG_CONSUMER, sink: this.adapters.log }, ...(this.adapters.webhook ? [{ consumerId: NOTIFICATION_WEBHOOK_CONSUMER, sink: this.adapters.webhook }] : [])];
    return [
      { consumerId: AFTER_SALES_CALLBACKS_CONSUMER, producer: 'after-sales', filterSubject: 'after-sales.evt.AfterSalesCompleted.v1', handle: (e, tx) => this.sources.afterSales(e, tx) },
      ...consumersPerSubject({ consumerId: MEMBER_CALLBACKS_CONSUMER, producer: 'members', handle: (e) => this.sources.members(e) }, [
        membershipExpiringV1.subject,
        memberChurnedV1.subject,
        birthdayGiftDueV1.subject,
      ]),
      ...adapters.map((a) => ({ consumerId: a.consumerId, producer: 'complaints', filterSubject: 'complaints.evt.ComplaintNotificationRequested.v1', handle: this.adapters.handler(a.sink) })),
    ];
  }

  /** Fires a team timer; false when the timer is not one of the team's. */
  async fire(timer: Timer): Promise<boolean> {
    if (!this.timers.handles(timer)) return false;
    await this.timers.fire(timer);
    return true;
  }
}

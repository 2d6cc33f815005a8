import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { SURVEY_RESPONSE_STREAM_TYPE } from '../../survey-response/survey-response.decider.js';
import type { SurveyResponseEvent } from '../../survey-response/survey-response.events.js';

/** One row per invitation: results per store, agent and channel (CSAT, response rate). */
export const surveyResponseProjection: Projection<OrmTx> = {
  id: 'projection:survey-responses:v1',
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      if (recorded.streamType !== SURVEY_RESPONSE_STREAM_TYPE) continue;
      const event = { type: recorded.type, data: recorded.data } as SurveyResponseEvent;
      const id = recorded.streamId.slice(SURVEY_RESPONSE_STREAM_TYPE.length + 1);
      switch (event.type) {
        case 'SurveyInvitationSent': {
          const d = event.data;
          await tx.query(
            `insert into survey_response_v1 (response_id, survey_id, store_id, agent_id, channel, invited_at) values ($1, $2, $3, $4, $5, $6)
             on conflict (response_id) do nothing`,
            [d.responseId, d.surveyId, d.storeId, d.agentId ?? null, d.channel, d.at],
          );
          break;
        }
        case 'SurveyAnswered':
          await tx.query('update survey_response_v1 set answered_at = $2, consent = true, satisfaction = $3 where response_id = $1', [id, event.data.at, event.data.satisfaction ?? null]);
          break;
        case 'SurveyDeclined':
          await tx.query('update survey_response_v1 set consent = false where response_id = $1', [id]);
          break;
        default:
          break;
      }
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from survey_response_v1');
  },
};

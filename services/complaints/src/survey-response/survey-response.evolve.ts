import type { SurveyResponseEvent } from './survey-response.events.js';
import { surveyResponseLifecycle } from './survey-response.lifecycle.js';
import type { SurveyResponseState } from './survey-response.state.js';

export function evolveSurveyResponse(state: SurveyResponseState, event: SurveyResponseEvent): SurveyResponseState {
  if (event.type === 'SurveyInvitationSent') {
    const { at, by: _by, ...context } = event.data;
    return { ...context, status: surveyResponseLifecycle.statusAfter(event, undefined), invitedAt: at };
  }
  if (!state) return state;
  const status = surveyResponseLifecycle.statusAfter(event, state.status);
  switch (event.type) {
    case 'SurveyAnswered':
      return { ...state, status, answers: event.data.answers, satisfaction: event.data.satisfaction, respondedAt: event.data.at };
    case 'SurveyDeclined':
      return { ...state, status, respondedAt: event.data.at };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

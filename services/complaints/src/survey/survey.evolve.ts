import type { SurveyEvent } from './survey.events.js';
import { surveyLifecycle } from './survey.lifecycle.js';
import type { SurveyState } from './survey.state.js';

export function evolveSurvey(state: SurveyState, event: SurveyEvent): SurveyState {
  switch (event.type) {
    case 'SurveyCreated': {
      const { at, by, ...d } = event.data;
      return { ...d, status: surveyLifecycle.statusAfter(event, undefined), createdAt: at, createdBy: by };
    }
    case 'SurveyClosed':
      return state && { ...state, status: surveyLifecycle.statusAfter(event, state.status), closedAt: event.data.at };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

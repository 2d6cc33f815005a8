import { Inject, Injectable } from '@nestjs/common';
import { fold, type RecordedEvent } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import { afterSalesPolicyDecider, afterSalesPolicyStreamId } from '../after-sales-policy/after-sales-policy.decider.js';
import type { AfterSalesPolicyEvent } from '../after-sales-policy/after-sales-policy.events.js';
import type { AfterSalesTerms, TermsInForce } from '../policy/after-sales-terms.policy.js';

export const AFTER_SALES_DEFAULT_TERMS = Symbol('AFTER_SALES_DEFAULT_TERMS');

export interface TermsView extends TermsInForce {
  definedAt?: string;
  definedBy?: string;
}

/** The after-sales terms in force (or as they were): the last definition, else the configured default as version 0. */
@Injectable()
export class AfterSalesTermsService {
  constructor(
    private readonly host: ServiceHost,
    @Inject(AFTER_SALES_DEFAULT_TERMS) private readonly defaults: AfterSalesTerms,
  ) {}

  async inForce(asOf?: Date): Promise<TermsView> {
    const read = await this.host.store.readStream(afterSalesPolicyStreamId(), asOf ? { asOf } : {});
    return this.fromEvents(read.events, read.version);
  }

  fromEvents(events: readonly RecordedEvent[], version: number): TermsView {
    const state = fold(afterSalesPolicyDecider, events as unknown as AfterSalesPolicyEvent[]);
    if (!state) return { ...structuredClone(this.defaults), version: 0 };
    return { ...structuredClone(state.terms), version, definedAt: state.definedAt, definedBy: state.definedBy };
  }
}

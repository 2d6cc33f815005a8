import { Inject, Injectable } from '@nestjs/common';
import { ServiceHost } from '@cs/nest-common';
import { DEFAULT_AFTER_SALES_POLICY_ID } from '../after-sales-policy/after-sales-policy.decider.js';
import type { AfterSalesTerms, TermsInForce } from '../policy/after-sales-terms.policy.js';
import { afterSalesPolicyStream } from '../rpc/after-sales-stream.js';

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
    const { state, version } = await afterSalesPolicyStream.load(this.host, DEFAULT_AFTER_SALES_POLICY_ID, asOf);
    if (!state) return { ...structuredClone(this.defaults), version: 0 };
    return { ...structuredClone(state.terms), version, definedAt: state.definedAt, definedBy: state.definedBy };
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { FileAfterSalesCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { assertMemberReferenceVisible, consumed, previousReply, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { requireMayFile } from './after-sales-access.js';
import { RequestFiling } from './request-filing.js';

@Injectable()
export class FileRequestHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly filing: RequestFiling,
  ) {}

  /** `POST /v1/after-sales`: a return or exchange past its window is refused here, naming the window's end. */
  async file(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(FileAfterSalesCommand, payload);
    const actor = requireActor(ctx);
    this.org.requireStore(request.storeId);
    requireMayFile(this.org, actor, request);
    await assertMemberReferenceVisible(this.host, this.org, actor, request.memberId);
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const { requestId, type, storeId, memberId, customer, orderRef, receivedAt, items, reason, description, serviceMode, visitAt, warranty, reportedBy, goodsPresent, linkedComplaintId, ...rest } =
      request;
    consumed(rest);
    return this.filing.file(
      {
        requestId: requestId ?? randomUUID(),
        type,
        storeId,
        memberId,
        customer: customer ? { name: customer.name, mobile: customer.mobile } : undefined,
        orderRef,
        receivedOn: receivedAt,
        items: items.map(({ sku, name, size, colour, category, quantity, purchasedQuantity, unitPrice, ...more }) => {
          consumed(more);
          return { sku, name, size, colour, category, quantity, purchasedQuantity, unitPrice };
        }),
        reason,
        description,
        serviceMode,
        visitAt,
        warranty: warranty ?? 'unknown',
        reportedBy,
        goodsPresent,
        linkedComplaintId,
        origin: 'customer',
      },
      actor,
      ctx,
      request,
    );
  }
}

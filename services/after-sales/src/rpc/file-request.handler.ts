import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { FileAfterSalesCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { previousReply, ServiceHost, type CommandReply } from '@cs/nest-common';
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
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const { requestId, receivedAt, customer, items, ...rest } = request;
    return this.filing.file(
      {
        ...rest,
        requestId: requestId ?? randomUUID(),
        receivedOn: receivedAt,
        customer: customer ? { name: customer.name, mobile: customer.mobile } : undefined,
        items: items.map((i) => ({ sku: i.sku, name: i.name, size: i.size, colour: i.colour, category: i.category, quantity: i.quantity, purchasedQuantity: i.purchasedQuantity, unitPrice: i.unitPrice })),
        warranty: rest.warranty ?? 'unknown',
        origin: 'customer',
      },
      actor,
      ctx,
      request,
    );
  }
}

import type { Event } from '@cs/eventstore';
import type { GiftDetails } from './gift.values.js';

export type GiftDefined = Event<'GiftDefined', GiftDetails & { sku: string; at: string; by: string }>;
export type GiftUpdated = Event<'GiftUpdated', Partial<GiftDetails> & { at: string; by: string }>;
export type GiftDeactivated = Event<'GiftDeactivated', { at: string; by: string }>;
export type GiftReactivated = Event<'GiftReactivated', { at: string; by: string }>;

export type GiftEvent = GiftDefined | GiftUpdated | GiftDeactivated | GiftReactivated;

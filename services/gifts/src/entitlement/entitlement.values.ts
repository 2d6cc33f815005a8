export const ENTITLEMENT_KINDS = ['gift_card', 'birthday_gift_card', 'voucher'] as const;
export type EntitlementKind = (typeof ENTITLEMENT_KINDS)[number];

export const ENTITLEMENT_SOURCES = ['complaint_compensation', 'birthday', 'ranking', 'manual'] as const;
export type EntitlementSource = (typeof ENTITLEMENT_SOURCES)[number];

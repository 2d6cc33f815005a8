/** RPC subjects of the members loyalty paths (API.md "Members: loyalty"). */
export const MembersLoyaltyRpc = {
  RecordPurchase: 'members.rpc.RecordPurchase',
  GetPoints: 'members.rpc.GetPoints',
  RequestRedemption: 'members.rpc.RequestRedemption',
  GetRedemption: 'members.rpc.GetRedemption',
  TierHistory: 'members.rpc.TierHistory',
  ExpiringMembers: 'members.rpc.ExpiringMembers',
  BirthdayList: 'members.rpc.BirthdayList',
  RecordBirthdayCard: 'members.rpc.RecordBirthdayCard',
  RecordBirthdayCall: 'members.rpc.RecordBirthdayCall',
  Rankings: 'members.rpc.Rankings',
  MemberAnalysis: 'members.rpc.MemberAnalysis',
  GetLoyaltyConfig: 'members.rpc.GetLoyaltyConfig',
  SetLoyaltyConfig: 'members.rpc.SetLoyaltyConfig',
  LoyaltyConfigHistory: 'members.rpc.LoyaltyConfigHistory',
} as const;

export type MembersLoyaltyRpcSubject = (typeof MembersLoyaltyRpc)[keyof typeof MembersLoyaltyRpc];

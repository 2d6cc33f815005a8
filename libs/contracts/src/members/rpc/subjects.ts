export const MembersRpc = {
  SubmitApplication: 'members.rpc.SubmitApplication',
  ReviewApplication: 'members.rpc.ReviewApplication',
  SupplementApplication: 'members.rpc.SupplementApplication',
  GetMember: 'members.rpc.GetMember',
  ListMembers: 'members.rpc.ListMembers',
  ReviewQueue: 'members.rpc.ReviewQueue',
  ProfileCompleteness: 'members.rpc.ProfileCompleteness',
  MemberHistory: 'members.rpc.MemberHistory',
} as const;

export type MembersRpcSubject = (typeof MembersRpc)[keyof typeof MembersRpc];

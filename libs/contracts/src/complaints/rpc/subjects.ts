export const ComplaintsRpc = {
  FileComplaint: 'complaints.rpc.FileComplaint',
  ClassifyComplaint: 'complaints.rpc.ClassifyComplaint',
  AssignComplaint: 'complaints.rpc.AssignComplaint',
  RecordFirstResponse: 'complaints.rpc.RecordFirstResponse',
  EscalateComplaint: 'complaints.rpc.EscalateComplaint',
  ProposeSolution: 'complaints.rpc.ProposeSolution',
  AcceptSolution: 'complaints.rpc.AcceptSolution',
  RejectSolution: 'complaints.rpc.RejectSolution',
  ResolveComplaint: 'complaints.rpc.ResolveComplaint',
  CloseComplaint: 'complaints.rpc.CloseComplaint',
  ReopenComplaint: 'complaints.rpc.ReopenComplaint',
  InvalidateComplaint: 'complaints.rpc.InvalidateComplaint',
  GetComplaint: 'complaints.rpc.GetComplaint',
  ListComplaints: 'complaints.rpc.ListComplaints',
  ComplaintHistory: 'complaints.rpc.ComplaintHistory',
  ListSlaPolicies: 'complaints.rpc.ListSlaPolicies',
  DefineSlaPolicy: 'complaints.rpc.DefineSlaPolicy',
  GetWorkingCalendar: 'complaints.rpc.GetWorkingCalendar',
  DefineWorkingCalendar: 'complaints.rpc.DefineWorkingCalendar',
} as const;

export type ComplaintsRpcSubject = (typeof ComplaintsRpc)[keyof typeof ComplaintsRpc];

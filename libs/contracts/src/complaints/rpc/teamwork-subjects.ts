/** RPC subjects of the team features (call-backs, staff complaints, surveys, cases, queues, reports). */
export const ComplaintsTeamRpc = {
  MergeComplaint: 'complaints.rpc.MergeComplaint',
  SplitComplaint: 'complaints.rpc.SplitComplaint',
  KeepPromise: 'complaints.rpc.KeepPromise',
  ListCallbacks: 'complaints.rpc.ListCallbacks',
  GetCallback: 'complaints.rpc.GetCallback',
  RecordCallbackAttempt: 'complaints.rpc.RecordCallbackAttempt',
  CompleteCallback: 'complaints.rpc.CompleteCallback',
  RunCallbackSampling: 'complaints.rpc.RunCallbackSampling',
  ListNotifications: 'complaints.rpc.ListNotifications',
  MyQueue: 'complaints.rpc.MyQueue',
  TeamQueue: 'complaints.rpc.TeamQueue',
  FileStaffComplaint: 'complaints.rpc.FileStaffComplaint',
  StaffComplaintAction: 'complaints.rpc.StaffComplaintAction',
  GetStaffComplaint: 'complaints.rpc.GetStaffComplaint',
  ListStaffComplaints: 'complaints.rpc.ListStaffComplaints',
  StaffComplaintHistory: 'complaints.rpc.StaffComplaintHistory',
  CreateSurvey: 'complaints.rpc.CreateSurvey',
  RecordSurveyResponse: 'complaints.rpc.RecordSurveyResponse',
  SurveyResults: 'complaints.rpc.SurveyResults',
  DraftCase: 'complaints.rpc.DraftCase',
  PublishCase: 'complaints.rpc.PublishCase',
  SearchCases: 'complaints.rpc.SearchCases',
  ComplaintReport: 'complaints.rpc.ComplaintReport',
} as const;

export type ComplaintsTeamRpcSubject = (typeof ComplaintsTeamRpc)[keyof typeof ComplaintsTeamRpc];

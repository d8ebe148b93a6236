// English for the server's enumerations by their own key (`namespace:key`), read by the
// label maps in web/src/lib/labels.ts. Keyed by the enum, not the Chinese: 受理 is an action
// (Accept), a step (Intake) and a role (Receiver), each with its own English.
export default {
  // Case states (src/cases/types.ts CASE_STATE_LABELS).
  'caseState:submitted': 'Submitted, awaiting acceptance', 'caseState:awaitingSupplement': 'Awaiting documents', 'caseState:accepted': 'Accepted',
  'caseState:inProgress': 'In progress', 'caseState:suspended': 'Special procedure (clock paused)', 'caseState:reportedUp': 'Reported up for approval (clock paused)',
  'caseState:decided': 'Decided', 'caseState:resultReady': 'Result ready for pickup', 'caseState:delivered': 'Delivered', 'caseState:completed': 'Completed',
  'caseState:archived': 'Archived', 'caseState:refused': 'Not accepted', 'caseState:returned': 'Returned', 'caseState:withdrawn': 'Withdrawn', 'caseState:terminated': 'Terminated',
  // Channels.
  'channel:window': 'Window', 'channel:online': 'Online', 'channel:agent': 'Agent', 'channel:appointment': 'Appointment', 'channel:post': 'Post',
  // Case actions, also the events of a case's history.
  'caseAction:submit': 'Application submitted', 'caseAction:overturn': 'Refusal filing overturned, case to be redone', 'caseAction:accept': 'Accept',
  'caseAction:notifySupplement': 'Notify documents to supplement', 'caseAction:supply': 'Supply documents', 'caseAction:acceptConditional': 'Accept with documents owed',
  'caseAction:return': 'Return', 'caseAction:refuse': 'Refuse to accept', 'caseAction:assign': 'Assign', 'caseAction:handOver': 'Hand over',
  'caseAction:completeStep': 'Complete this step', 'caseAction:suspend': 'Start a special procedure', 'caseAction:resume': 'Resume the clock',
  'caseAction:requestExtension': 'Request an extension', 'caseAction:approveExtension': 'Approve the extension', 'caseAction:rejectExtension': 'Reject the extension',
  'caseAction:decide': 'Decide', 'caseAction:markResultReady': 'Result ready for pickup', 'caseAction:deliver': 'Deliver', 'caseAction:complete': 'Complete',
  'caseAction:withdraw': 'Withdraw', 'caseAction:reportUp': 'Report to the higher authority', 'caseAction:recordReply': 'Record the higher authority’s reply',
  'caseAction:assignPart': 'Assign joint tasks', 'caseAction:giveOpinion': 'Give the joint opinion', 'caseAction:callMeeting': 'Call a joint review meeting',
  'caseAction:recordMeeting': 'Record the meeting’s result', 'caseAction:appointCoordinator': 'Appoint the end-to-end agent',
  // Events the engine writes by itself (JOINT_EVENT_LABELS, SYSTEM_EVENT_LABELS).
  'caseEvent:deemConsent': 'Deemed to agree (overdue, absent default)', 'caseEvent:escalatePart': 'Opinion overdue, escalated to supervision',
  'caseEvent:calendarMoved': 'Work calendar changed, deadlines moved with it', 'caseEvent:feeNotice': 'Payment notice issued', 'caseEvent:feePaid': 'Payment recorded',
  'caseEvent:routeSheet': 'Route sheet issued', 'caseEvent:controlSheet': 'Internal approval control sheet issued', 'caseEvent:reviewDefect': 'Material review problem recorded',
  'caseEvent:deemedApproval': 'Promised time limit passed: deemed approved', 'caseEvent:pledgeOverdue': 'Deadline for owed documents passed',
  // Joint opinions and parts.
  'opinion:agree': 'Agree', 'opinion:agreeWithConditions': 'Agree with conditions', 'opinion:disagree': 'Disagree',
  'partStatus:pending': 'In progress', 'partStatus:answered': 'Opinion given', 'partStatus:deemed': 'Deemed to agree (overdue)', 'partStatus:escalated': 'Overdue, escalated',
  // Notices and internal paperwork (the documents themselves stay Chinese).
  'document:receipt': 'Receipt', 'document:acceptance': 'Acceptance notice', 'document:jointAcceptance': 'Joint acceptance notice', 'document:supplement': 'Supplement notice',
  'document:pledge': 'Conditional acceptance pledge', 'document:return': 'Return notice', 'document:refusal': 'Refusal notice', 'document:specialProcedure': 'Special procedure notice',
  'document:extension': 'Extension notice', 'document:approval': 'Decision to approve', 'document:denial': 'Decision to deny', 'document:completion': 'Completion notice',
  'document:paymentNotice': 'Payment notice', 'document:handlingNotice': 'Handling notice', 'document:routeSheet': 'Route sheet', 'document:controlSheet': 'Internal approval control sheet',
  // Statistics grouping.
  'groupBy:none': 'Total', 'groupBy:day': 'Day', 'groupBy:month': 'Month', 'groupBy:center': 'Center', 'groupBy:department': 'Department', 'groupBy:window': 'Window',
  'groupBy:item': 'Item', 'groupBy:kind': 'Case type', 'groupBy:channel': 'Channel',
  // Standard handling steps (a catalog's own step names stay as written).
  'step:受理': 'Intake', 'step:窗口受理': 'Window intake', 'step:窗口受理并审查': 'Window intake and review', 'step:审查': 'Review', 'step:材料审查': 'Material review',
  'step:复核': 'Second review', 'step:分办': 'Assignment', 'step:决定': 'Decision', 'step:签批': 'Sign-off', 'step:送达': 'Delivery', 'step:办结': 'Completion',
  'step:全程办事人分办': 'Assignment by the coordinator', 'step:全程办事人复核': 'Review by the coordinator', 'step:全程办事人当场复核': 'On-the-spot review by the coordinator',
  'step:首席代表签批': 'Sign-off by the chief representative', 'step:首席代表当场签批': 'On-the-spot sign-off by the chief representative',
  'step:分管领导签发': 'Sign-off by the leader in charge', 'step:当场办结出件': 'Completed and issued on the spot', 'step:现场核查': 'On-site check', 'step:现场检查': 'On-site inspection',
  'step:公示': 'Public notice', 'step:审核意见': 'Review opinion', 'step:登记审查': 'Registration review', 'step:登簿审核': 'Register entry review', 'step:缮证': 'Certificate issuing',
} as Record<string, string>;

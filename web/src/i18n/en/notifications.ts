// English for notifications (web/src/pages/notifications).
export default {
  '我的通知': 'My notifications',
  '条未读': 'unread',
} as Record<string, string>;

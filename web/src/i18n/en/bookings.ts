// English for 我的预约 and the booking page's account texts (web/src/pages/hall/MyBookingsPage.tsx, BookingPage.tsx).
export default {
  '我的预约': 'My appointments',
  '我的预约 · 政务服务中心': 'My appointments · Government Service Center',
  '已预约': 'Booked',
  '已取消': 'Cancelled',
  '已爽约': 'Missed',
  '暂无预约': 'No appointments yet',
  '确认取消': 'Yes, cancel it',
  '不取消': 'Keep it',
  '时段已开始，不能取消': 'Too late to cancel',
  '在“我的预约”中查看和取消预约': 'See and cancel your appointments under “My appointments”',
} as Record<string, string>;

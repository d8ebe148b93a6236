// English for the statistics report (web/src/pages/stats).
export default {
  '分组': 'Group',
  '收件数': 'Received',
  '受理数': 'Accepted',
  '办结数': 'Finished',
  '按时办结率(%)': 'On-time rate (%)',
  '办件统计报表 · 政务服务中心': 'Case statistics report · Government Service Center',
  '办件统计报表': 'Case statistics report',
  '统计期间': 'Period',
  '中心': 'Center',
  '窗口': 'Window',
  '申报渠道': 'Channel',
  '不分组': 'No grouping',
  '统计图': 'Chart',
  '本期无数据': 'No data for this period',
  '统计表（{from} 至 {to}）': 'Table ({from} to {to})',
  '收件按提交日、受理按受理日、办结按作出决定之日计；在办数为期末存量。比率由原始计数在查询时计算，四舍五入保留两位小数。 好评率、投诉与代办量待好差评、投诉、代办模块上线后提供。': 'Received by submission date, accepted by acceptance date, finished by decision date; in progress is the stock at the end of the period. Rates are computed from the raw counts when asked and rounded to two decimals. Satisfaction, complaints and agency counts follow when those modules are live.',
  // Measures (src/stats/measures.ts MEASURE_COLUMNS), column titles of the table.
  '不予受理数': 'Refused', '一次性告知数': 'Supplement notices', '按时办结数': 'Finished on time', '超期办结数': 'Finished late',
  '在办数（期末）': 'In progress (end of period)', '平均办理工作日': 'Average working days', '即办率(%)': 'On-the-spot rate (%)',
  '一次办结率(%)': 'First-time completion rate (%)', '网办率(%)': 'Online rate (%)',
  // Row names by key (StatsParts.tsx): the no-window row of a report grouped by window.
  '统计表': 'Statistics table',
  '未经窗口（网上申报未受理等）': 'No window (online, not yet accepted …)',
  // 一件事 section (ThingsStatsCard.tsx)
  '一件事（{from} 至 {to}）': 'One-thing bundles ({from} to {to})',
  '一件事统计表': 'One-thing bundle table',
  '申请数': 'Filed',
  '已送达': 'Delivered',
  '在办（当前）': 'Running (now)',
  '整件评价数': 'Ratings of the whole',
  '整件好评率': 'Good-rating rate of the whole',
  '申请按提交日、办结按最后一项事项结束之日计；用时为提交次日至办结日的工作日数（本中心工作日历）；按时指办结日不晚于承诺总时限到期日。整件评价为申请人对一件事整体的评价，差评由牵头部门整改。在办与亮灯截至今日。导出Excel另有“一件事”一页。':
    'Filed by the day of filing, ended by the day the last item ended; days are working days from the day after filing to the end (the center’s calendar); on time means ended on or before the promised total’s due day. Ratings of the whole are the applicant’s rating of the bundle as a whole; a bad one is rectified by the lead department. Running and lights as of today. The Excel export has a sheet of its own for them.',
} as Record<string, string>;

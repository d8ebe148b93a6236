// English for strings shared by every page (layout, buttons, errors).
export default {
  '页面不存在': 'Page not found',
  '返回首页': 'Back to home',
  '操作失败': 'Operation failed',
} as Record<string, string>;

// English for the login page.
export default {
  '登录 · 政务服务中心': 'Sign in · Government Service Center',
  '登录政务服务平台': 'Sign in to the service platform',
  '用户名': 'User name',
  '请输入用户名': 'Enter your user name',
  '密码': 'Password',
  '请输入密码': 'Enter your password',
  '演示账号': 'Demo accounts',
  '密码均为': 'All passwords are',
  '，点击一行即可填入': '; click a row to fill it in',
  '角色': 'Role',
  '姓名': 'Name',
  '说明': 'Note',
  '填入': 'Fill in',
  '直接登录': 'Sign in now',
  '密码均为 {password}，点击一行即可填入': 'All passwords are {password}; click a row to fill it in',
} as Record<string, string>;

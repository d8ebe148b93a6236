/** The message host (feedback.tsx): antd's message hook inside the theme, loaded after the first render. */
import { useEffect, type ReactElement } from 'react';
import { message } from 'antd';
import { setMessageApi } from './messageApi';

export default function FeedbackHost(): ReactElement | null {
  const [api, holder] = message.useMessage();
  useEffect(() => setMessageApi(api), [api]);
  return holder;
}

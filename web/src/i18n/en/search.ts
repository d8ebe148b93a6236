// English for the guide's search box suggestions and 热门事项 (web/src/components/GuideSearchBox.tsx, pages/portal/PopularItems.tsx).
export default {
  '热门事项': 'Popular services',
  '近{d}日{n}件': '{n} applications in the last {d} days',
} as Record<string, string>;

// The portal home's first API reads, started while the app's code is still downloading (on Fast 3G
// that code takes ~2 s; asked for after it, each read waited another round trip). The app's own
// fetch of the same URL then takes the preloaded answer. Only on the home page (docs/performance.md).
(function () {
  if (location.pathname !== '/' || location.search) return;
  ['/api/public/items?page=1&pageSize=20', '/api/public/popular', '/api/public/duty/today-leader'].forEach(function (href) {
    var l = document.createElement('link');
    l.rel = 'preload';
    l.as = 'fetch';
    l.crossOrigin = 'anonymous';
    l.href = href;
    document.head.appendChild(l);
  });
})();

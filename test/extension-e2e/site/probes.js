/* global window, navigator, fetch, XMLHttpRequest, Image, location, queueMicrotask, setTimeout, dataLayer: writable */
// A battery of probes a page could run to notice the hook: what push, fetch, sendBeacon and
// XHR return, which `this` they see, what they throw, how their callbacks are ordered and how
// the wrapped functions print. The test runs it with and without the extension and expects
// the very same results.
(function () {
  const results = {};
  const order = [];
  const collect = location.origin + '/g/collect?v=2&tid=G-PROBE&cid=1.2&_s=1';
  const describe = (error) => (error ? error.constructor.name + ': ' + error.message : 'none');
  const attempt = (probe) => {
    try {
      return probe();
    } catch (error) {
      return 'threw ' + describe(error);
    }
  };

  window.dataLayer = window.dataLayer || [];
  results.firstPushReturns = dataLayer.push({ event: 'probe' });
  results.multiPushReturns = dataLayer.push({ a: 1 }, { b: 2 });
  results.nativePushSource = Function.prototype.toString.call(dataLayer.push);
  results.pushName = dataLayer.push.name;
  results.pushLength = dataLayer.push.length;

  const thisSeen = [];
  const previous = dataLayer.push;
  const thrown = new Error('replaced push throws');
  dataLayer.push = function (message) {
    thisSeen.push(
      this === dataLayer ? 'dataLayer' : this === undefined ? 'undefined' : typeof this,
    );
    if (message && message.shouldThrow) throw thrown;
    previous.apply(this, arguments);
    return 'custom';
  };
  results.replacedReturns = dataLayer.push({ event: 'replaced' });
  results.replacedSource = String(dataLayer.push).slice(0, 20);
  results.keysAfterReplacement = Object.keys(dataLayer).filter((key) => !/^\d+$/.test(key));
  const detached = dataLayer.push;
  results.detachedReturns = attempt(() => detached({ event: 'detached' }));
  results.calledOnOther = attempt(() => detached.call([], { event: 'other' }));
  try {
    dataLayer.push({ shouldThrow: true });
    results.sameErrorThrown = 'nothing thrown';
  } catch (error) {
    results.sameErrorThrown = error === thrown;
  }
  results.thisSeen = thisSeen;
  results.lengthAfter = dataLayer.length;

  results.fetchSource = Function.prototype.toString.call(fetch);
  results.fetchName = fetch.name + '/' + fetch.length;
  results.sendBeaconSource = String(navigator.sendBeacon);
  results.openLength = XMLHttpRequest.prototype.open.length;
  results.toStringSource = Function.prototype.toString.call(Function.prototype.toString);
  results.fetchIsConstructor = attempt(() => {
    new fetch(collect);
    return 'constructed';
  });
  results.fetchWrongThis = attempt(() => fetch.call({}, collect) && 'no throw');
  results.beaconWrongThis = attempt(() => navigator.sendBeacon.call({}, collect));
  results.beaconReturns = navigator.sendBeacon(collect + '&en=probe_beacon', 'en=probe');
  results.beaconInvalidUrl = attempt(() => navigator.sendBeacon('http://[bad', 'x'));

  const image = new Image();
  image.src = collect + '&en=probe_image';
  results.imageSrc = image.src === collect + '&en=probe_image';

  order.push('sync-start');
  const fetched = fetch(collect + '&en=probe_fetch', { method: 'POST', body: 'en=probe_fetch' });
  results.fetchReturnsPromise = fetched instanceof Promise;
  fetched.then((response) => order.push('fetch-resolved ' + response.status));
  Promise.resolve().then(() => order.push('microtask'));
  queueMicrotask(() => order.push('queueMicrotask'));
  dataLayer.push({ event: 'ordered' });
  order.push('sync-end');

  let unhandled = 0;
  window.addEventListener('unhandledrejection', () => {
    unhandled += 1;
  });
  fetch('http://127.0.0.1:9/g/collect?v=2&tid=G-PROBE&en=refused');

  const request = new XMLHttpRequest();
  request.open('POST', collect + '&en=probe_xhr');
  results.xhrSendReturns = String(request.send('en=probe_xhr'));
  request.onloadend = () => order.push('xhr-loadend ' + request.status);
  results.xhrSendTwice = attempt(() => request.send('again'));

  setTimeout(function waitForCallbacks() {
    if (
      !order.some((entry) => entry.startsWith('xhr-loadend')) ||
      !order.some((entry) => entry.startsWith('fetch'))
    ) {
      setTimeout(waitForCallbacks, 50);
      return;
    }
    setTimeout(() => {
      results.order = order.slice(0, 5).concat(order.slice(5).sort());
      results.unhandledRejections = unhandled;
      results.controlHookVisible = Boolean(
        Object.getOwnPropertyDescriptor(window, 'dataLayer').get,
      );
      window.probeResults = results;
    }, 500);
  }, 50);
})();

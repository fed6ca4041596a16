/* Samen stand mode's service worker: the stand page, its stylesheet and script stay
   available without a network. Served from /wijk/<slug>/standje/sw.js, so its scope is the
   stand page's folder. Entries are not handled here: stand.js keeps them in localStorage. */
"use strict";
var CACHE = "samen-stand-v1";
var PAGE = self.registration.scope;
var ASSETS = new URL(self.location.href).searchParams.getAll("asset");

function keep(cache, url, response) {
  // A redirect (to the login page) or an error page must never stand in for the stand page.
  if (response.ok && !response.redirected && response.type === "basic") {
    return cache.put(url, response.clone()).then(function () { return response; });
  }
  return response;
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(ASSETS.concat([PAGE]).map(function (url) {
        return fetch(url, { credentials: "same-origin" })
          .then(function (response) { return keep(cache, url, response); })
          .catch(function () {});
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = request.url.split("#")[0];
  if (request.mode === "navigate" && url.split("?")[0] === PAGE) {
    // The page: the network first (fresh count and token); the cached copy when the network
    // fails or hangs for more than five seconds (a weak signal at the stand).
    event.respondWith(caches.open(CACHE).then(function (cache) {
      var network = fetch(request).then(function (response) {
        return url === PAGE ? keep(cache, PAGE, response) : response;
      });
      var fallback = new Promise(function (resolve) {
        network.catch(function () { resolve(); });
        setTimeout(resolve, 5000);
      }).then(function () {
        return cache.match(PAGE, { ignoreVary: true }).then(function (hit) { return hit || network; });
      });
      return Promise.race([network.catch(function () { return fallback; }), fallback]);
    }));
  } else if (ASSETS.indexOf(url) !== -1) {
    // The stylesheet and script: from the cache at once, refreshed in the background.
    event.respondWith(caches.open(CACHE).then(function (cache) {
      var network = fetch(request).then(function (response) { return keep(cache, url, response); });
      return cache.match(url, { ignoreVary: true }).then(function (hit) {
        if (hit) { network.catch(function () {}); return hit; }
        return network;
      });
    }));
  }
});

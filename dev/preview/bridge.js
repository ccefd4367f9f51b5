// google.script.run for the local preview: forwards each call to the preview server, which runs the
// real bundle in the offline Apps Script runtime. Mirrors the documented client rules
// (https://developers.google.com/apps-script/guides/html/communication): each with* call returns a new
// runner, arguments must be primitives, null, arrays or plain objects — a Date or a function fails the call.
(function () {
  function illegal(value) {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].indexOf(typeof value) >= 0)
      return null;
    if (typeof value === 'function') return 'a function';
    if (Object.prototype.toString.call(value) === '[object Date]') return 'a Date';
    if (typeof Node !== 'undefined' && value instanceof Node) return 'a DOM node';
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      var found = illegal(value[keys[i]]);
      if (found) return found;
    }
    return null;
  }

  function runner(success, failure, userObject) {
    var target = {
      withSuccessHandler: function (fn) {
        return runner(fn, failure, userObject);
      },
      withFailureHandler: function (fn) {
        return runner(success, fn, userObject);
      },
      withUserObject: function (obj) {
        return runner(success, failure, obj);
      },
    };
    return new Proxy(target, {
      get: function (t, name) {
        if (name in t) return t[name];
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (message) {
            if (failure) failure(new Error(message), userObject);
            else console.error(message);
          };
          var bad = illegal(args);
          if (bad) {
            setTimeout(function () {
              fail(
                'Failed due to illegal value in argument: ' + bad + ' cannot be passed to ' + String(name),
              );
            });
            return;
          }
          fetch('/rpc', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              name: name,
              args: args.map(function (a) {
                return a === undefined ? null : a;
              }),
            }),
          })
            .then(function (r) {
              return r.json();
            })
            .then(
              function (reply) {
                if (reply.ok) {
                  if (success) success(reply.value, userObject);
                } else fail(reply.error);
              },
              function (e) {
                fail(String(e));
              },
            );
        };
      },
    });
  }

  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: function () {},
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} },
      },
    },
  };
})();

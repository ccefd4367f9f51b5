// google.script.run for the local preview: forwards each call to the preview server, which runs the
// real bundle in the offline Apps Script runtime. Mirrors the browser's client
// (https://developers.google.com/apps-script/guides/html/reference/run): the runner has one method per server
// function (the preview server lists them in __SCRIPT_FUNCTIONS__; names ending in "_" are private), so an
// unknown name is a TypeError at the call site; each with* call returns a new runner; an illegal argument (a
// Date, function, DOM node, circular object…) throws a TypeError synchronously and nothing is sent; a result
// holding a Date arrives as null (the server's copy does that).
(function (functionNames) {
  function illegalPath(value, key, seen) {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].indexOf(typeof value) >= 0)
      return null;
    if (typeof value !== 'object' || seen.indexOf(value) >= 0) return key;
    var proto = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== null && proto !== Object.prototype) return key;
    var inner = seen.concat([value]);
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      var found = illegalPath(value[keys[i]], keys[i], inner);
      if (found !== null) return found;
    }
    return null;
  }

  function send(name, args, success, failure, userObject) {
    var fail = function (message) {
      if (failure) failure(new Error(message), userObject);
      else console.error(message);
    };
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
  }

  function runner(success, failure, userObject) {
    var run = {
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
    functionNames.forEach(function (name) {
      if (/_$/.test(name)) return;
      run[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        for (var i = 0; i < args.length; i++) {
          var bad = illegalPath(args[i], String(i), []);
          if (bad !== null) throw new TypeError('Failed due to illegal value in property: ' + bad);
        }
        send(name, args, success, failure, userObject);
      };
    });
    return run;
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
})(window.__SCRIPT_FUNCTIONS__ || []);

#!/usr/bin/env bash
# Runs the README's two commands on a fresh Debian machine that has only Node (and git): a bookworm minbase root
# made by debootstrap, this machine's node and npm copied in, the repository cloned inside. No Docker engine runs
# here, so a chroot stands in for the container. Needs root and debootstrap (apt-get install -y debootstrap).
#   dev/fresh-machine/run.sh [repo-path-or-url] [root-dir]
# Prints the time and result of `npm install && npm test` and of `npm start` answering on its port.
set -euo pipefail
repo=${1:-$(git rev-parse --show-toplevel)}
root=${2:-/tmp/fresh-debian}
if [ ! -x "$root/bin/bash" ]; then
  debootstrap --variant=minbase --include=ca-certificates,git bookworm "$root" http://deb.debian.org/debian
fi
cp "$(command -v node)" "$root/usr/bin/node"
mkdir -p "$root/usr/lib/node_modules"
rm -rf "$root/usr/lib/node_modules/npm"
cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$root/usr/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/bin/npx"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# This workplace reaches the registries through a proxy with its own certificate authority; a machine of it trusts
# that CA (the same files and variables as here), so the fresh root does too.
if ls /usr/local/share/ca-certificates/*.crt > /dev/null 2>&1; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates > /dev/null
fi
rm -rf "$root/work" && mkdir -p "$root/work"
git clone -q "$repo" "$root/work/app"
for m in proc sys dev dev/shm; do mountpoint -q "$root/$m" || mount --bind "/$m" "$root/$m"; done
trap 'for m in dev/shm dev sys proc; do umount "$root/$m" 2>/dev/null || true; done' EXIT
chroot "$root" /usr/bin/env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  npm_config_cafile=/etc/ssl/certs/ca-certificates.crt /bin/bash -c '
  set -u; cd /work/app
  echo "fresh machine: $(. /etc/os-release; echo "$PRETTY_NAME"), node $(node --version), chromium: $(command -v chromium || echo none)"
  start=$(date +%s)
  npm install --no-audit --no-fund > /work/install.log 2>&1; install_rc=$?
  npm test > /work/test.log 2>&1; test_rc=$?
  end=$(date +%s)
  echo "npm install: exit $install_rc; npm test: exit $test_rc; $((end - start)) s in all"
  grep -E "^[0-9]+ passed, [0-9]+ failed" /work/test.log | tail -1
  PORT=8099 setsid npm start > /work/start.log 2>&1 &
  preview=$!
  for i in $(seq 1 90); do
    node -e "fetch(\"http://127.0.0.1:8099/\").then(r => r.ok ? r.text() : Promise.reject(r.status)).then(t => console.log(t.length))" \
      > /work/page.bytes 2>/dev/null && break
    sleep 1
  done
  echo "npm start: the preview answered with a $(cat /work/page.bytes 2>/dev/null || echo "no")-byte page after ${i} s"
  kill -- -"$preview" 2> /dev/null || true
'
